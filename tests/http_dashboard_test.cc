// The dashboard's figures over HTTP on the demo county (228 organizations; 2015 and 2016
// assessed; 14 selected in 2016, 4 of them two years running): they agree with the stored
// assessment and cover only what the caller may see.
#include <gtest/gtest.h>

#include <set>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

std::int64_t GradeSum(const nlohmann::json& counts) {
  std::int64_t sum = 0;
  for (const char* g : {"A", "B", "C", "D", "unscored"}) sum += counts["grades"][g].get<int>();
  return sum;
}

std::set<std::string> Codes(const nlohmann::json& list) {
  std::set<std::string> codes;
  for (const auto& item : list) codes.insert(item["code"].get<std::string>());
  return codes;
}

TEST(HttpDashboard, SummaryAgreesWithTheStoredAssessment) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply reply = admin.Get("/api/v1/assessments/2016/summary");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json s = reply.Json();
  EXPECT_TRUE(s["whole_county"].get<bool>());
  const nlohmann::json stored = admin.Get("/api/v1/assessments/2016?limit=1000").Json();
  EXPECT_EQ(s["totals"]["organizations"], stored["total"]);
  EXPECT_EQ(GradeSum(s["totals"]), stored["total"].get<int>());
  // Grades by type add up to the totals.
  std::int64_t by_type = 0;
  for (const auto& t : s["by_type"]) by_type += t["organizations"].get<int>();
  EXPECT_EQ(by_type, stored["total"].get<int>());
  EXPECT_EQ(s["by_type"][0]["type"], "village");
  // The selected list is the stored selection, with names.
  const nlohmann::json selected =
      admin.Get("/api/v1/assessments/2016?selected=true&limit=1000").Json();
  EXPECT_EQ(Codes(s["selected"]), Codes(selected["items"]));
  EXPECT_EQ(s["totals"]["selected"], selected["total"]);
  EXPECT_EQ(s["selected"].size(), 14u);
  EXPECT_EQ(s["selected_total"], selected["total"]);  // all of them fit under the list's cut
  for (const auto& org : s["selected"]) EXPECT_FALSE(org["name"].get<std::string>().empty());
  // Quota use: the village group's arithmetic and its selected count.
  bool village = false;
  for (const auto& q : s["quotas"]) {
    if (q["type"] != "village") continue;
    village = true;
    EXPECT_DOUBLE_EQ(q["ratio"].get<double>(), 0.15);
    EXPECT_GE(q["selected"].get<int>(), q["taken"].get<int>());
  }
  EXPECT_TRUE(village) << s["quotas"].dump();
}

// The summary is kept between requests (http/read_memo.h): a change through the API shows in
// the next one, on whichever worker thread it lands.
TEST(HttpDashboard, SummaryFollowsAChangeMadeThroughTheApi) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json before = admin.Get("/api/v1/assessments/2016/summary").Json();
  ASSERT_EQ(admin.Get("/api/v1/assessments/2016/summary").Json(), before);
  const nlohmann::json unselected =
      admin.Get("/api/v1/assessments/2016?selected=false&limit=1").Json();
  ASSERT_EQ(unselected["items"].size(), 1u);
  const std::string code = unselected["items"][0]["code"];
  ASSERT_EQ(Codes(before["selected"]).count(code), 0u);
  const Reply manual = admin.Send("PUT", "/api/v1/assessments/2016/manual/" + code,
                                  R"({"include":true,"reason":"summary test"})");
  ASSERT_LT(manual.status, 300) << manual.body;
  ASSERT_EQ(admin.Send("POST", "/api/v1/assessments/2016/run", "").status, 200);
  for (int i = 0; i < 4; ++i) {  // a new connection each time: another worker thread
    Client again;
    ASSERT_EQ(again.LoginAs("admin").status, 200);
    const nlohmann::json after = again.Get("/api/v1/assessments/2016/summary").Json();
    EXPECT_EQ(after["totals"]["selected"].get<int>(), before["totals"]["selected"].get<int>() + 1);
    EXPECT_EQ(Codes(after["selected"]).count(code), 1u);
  }
}

