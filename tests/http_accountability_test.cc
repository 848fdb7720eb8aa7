// Interviews (约谈) and organizational adjustments (组织调整) over HTTP on the demo county, whose
// 2016 assessment proposes six removals of secretaries (four consecutive organizations, two of
// them second-level: their parents too); the demo decided the first three (MH002 and MH002-02
// done, MH007 not done) and recorded 2016 interviews with those secretaries.
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

nlohmann::json Interview(const std::string& person, const std::string& on) {
  return {{"on", on},
          {"person", person},
          {"post", "党支部书记"},
          {"org", "MH014"},
          {"interviewer", "组织部 李部长"},
          {"reason", "党建责任落实不力"},
          {"record", "谈话记录"}};
}

// `body` with `code` written as CODE: two refusals that differ only in the code they name.
std::string WithCodeHidden(std::string body, const std::string& code) {
  for (std::size_t at = body.find(code); at != std::string::npos; at = body.find(code, at)) {
    body.replace(at, code.size(), "CODE");
  }
  return body;
}

nlohmann::json Entry(const nlohmann::json& queue, const std::string& code) {
  for (const auto& entry : queue["entries"]) {
    if (entry["org"] == code) return entry;
  }
  return nullptr;
}

TEST(HttpInterviews, AnInterviewMakesThePersonIneligibleThatYearOnly) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  EXPECT_TRUE(admin.Get("/api/v1/eligibility?person=%E9%83%91%E4%B8%80&year=2016")
                  .Json()["eligible"]
                  .get<bool>());  // 郑一: never interviewed
  const Reply recorded =
      admin.Send("POST", "/api/v1/interviews", Interview("郑一", "2016-04-01").dump());
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(recorded.Json()["person_key"], "郑一");
  EXPECT_EQ(recorded.Json()["recorded_by"], "admin");

  const nlohmann::json in_2016 =
      admin.Get("/api/v1/eligibility?person=%E9%83%91%E4%B8%80&year=2016").Json();
  EXPECT_FALSE(in_2016["eligible"].get<bool>());
  ASSERT_EQ(in_2016["blocking"].size(), 1u);
  EXPECT_EQ(in_2016["blocking"][0]["on"], "2016-04-01");
  EXPECT_EQ(in_2016["blocking"][0]["reason"], "党建责任落实不力");
  const nlohmann::json in_2017 =
      admin.Get("/api/v1/eligibility?person=%E9%83%91%E4%B8%80&year=2017").Json();
  EXPECT_TRUE(in_2017["eligible"].get<bool>());
  EXPECT_TRUE(in_2017["blocking"].empty());
  EXPECT_EQ(in_2017["interviews"].size(), 1u);

  const nlohmann::json listed = admin.Get("/api/v1/interviews?year=2016&limit=100").Json();
  EXPECT_GE(listed["total"].get<int>(), 5);  // the demo's four, one twice, and this one
  EXPECT_EQ(admin.Get("/api/v1/interviews?year=2015").Json()["total"], 1);
}

TEST(HttpInterviews, WrongFieldsAreNamedAndOnlyAdminRecords) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply future =
      admin.Send("POST", "/api/v1/interviews", Interview("郑一", "2999-01-01").dump());
  EXPECT_EQ(future.status, 422);
  EXPECT_EQ(Reason(future), "date_out_of_range");
  EXPECT_EQ(future.Json()["error"]["field"], "on");
  nlohmann::json no_reason = Interview("郑一", "2016-04-01");
  no_reason.erase("reason");
  EXPECT_EQ(Reason(admin.Send("POST", "/api/v1/interviews", no_reason.dump())), "empty");
  nlohmann::json unknown_member = Interview("郑一", "2016-04-01");
  unknown_member["member_id"] = "NOBODY";
  const Reply member = admin.Send("POST", "/api/v1/interviews", unknown_member.dump());
  EXPECT_EQ(member.status, 422);
  EXPECT_EQ(Reason(member), "member_not_found");
  EXPECT_EQ(Reason(admin.Get("/api/v1/eligibility?person=x&year=abc")), "not_a_number");
  EXPECT_EQ(Reason(admin.Get("/api/v1/eligibility?year=2016")), "empty");

  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  EXPECT_EQ(auditor.Get("/api/v1/eligibility?person=x&year=2016").status, 200);
  EXPECT_EQ(auditor.Send("POST", "/api/v1/interviews", Interview("x", "2016-04-01").dump()).status,
            403);
  Client unit_admin;
  ASSERT_EQ(unit_admin.LoginAs("unit_admin").status, 200);
  EXPECT_EQ(unit_admin.Get("/api/v1/interviews").status, 403);
}

