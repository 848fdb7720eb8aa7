// People over HTTP on the demo county (issue 14): training classes (进修班) with their lists and
// each secretary's training history, and members' changes of status with an organization's
// trend. The demo recorded four classes (the last year's three and one the year before) and
// status histories for members of the demo secretary's branch and a few others.
#include <gtest/gtest.h>

#include <set>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

std::string ScopeOf(Client& client) {
  return client.Get("/api/v1/session").Json()["user"]["scope"][0].get<std::string>();
}

// A member of `code` still on its roll, and its status.
nlohmann::json MemberOf(Client& client, const std::string& code) {
  // Kept alive while looped over (a range-for over a temporary's member would read freed memory).
  const nlohmann::json page =
      client.Get("/api/v1/organizations/" + code + "/members?limit=100").Json();
  for (const auto& m : page["items"]) {
    if (!m.contains("left") || m["left"].is_null()) return m;
  }
  return nullptr;
}

nlohmann::json NewClass(const std::string& starts, const std::string& ends) {
  return {{"name", "2016年测试进修班"},
          {"starts_on", starts},
          {"ends_on", ends},
          {"organizer", "县委组织部"},
          {"place", "县委党校"}};
}

TEST(HttpTraining, AClassIsRecordedWithItsListAndShowsInTheSecretarysHistory) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply created =
      admin.Send("POST", "/api/v1/training-classes", NewClass("2016-11-01", "2016-11-03").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(created.Json()["id"].get<int>());
  const nlohmann::json list = {
      {"attendees",
       {{{"person", "测试书记甲"}, {"org", "MH002"}},
        {{"person", "测试书记乙"}, {"org", "MH003"}, {"attended", false}, {"note", "病假"}}}}};
  const Reply added =
      admin.Send("POST", "/api/v1/training-classes/" + id + "/attendees", list.dump());
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.Json()["attendees"], 2);
  EXPECT_EQ(added.Json()["attended"], 1);
  EXPECT_EQ(added.Json()["list"].size(), 2u);

  const nlohmann::json history =
      admin
          .Get(
              "/api/v1/"
              "training-history?org=MH003&person=%E6%B5%8B%E8%AF%95%E4%B9%A6%E8%AE%B0%E4%B9%99")
          .Json();
  ASSERT_EQ(history["items"].size(), 1u);
  EXPECT_EQ(history["items"][0]["name"], "2016年测试进修班");
  EXPECT_FALSE(history["items"][0]["attended"].get<bool>());

  const nlohmann::json in_2016 = admin.Get("/api/v1/training-classes?year=2016").Json();
  EXPECT_GE(in_2016["total"].get<int>(), 4);                       // the demo's three and this one
  EXPECT_EQ(in_2016["items"][0]["id"].get<int>(), std::stoi(id));  // the newest first
  EXPECT_TRUE(in_2016["may_manage"].get<bool>());

  const Reply removed = admin.Send("POST", "/api/v1/training-classes/" + id + "/attendees/remove",
                                   R"({"attendees":[{"person":"测试书记甲","org":"MH002"}]})");
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.Json()["list"].size(), 1u);
}

TEST(HttpTraining, WrongInputIsNamedAndNothingIsWritten) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply backwards =
      admin.Send("POST", "/api/v1/training-classes", NewClass("2016-11-03", "2016-11-01").dump());
  EXPECT_EQ(backwards.status, 422);
  EXPECT_EQ(Reason(backwards), "ends_before_start");
  EXPECT_EQ(Field(backwards), "ends_on");

  const Reply created =
      admin.Send("POST", "/api/v1/training-classes", NewClass("2016-11-01", "2016-11-03").dump());
  const std::string path =
      "/api/v1/training-classes/" + std::to_string(created.Json()["id"].get<int>()) + "/attendees";
  const Reply unknown =
      admin.Send("POST", path,
                 R"({"attendees":[{"person":"甲","org":"MH002"},{"person":"乙","org":"NOPE99"}]})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(Reason(unknown), "organization_not_found");
  EXPECT_EQ(Field(unknown), "attendees[1].org");
  const Reply twice =
      admin.Send("POST", path,
                 R"({"attendees":[{"person":"甲","org":"MH002"},{"person":"甲","org":"MH002"}]})");
  EXPECT_EQ(Reason(twice), "duplicate_attendee");
  // All or none: neither line of the refused lists was written.
  EXPECT_EQ(admin.Get(path.substr(0, path.size() - 10)).Json()["list"].size(), 0u);
  EXPECT_EQ(admin.Get("/api/v1/training-classes/999999").status, 404);
}

