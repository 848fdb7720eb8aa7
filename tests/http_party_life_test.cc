// Party life (三会一课) and the village collective economy over HTTP (issue 14): a branch's
// secretary logs its meetings (errors name the field; a committee and a branch out of scope are
// refused as they should be), the quarter's summary over the caller's scope flags the demo's
// branches that fell short, the `routine` evidence answers an organization's four quarters, a
// quarter's file imports all or nothing, and a village's economy is recorded (villages only,
// by the unit admin above it) and totalled by model and year.
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

// The demo: MH001 a town committee (the unit_admin's), MH001-01 its first branch (the
// secretary's), MH003-01 a branch outside both.
constexpr char kBranch[] = "MH001-01";
constexpr char kOther[] = "MH003-01";
constexpr char kTown[] = "MH001";

std::string MeetingsOf(const std::string& code) {
  return "/api/v1/organizations/" + code + "/meetings";
}

class HttpPartyLife : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }
  Client admin_;
};

TEST_F(HttpPartyLife, ABranchSecretaryLogsAMeetingAndTheDefaultExpectedIsTheRoll) {
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const Reply logged = secretary.Send(
      "POST", MeetingsOf(kBranch),
      R"({"kind":"支委会","date":"2017-03-02","attended":4,"topic":"研究发展党员"})");
  ASSERT_EQ(logged.status, 201) << logged.body;
  EXPECT_EQ(logged.Json()["kind"], "committee_meeting");
  EXPECT_GE(logged.Json()["expected"].get<int>(), 4);
  EXPECT_EQ(logged.Json()["recorded_by"], "secretary");
  const nlohmann::json audit = admin_.Get("/api/v1/audit?limit=1").Json()["items"][0];
  EXPECT_EQ(audit["action"], "meeting.create");
  // The same meeting again is a conflict, not a second count.
  EXPECT_EQ(
      secretary
          .Send(
              "POST", MeetingsOf(kBranch),
              R"({"kind":"committee_meeting","date":"2017-03-02","attended":4,"topic":"研究发展党员"})")
          .status,
      409);
  const Reply listed = secretary.Get("/api/v1/meetings?quarter=2017-Q1");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.Json()["total"], 1);
  EXPECT_EQ(listed.Json()["items"][0]["org_code"], kBranch);
}

TEST_F(HttpPartyLife, EachBrokenRuleNamesItsField) {
  const auto refused = [&](const std::string& body, const std::string& field,
                           const std::string& reason) {
    const Reply reply = admin_.Send("POST", MeetingsOf(kBranch), body);
    EXPECT_EQ(reply.status, 422) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["reason"], reason) << reply.body;
  };
  refused(R"({"kind":"picnic","date":"2016-03-02","attended":4,"topic":"t"})", "kind",
          "unknown_value");
  refused(R"({"kind":"党课","date":"2099-03-02","attended":4,"topic":"t"})", "date",
          "date_out_of_range");
  refused(R"({"kind":"党课","date":"2016-03-02","attended":9,"expected":5,"topic":"t"})",
          "attended", "attendance_over_expected");
  refused(R"({"kind":"党课","date":"2016-03-02","attended":9,"topic":""})", "topic", "empty");
  refused(R"({"kind":"党课","date":"2016-03-02","attended":1.5,"topic":"t"})", "attended",
          "wrong_type");
  const Reply committee = admin_.Send(
      "POST", MeetingsOf(kTown), R"({"kind":"党课","date":"2016-03-02","attended":9,"topic":"t"})");
  EXPECT_EQ(committee.status, 422) << committee.body;
  EXPECT_EQ(committee.Json()["error"]["reason"], "party_life_branches_only");
}

TEST_F(HttpPartyLife, OutOfScopeIsNeverUsedAndReadersMayNotLog) {
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const std::string body = R"({"kind":"党课","date":"2016-03-02","attended":9,"topic":"t"})";
  const Reply other = secretary.Send("POST", MeetingsOf(kOther), body);
  const Reply never = secretary.Send("POST", MeetingsOf("NO-SUCH"), body);
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.Json()["error"]["reason"], never.Json()["error"]["reason"]);
  EXPECT_EQ(
      secretary.Get(std::string("/api/v1/organizations/") + kOther + "/routine-evidence?year=2016")
          .status,
      404);
  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  const Reply forbidden = auditor.Send("POST", MeetingsOf(kBranch), body);
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(forbidden.Json()["error"]["reason"], "meeting_log_not_permitted");
}

TEST_F(HttpPartyLife, TheQuarterSummaryFlagsShortfallsOverTheCallersScope) {
  const Reply all = admin_.Get("/api/v1/meetings/summary?quarter=2016-Q2");
  ASSERT_EQ(all.status, 200) << all.body;
  const nlohmann::json summary = all.Json();
  EXPECT_EQ(summary["ended"], true);
  EXPECT_EQ(summary["required"]["committee_meeting"], 3);  // the policy file's
  EXPECT_GT(summary["total"].get<int>(), 10);
  EXPECT_GT(summary["short"].get<int>(), 0);  // the demo leaves some branches short
  EXPECT_LT(summary["short"].get<int>(), summary["total"].get<int>());
  for (const auto& row : summary["items"]) {
    bool missing = false;
    for (const auto& k : row["kinds"]) missing = missing || k["held"] < k["required"];
    EXPECT_EQ(row["short"], missing) << row.dump();
  }
  Client unit;
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  const nlohmann::json own = unit.Get("/api/v1/meetings/summary?quarter=2016-Q2").Json();
  EXPECT_LT(own["total"].get<int>(), summary["total"].get<int>());
  for (const auto& row : own["items"]) {
    EXPECT_EQ(row["code"].get<std::string>().rfind(kTown, 0), 0u) << row.dump();
  }
  EXPECT_EQ(admin_.Get("/api/v1/meetings/summary?quarter=2016-Q5").status, 422);
}