TEST(HttpDashboard, ConsecutiveCasesProposeTheRemovalsOfTheRule) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json s = admin.Get("/api/v1/assessments/2016/summary").Json();
  ASSERT_EQ(s["consecutive"].size(), 4u) << s["consecutive"].dump();
  EXPECT_EQ(s["consecutive_total"], 4);
  int branches = 0;
  for (const auto& c : s["consecutive"]) {
    const std::string code = c["code"];
    const nlohmann::json org = admin.Get("/api/v1/organizations/" + code).Json();
    ASSERT_EQ(c["actions"][0]["action"], "remove_secretary");
    EXPECT_EQ(c["actions"][0]["org"], code);
    EXPECT_EQ(c["actions"][0]["name"], c["name"]);  // names come with the actions
    if (org["parent"].is_string() && !org["parent"].get<std::string>().empty()) {
      ++branches;
      ASSERT_EQ(c["actions"].size(), 2u);
      EXPECT_EQ(c["actions"][1]["action"], "remove_parent_secretary");
      EXPECT_EQ(c["actions"][1]["org"], org["parent"]);
      EXPECT_EQ(
          c["actions"][1]["name"],
          admin.Get("/api/v1/organizations/" + org["parent"].get<std::string>()).Json()["name"]);
    } else {
      EXPECT_EQ(c["actions"].size(), 1u);
    }
    // Selected in 2015 too.
    const nlohmann::json before =
        admin.Get("/api/v1/assessments/2015?selected=true&q=" + code).Json();
    EXPECT_EQ(Codes(before["items"]).count(code), 1u) << code;
  }
  EXPECT_EQ(branches, 2);
}

TEST(HttpDashboard, ScopedCallersSeeOnlyTheirOrganizations) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const int all = admin.Get("/api/v1/assessments/2016/summary").Json()["totals"]["organizations"];
  std::size_t selected_checked = 0;
  for (const char* role : {"unit_admin", "secretary", "leader"}) {
    SCOPED_TRACE(role);
    Client user;
    ASSERT_EQ(user.LoginAs(role).status, 200);
    const Reply reply = user.Get("/api/v1/assessments/2016/summary");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const nlohmann::json s = reply.Json();
    EXPECT_FALSE(s["whole_county"].get<bool>());
    const int seen = s["totals"]["organizations"];
    EXPECT_GE(seen, 1);
    EXPECT_LT(seen, all);
    const int listed = user.Get("/api/v1/organizations?limit=1000").Json()["total"];
    EXPECT_EQ(seen, listed);  // the same scope as the organization list
    for (const auto& org : s["selected"]) {
      EXPECT_EQ(user.Get("/api/v1/organizations/" + org["code"].get<std::string>()).status, 200);
      ++selected_checked;
    }
    const nlohmann::json trend = user.Get("/api/v1/assessments/trend").Json();
    ASSERT_EQ(trend["items"].size(), 2u);
    EXPECT_EQ(trend["items"][1]["organizations"], seen);
  }
  EXPECT_GT(selected_checked, 0u) << "some scoped caller sees a selected organization";
}

TEST(HttpDashboard, TrendGivesEveryAssessedYearOldestFirst) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply reply = admin.Get("/api/v1/assessments/trend");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json items = reply.Json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["year"], 2015);
  EXPECT_EQ(items[1]["year"], 2016);
  EXPECT_EQ(items[1]["selected"], 14);
  for (const auto& year : items) {
    EXPECT_EQ(GradeSum(year), year["organizations"].get<int>());
    const nlohmann::json stored =
        admin.Get("/api/v1/assessments/" + std::to_string(year["year"].get<int>()) + "?grade=D")
            .Json();
    EXPECT_EQ(year["grades"]["D"], stored["total"]);
  }
}

TEST(HttpDashboard, AYearNotAssessedIsNotFound) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply reply = admin.Get("/api/v1/assessments/2014/summary");
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.Json()["error"]["field"], "year");
  EXPECT_EQ(admin.Get("/api/v1/assessments/abc/summary").status, 404);
  EXPECT_EQ(Client().Get("/api/v1/assessments/2016/summary").status, 401);
}

}  // namespace
}  // namespace grassroots::testing
