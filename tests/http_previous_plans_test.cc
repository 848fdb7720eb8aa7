// GET /api/v1/assessments/{year}/previous-plans (issue 12): the next year's assessment shows
// where each organization's plan of the year before stood. The demo plans its first year and
// closes it out (upgraded, not upgraded with a reason, left unfinished); its second year's page
// answers those plans row for row beside GET /assessments/{year}, in the caller's scope.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

constexpr char kWholeRanking[] = "order=rank&limit=500";

nlohmann::json Must(Client& client, const std::string& path) {
  const Reply reply = client.Get(path);
  EXPECT_EQ(reply.status, 200) << path << "\n" << reply.body;
  return reply.Json();
}

// What a plan of the list should stand as: its outcome, else finished or not.
std::string StandingOf(const nlohmann::json& plan) {
  if (!plan["outcome"].is_null()) return plan["outcome"];
  return plan["finished"].get<bool>() ? "finished" : "unfinished";
}

TEST(HttpPreviousPlans, EachRowOfTheYearCarriesItsPlanOfTheYearBefore) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json rows = Must(admin, std::string("/api/v1/assessments/2016?") + kWholeRanking);
  const nlohmann::json previous =
      Must(admin, std::string("/api/v1/assessments/2016/previous-plans?") + kWholeRanking);
  EXPECT_EQ(previous["plan_year"], 2015);
  ASSERT_EQ(previous["total"], rows["total"]);
  ASSERT_EQ(previous["items"].size(), rows["items"].size());
  for (std::size_t i = 0; i < rows["items"].size(); ++i) {
    EXPECT_EQ(previous["items"][i]["code"], rows["items"][i]["code"]) << "row " << i;
  }
  std::map<std::string, nlohmann::json> plans;
  const nlohmann::json list = Must(admin, "/api/v1/plans?year=2015&limit=1000");
  for (const auto& plan : list["items"]) {
    plans[plan["org_code"]] = plan;
  }
  ASSERT_FALSE(plans.empty()) << "the demo plans its first year";
  std::map<std::string, int> standings;
  for (const auto& row : previous["items"]) {
    const auto plan = plans.find(row["code"]);
    if (plan == plans.end()) {
      EXPECT_TRUE(row["plan"].is_null()) << row;
      continue;
    }
    ASSERT_TRUE(row["plan"].is_object()) << row;
    EXPECT_EQ(row["plan"]["id"], plan->second["id"]);
    EXPECT_EQ(row["plan"]["standing"], StandingOf(plan->second)) << row;
    ++standings[row["plan"]["standing"]];
    if (row["plan"]["standing"] == "not_upgraded") {
      const nlohmann::json full =
          Must(admin, "/api/v1/plans/" + std::to_string(row["plan"]["id"].get<std::int64_t>()));
      EXPECT_EQ(row["plan"]["reason"], full["outcome_reason"]);
      EXPECT_NE(row["plan"]["reason"], "");
    }
  }
  EXPECT_GT(standings["upgraded"], 0);
  EXPECT_GT(standings["not_upgraded"], 0);
  EXPECT_GT(standings["unfinished"], 0);
}

TEST(HttpPreviousPlans, ASecretarySeesOnlyItsOwnOrganizationsPlan) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  std::string code;
  const nlohmann::json list = Must(admin, "/api/v1/plans?year=2015&limit=1000");
  for (const auto& plan : list["items"]) {
    if (!plan["outcome"].is_null()) {
      code = plan["org_code"];
      break;
    }
  }
  ASSERT_FALSE(code.empty());
  ASSERT_EQ(
      admin.Send("PUT", "/api/v1/users/secretary", nlohmann::json{{"scope", {code}}}.dump()).status,
      200);
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const nlohmann::json mine =
      Must(secretary, std::string("/api/v1/assessments/2016/previous-plans?") + kWholeRanking);
  ASSERT_EQ(mine["total"], 1);
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["code"], code);
  EXPECT_TRUE(mine["items"][0]["plan"].is_object());
  EXPECT_EQ(secretary.Get("/api/v1/assessments/2099/previous-plans").status, 404);
}

}  // namespace
}  // namespace grassroots::testing