TEST_F(HttpPartyLife, TheYearsSummariesExportWithTheirStanding) {
  const Reply csv = admin_.Get("/api/v1/exports/meetings/2016.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("季度,组织代码,组织名称,支部党员大会,支委会,党小组会,党课,是否达标,缺少"),
            std::string::npos)
      << csv.body.substr(0, 200);
  EXPECT_NE(csv.body.find("2016-Q4,"), std::string::npos);
  EXPECT_NE(csv.body.find("未达标"), std::string::npos);
  const Reply xlsx = admin_.Get("/api/v1/exports/meetings/2016.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  Client unit;
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  const Reply own = unit.Get("/api/v1/exports/meetings/2016.csv");
  ASSERT_EQ(own.status, 200);
  EXPECT_LT(own.body.size(), csv.body.size());
  EXPECT_EQ(own.body.find(kOther), std::string::npos);
}

TEST_F(HttpPartyLife, RoutineEvidenceAnswersTheFourQuarters) {
  const Reply reply =
      admin_.Get(std::string("/api/v1/organizations/") + kBranch + "/routine-evidence?year=2016");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json evidence = reply.Json();
  EXPECT_EQ(evidence["dimension"], "routine");
  EXPECT_EQ(evidence["applies"], true);
  ASSERT_EQ(evidence["quarters"].size(), 4u);
  EXPECT_EQ(evidence["quarters"][1]["quarter"], "2016-Q2");
  ASSERT_EQ(evidence["quarters"][0]["kinds"].size(), 4u);
  EXPECT_GT(evidence["quarters"][0]["kinds"][1]["held"].get<int>(), 0);
  const Reply town =
      admin_.Get(std::string("/api/v1/organizations/") + kTown + "/routine-evidence?year=2016");
  ASSERT_EQ(town.status, 200) << town.body;
  EXPECT_EQ(town.Json()["applies"], false);
}

TEST_F(HttpPartyLife, AQuartersFileImportsAllOrNothing) {
  const std::string bad = "组织代码,会议类型,召开日期,实到人数,应到人数,主题\n" +
                          std::string(kBranch) + ",党课,2015-05-06,10,12,党史学习\n" + kBranch +
                          ",党课,2015-05-07,x,12,党史学习\n";
  const Reply refused = admin_.Send("POST", "/api/v1/meetings/import", bad, true, "text/csv");
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(admin_.Get("/api/v1/meetings?quarter=2015-Q2").Json()["total"], 0);
  const std::string good = "org_code,kind,date,attended,topic\n" + std::string(kBranch) +
                           ",party_lecture,2015-05-06,10,党史学习\n";
  const Reply dry =
      admin_.Send("POST", "/api/v1/meetings/import?dry_run=true", good, true, "text/csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.Json()["meetings"], 1);
  EXPECT_EQ(admin_.Get("/api/v1/meetings?quarter=2015-Q2").Json()["total"], 0);
  ASSERT_EQ(admin_.Send("POST", "/api/v1/meetings/import", good, true, "text/csv").status, 200);
  EXPECT_EQ(admin_.Get("/api/v1/meetings?quarter=2015-Q2").Json()["total"], 1);
}

TEST_F(HttpPartyLife, AVillagesEconomyIsRecordedAndTotalledByModel) {
  const std::string path = std::string("/api/v1/organizations/") + kBranch + "/economy/2015";
  const Reply put = admin_.Send("PUT", path, R"({"income_fen":12345678,"model":"资产盘活型"})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["income_fen"], 12345678);
  EXPECT_EQ(put.Json()["model"], "asset_revitalization");
  EXPECT_EQ(admin_.Get("/api/v1/audit?limit=1").Json()["items"][0]["action"], "economy.record");
  EXPECT_EQ(admin_.Send("PUT", path, R"({"income_fen":-1,"model":"resource_based"})").status, 422);
  EXPECT_EQ(admin_.Send("PUT", path, R"({"income_fen":1,"model":"tourism"})").status, 422);
  const Reply town = admin_.Send("PUT", std::string("/api/v1/organizations/MH006-07/economy/2015"),
                                 R"({"income_fen":1,"model":"resource_based"})");
  EXPECT_EQ(town.Json()["error"]["reason"], "collective_economy_villages_only") << town.body;
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  EXPECT_EQ(secretary.Send("PUT", path, R"({"income_fen":1,"model":"resource_based"})").status,
            403);
  const nlohmann::json totals = admin_.Get("/api/v1/economy/totals").Json();
  std::int64_t sum2015 = 0;
  for (const auto& t : totals["items"]) {
    if (t["year"] == 2015) sum2015 += t["income_fen"].get<std::int64_t>();
  }
  std::int64_t listed = 0;
  // Kept alive while looping: a range-for over a temporary's member would read freed memory.
  const nlohmann::json list = admin_.Get("/api/v1/economy?year=2015").Json();
  for (const auto& r : list["items"]) {
    listed += r["income_fen"].get<std::int64_t>();
  }
  EXPECT_EQ(sum2015, listed);
  EXPECT_GT(sum2015, 12345678);  // the demo's villages and this one
}

}  // namespace
}  // namespace grassroots::testing