TEST(HttpTraining, AUnitAdminAddsOnlyItsOwnAndSeesOnlyItsOwn) {
  Client unit;
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  const std::string own = ScopeOf(unit);
  const std::string other = own == "MH002" ? "MH003" : "MH002";
  const Reply created =
      unit.Send("POST", "/api/v1/training-classes", NewClass("2016-12-01", "2016-12-02").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path =
      "/api/v1/training-classes/" + std::to_string(created.Json()["id"].get<int>());
  const Reply outside = unit.Send("POST", path + "/attendees",
                                  R"({"attendees":[{"person":"甲","org":")" + other + R"("}]})");
  EXPECT_EQ(outside.status, 422);
  EXPECT_EQ(Reason(outside), "organization_not_found");  // as for a code never used
  ASSERT_EQ(unit.Send("POST", path + "/attendees",
                      R"({"attendees":[{"person":"甲","org":")" + own + R"("}]})")
                .status,
            200);
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  ASSERT_EQ(admin
                .Send("POST", path + "/attendees",
                      R"({"attendees":[{"person":"乙","org":")" + other + R"("}]})")
                .status,
            200);
  EXPECT_EQ(admin.Get(path).Json()["list"].size(), 2u);
  const nlohmann::json seen = unit.Get(path).Json();
  ASSERT_EQ(seen["list"].size(), 1u);
  EXPECT_EQ(seen["attendees"], 1);
  EXPECT_EQ(seen["list"][0]["org"], own);
  // A secretary may read classes but not record them.
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  EXPECT_EQ(secretary.Get("/api/v1/training-classes").status, 200);
  EXPECT_EQ(
      secretary
          .Send("POST", "/api/v1/training-classes", NewClass("2016-12-01", "2016-12-02").dump())
          .status,
      403);
}

TEST(HttpTraining, TheListExportsAsAWorkbook) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply file = admin.Get("/api/v1/exports/training-classes.xlsx?year=2016");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body.substr(0, 2), "PK");
  EXPECT_NE(file.Header("Content-Disposition").find("training-2016.xlsx"), std::string::npos);
}

TEST(HttpMemberStatus, AChangeIsDatedInOrderAndTheHistoryKept) {
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const std::string branch = ScopeOf(secretary);
  const nlohmann::json member = MemberOf(secretary, branch);
  const std::string id = member["id"];
  const std::string status_path = "/api/v1/members/" + id + "/status";
  const nlohmann::json before = secretary.Get("/api/v1/members/" + id + "/status-history").Json();
  const std::string from = before["status"];
  const std::string to = from == "mobile" ? "regular" : "mobile";
  const Reply changed = secretary.Send(
      "POST", status_path, nlohmann::json({{"status", to}, {"on", "2020-01-15"}}).dump());
  ASSERT_EQ(changed.status, 201) << changed.body;
  EXPECT_EQ(changed.Json()["from"], from);
  const Reply earlier = secretary.Send(
      "POST", status_path, nlohmann::json({{"status", from}, {"on", "2019-12-31"}}).dump());
  EXPECT_EQ(earlier.status, 422);
  EXPECT_EQ(Reason(earlier), "status_change_before_previous");
  EXPECT_EQ(Field(earlier), "on");
  const Reply same = secretary.Send("POST", status_path,
                                    nlohmann::json({{"status", to}, {"on", "2020-02-01"}}).dump());
  EXPECT_EQ(Reason(same), "status_unchanged");
  const nlohmann::json after = secretary.Get("/api/v1/members/" + id + "/status-history").Json();
  EXPECT_EQ(after["status"], to);
  EXPECT_EQ(after["items"].size(), before["items"].size() + 1);
  EXPECT_EQ(after["items"].back()["on"], "2020-01-15");
}

TEST(HttpMemberStatus, TheMemberWriteRecordsAChangeOfStatusToo) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  // A member on the roll (the roster leaves out those who left), as POST /members takes it.
  const nlohmann::json roster = admin.Get("/api/v1/members?limit=1").Json();
  ASSERT_EQ(roster["items"].size(), 1u);
  const nlohmann::json& on_roll = roster["items"][0];
  nlohmann::json member = {{"id", on_roll["id"]},
                           {"name", on_roll["name"]},
                           {"org", on_roll["org"]},
                           {"status", on_roll["status"]},
                           {"joined", on_roll["joined"]}};
  const std::string id = member["id"];
  const std::size_t before =
      admin.Get("/api/v1/members/" + id + "/status-history").Json()["items"].size();
  member["status"] = member["status"] == "pocket" ? "regular" : "pocket";
  const Reply saved = admin.Send("POST", "/api/v1/members", member.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  const nlohmann::json history = admin.Get("/api/v1/members/" + id + "/status-history").Json();
  ASSERT_EQ(history["items"].size(), before + 1);
  EXPECT_EQ(history["items"].back()["to"], member["status"]);
  EXPECT_EQ(history["status"], member["status"]);
}

TEST(HttpMemberStatus, TheTrendCountsEachQuarterFromTheHistory) {
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const std::string branch = ScopeOf(secretary);
  const nlohmann::json trend =
      secretary.Get("/api/v1/organizations/" + branch + "/member-trend?year=2016").Json();
  ASSERT_EQ(trend["points"].size(), 4u);
  EXPECT_EQ(trend["points"][0]["on"], "2016-03-31");
  EXPECT_EQ(trend["points"][3]["on"], "2016-12-31");
  // The demo sent members of the branch away to work in 2016 and some came back: the counts
  // differ between quarters, and each quarter's counts add up to its total.
  std::set<std::string> shapes;
  for (const auto& point : trend["points"]) {
    const nlohmann::json& c = point["counts"];
    EXPECT_EQ(c["total"].get<int>(), c["regular"].get<int>() + c["mobile"].get<int>() +
                                         c["lost_contact"].get<int>() + c["pocket"].get<int>() +
                                         c["retired"].get<int>());
    shapes.insert(c.dump());
  }
  EXPECT_GT(shapes.size(), 1u);
  const Reply outside = secretary.Get("/api/v1/organizations/MH032/member-trend?year=2016");
  const Reply never = secretary.Get("/api/v1/organizations/ZZ032/member-trend?year=2016");
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(never.status, 404);
  EXPECT_EQ(Reason(outside), Reason(never));
}

}  // namespace
}  // namespace grassroots::testing