TEST(HttpAdjustments, TheQueueHoldsEachProposedRemovalWithTheDemoDecisions) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply reply = admin.Get("/api/v1/adjustments/2016");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json queue = reply.Json();
  ASSERT_EQ(queue["entries"].size(), 6u);
  EXPECT_EQ(queue["open"], 3);
  EXPECT_EQ(queue["overdue"], 0);  // the run was today
  const nlohmann::json parent = Entry(queue, "MH002");
  ASSERT_TRUE(parent.is_object());
  EXPECT_EQ(parent["because"][0]["action"], "remove_parent_secretary");
  EXPECT_EQ(parent["because"][0]["org"], "MH002-02");
  EXPECT_EQ(parent["decision"]["outcome"], "done");
  EXPECT_EQ(parent["secretary"], parent["decision"]["successor"]);
  EXPECT_EQ(Entry(queue, "MH007")["decision"]["outcome"], "not_done");
  EXPECT_TRUE(Entry(queue, "MH014")["decision"].is_null());
  EXPECT_TRUE(Entry(queue, "MH014")["may_decide"].get<bool>());
  EXPECT_EQ(admin.Get("/api/v1/adjustments/2014").status, 404);
}

TEST(HttpAdjustments, ADoneRemovalChangesTheSecretaryOnceAndKeepsItsHistory) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const std::string before = admin.Get("/api/v1/organizations/MH014").Json()["secretary"];
  const nlohmann::json done = {{"outcome", "done"}, {"on", "2017-03-01"}, {"successor", "吴新"}};
  const Reply decided = admin.Send("POST", "/api/v1/adjustments/2016/MH014", done.dump());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.Json()["decision"]["successor"], "吴新");
  EXPECT_FALSE(decided.Json()["may_decide"].get<bool>());
  EXPECT_EQ(admin.Get("/api/v1/organizations/MH014").Json()["secretary"], "吴新");
  const nlohmann::json history = admin.Get("/api/v1/organizations/MH014/secretaries").Json();
  ASSERT_EQ(history["items"].size(), 1u);
  EXPECT_EQ(history["items"][0]["previous"], before);
  EXPECT_EQ(history["items"][0]["successor"], "吴新");
  EXPECT_EQ(history["items"][0]["year"], 2016);
  const nlohmann::json audit = admin.Get("/api/v1/audit?limit=3").Json();
  EXPECT_EQ(audit["items"][1]["action"], "organization.update");

  const Reply again = admin.Send("POST", "/api/v1/adjustments/2016/MH014", done.dump());
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Reason(again), "adjustment_already_decided");
  const Reply not_proposed = admin.Send("POST", "/api/v1/adjustments/2016/MH001", done.dump());
  EXPECT_EQ(not_proposed.status, 404);
  EXPECT_EQ(Reason(not_proposed), "adjustment_not_proposed");
  const Reply no_reason = admin.Send("POST", "/api/v1/adjustments/2016/MH036",
                                     nlohmann::json{{"outcome", "not_done"}}.dump());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.Json()["error"]["field"], "reason");
}

TEST(HttpAdjustments, OnlyTheDepartmentDecidesADirectOrganizationsSecretary) {
  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  const nlohmann::json not_done = {{"outcome", "not_done"}, {"reason", "另行安排"}};
  EXPECT_EQ(auditor.Send("POST", "/api/v1/adjustments/2016/MH036", not_done.dump()).status, 403);
  EXPECT_FALSE(
      Entry(auditor.Get("/api/v1/adjustments/2016").Json(), "MH036")["may_decide"].get<bool>());
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const Reply out_of_scope =
      secretary.Send("POST", "/api/v1/adjustments/2016/MH036", not_done.dump());
  const Reply never_used =
      secretary.Send("POST", "/api/v1/adjustments/2016/NEVER-USED", not_done.dump());
  EXPECT_EQ(out_of_scope.status, 404);
  EXPECT_EQ(never_used.status, 404);
  EXPECT_EQ(WithCodeHidden(out_of_scope.body, "MH036"),
            WithCodeHidden(never_used.body, "NEVER-USED"));
  EXPECT_TRUE(secretary.Get("/api/v1/adjustments/2016").Json()["entries"].empty());
}

TEST(HttpAdjustments, OpenDecisionsAreFlaggedThirtyDaysAfterTheRun) {
  HttpServer::Get().Restart("2099-01-01T00:00:00+08:00");
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json queue = admin.Get("/api/v1/adjustments/2016").Json();
  EXPECT_EQ(queue["overdue"], 3);
  EXPECT_TRUE(Entry(queue, "MH014")["overdue"].get<bool>());
  EXPECT_FALSE(Entry(queue, "MH002")["overdue"].get<bool>());  // decided
  EXPECT_EQ(admin.Get("/api/v1/assessments/2016/summary").Json()["adjustments_overdue"], 3);
}

}  // namespace
}  // namespace grassroots::testing
