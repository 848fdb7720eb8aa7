// Five-level support over HTTP (issue 12): the demo's support of its 2016 selection, holders
// replaced with their history, visits, work teams and funds recorded with their rules (errors
// name the field; a first secretary only for a village), who may read and who may record, and
// the counts per person holding a role.
#include <gtest/gtest.h>

#include <set>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

// MH001-01 is a selected village below MH001 (the unit_admin's direct organization) and the
// leader's and first secretary's; MH006-07 a selected community below MH006.
constexpr char kSupportedVillage[] = "MH001-01";
constexpr char kCommunity[] = "MH006-07";

class HttpSupport : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }
  static std::string Path(const std::string& code, const std::string& rest) {
    return "/api/v1/organizations/" + code + rest;
  }
  static nlohmann::json Sheet(Client& client, const std::string& code, int year) {
    const Reply reply = client.Get(Path(code, "/support?year=" + std::to_string(year)));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }
  static void ExpectInvalid(const Reply& reply, const std::string& field,
                            const std::string& reason = "") {
    EXPECT_EQ(reply.status, 422) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
    if (!reason.empty()) {
      EXPECT_EQ(reply.Json()["error"]["reason"], reason) << reply.body;
    }
  }
  Client admin_;
};

TEST_F(HttpSupport, TheDemoSupportsEverySelectedOrganizationAndVillagesHaveAFirstSecretary) {
  const nlohmann::json village = Sheet(admin_, kSupportedVillage, 2016);
  EXPECT_EQ(village["org_code"], kSupportedVillage);
  std::set<std::string> roles;
  for (const auto& a : village["assignments"]) roles.insert(a["role"]);
  EXPECT_EQ(roles, (std::set<std::string>{"contact_leader", "org_guide", "partner_agency",
                                          "supervisor", "first_secretary"}));
  EXPECT_GE(village["visits"].size(), 2u);
  EXPECT_EQ(village["work_teams"].size(), 1u);
  EXPECT_EQ(village["funds"][0]["amount_fen"], 5'000'000);
  EXPECT_EQ(village["default_fund_fen"], 5'000'000);  // the policy's village fund
  EXPECT_EQ(village["counts"]["funds_fen"], 5'000'000);
  EXPECT_EQ(village["counts"]["visits"].get<int>() + village["counts"]["on_site"].get<int>(),
            static_cast<int>(village["visits"].size()));
  EXPECT_EQ(village["can"]["edit"], true);
  const nlohmann::json community = Sheet(admin_, kCommunity, 2016);
  EXPECT_EQ(community["assignments"].size(), 4u);
  EXPECT_EQ(community["default_fund_fen"], 0);
  EXPECT_TRUE(Sheet(admin_, kSupportedVillage, 2015)["assignments"].empty());
}

TEST_F(HttpSupport, ANewHolderEndsTheOldOneOnItsStartAndTheChangeIsAudited) {
  const std::string body =
      R"({"year":2030,"person":"张三","agency":"县委办","phone":"13800000000","start_date":"2025-01-05"})";
  ASSERT_EQ(admin_.Send("PUT", Path(kSupportedVillage, "/support/contact_leader"), body).status,
            200);
  const Reply replaced = admin_.Send(
      "PUT", Path(kSupportedVillage, "/support/contact_leader"),
      R"({"year":2030,"person":"李四","user_name":"leader","start_date":"2025-03-01"})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  const nlohmann::json sheet = replaced.Json();
  ASSERT_EQ(sheet["assignments"].size(), 2u);
  EXPECT_EQ(sheet["assignments"][0]["person"], "张三");
  EXPECT_EQ(sheet["assignments"][0]["ended_on"], "2025-03-01");
  EXPECT_EQ(sheet["assignments"][1]["person"], "李四");
  EXPECT_TRUE(sheet["assignments"][1]["ended_on"].is_null());
  EXPECT_EQ(sheet["assignments"][1]["user_name"], "leader");
  const nlohmann::json audit = admin_.Get("/api/v1/audit?limit=1").Json()["items"][0];
  EXPECT_EQ(audit["action"], "support.assign");
  EXPECT_EQ(audit["entity"], std::string("support:") + kSupportedVillage + ":2030");
}

TEST_F(HttpSupport, AHolderNamingNoAccountIsRefusedAndNothingIsKept) {
  const Reply refused = admin_.Send(
      "PUT", Path(kSupportedVillage, "/support/org_guide"),
      R"({"year":2030,"person":"赵六","user_name":"nobody_here","start_date":"2025-01-05"})");
  ExpectInvalid(refused, "user_name", "unknown_account");
  EXPECT_EQ(refused.Json()["error"]["params"]["name"], "nobody_here");
  EXPECT_TRUE(Sheet(admin_, kSupportedVillage, 2030)["assignments"].empty());
}

TEST_F(HttpSupport, AFirstSecretaryIsRefusedForAnOrganizationThatIsNotAVillage) {
  const std::string body = R"({"year":2030,"person":"王五","start_date":"2025-02-01"})";
  const Reply refused = admin_.Send("PUT", Path(kCommunity, "/support/first_secretary"), body);
  ExpectInvalid(refused, "role", "support_role_not_for_type");
  EXPECT_EQ(refused.Json()["error"]["params"]["type"], "community");
  EXPECT_TRUE(Sheet(admin_, kCommunity, 2030)["assignments"].empty());
  EXPECT_EQ(admin_.Send("PUT", Path(kSupportedVillage, "/support/first_secretary"), body).status,
            200);
  ExpectInvalid(admin_.Send("PUT", Path(kSupportedVillage, "/support/mayor"), body), "role",
                "unknown_value");
}

TEST_F(HttpSupport, VisitsTeamsAndFundsAreRecordedAndBadValuesNameTheirField) {
  const Reply visit = admin_.Send(
      "POST", Path(kSupportedVillage, "/visits"),
      R"({"year":2030,"visit_date":"2024-05-02","kind":"on_site","visitor":"张三","visitor_role":"contact_leader","solved":"修好了活动室"})");
  ASSERT_EQ(visit.status, 201) << visit.body;
  EXPECT_EQ(visit.Json()["kind"], "on_site");
  const Reply team = admin_.Send(
      "POST", Path(kSupportedVillage, "/work-teams"),
      R"({"year":2030,"leader":"王五","members":"赵六、钱七","agency":"县农业局","start_date":"2024-03-01","end_date":null})");
  ASSERT_EQ(team.status, 201) << team.body;
  const Reply fund = admin_.Send(
      "POST", Path(kSupportedVillage, "/funds"),
      R"({"year":2030,"amount_fen":5000000,"purpose":"活动场所","granted_on":"2024-04-01"})");
  ASSERT_EQ(fund.status, 201) << fund.body;
  const nlohmann::json sheet = Sheet(admin_, kSupportedVillage, 2030);
  EXPECT_EQ(sheet["counts"]["on_site"], 1);
  EXPECT_EQ(sheet["counts"]["visits"], 0);
  EXPECT_EQ(sheet["counts"]["funds_fen"], 5'000'000);
  EXPECT_EQ(sheet["visits"][0]["solved"], "修好了活动室");
  EXPECT_TRUE(sheet["work_teams"][0]["end_date"].is_null());

  ExpectInvalid(
      admin_.Send("POST", Path(kSupportedVillage, "/visits"),
                  R"({"year":2030,"visit_date":"2024-02-30","kind":"visit","visitor":"张三"})"),
      "visit_date", "not_a_date");
  ExpectInvalid(
      admin_.Send("POST", Path(kSupportedVillage, "/visits"),
                  R"({"year":2030,"visit_date":"2024-02-03","kind":"call","visitor":"张三"})"),
      "kind", "unknown_value");
  ExpectInvalid(
      admin_.Send("POST", Path(kSupportedVillage, "/funds"),
                  R"({"year":2030,"amount_fen":-1,"purpose":"x","granted_on":"2024-04-01"})"),
      "amount_fen", "amount_out_of_range");
  ExpectInvalid(
      admin_.Send("POST", Path(kSupportedVillage, "/funds"),
                  R"({"year":2030,"amount_fen":1.5,"purpose":"x","granted_on":"2024-04-01"})"),
      "amount_fen");
  ExpectInvalid(
      admin_.Send(
          "POST", Path(kSupportedVillage, "/work-teams"),
          R"({"year":2030,"leader":"王五","start_date":"2024-03-01","end_date":"2024-02-01"})"),
      "end_date", "end_before_start");
  ExpectInvalid(
      admin_.Send(
          "POST", Path(kSupportedVillage, "/funds"),
          R"({"year":2030,"amount_fen":1,"purpose":"x","granted_on":"2024-04-01","extra":1})"),
      "extra");
  ExpectInvalid(admin_.Send("PUT", Path(kSupportedVillage, "/support/org_guide"),
                            R"({"year":2030,"person":"","start_date":"2025-01-01"})"),
                "person", "empty");
  // Nothing of the refused writes was kept.
  const nlohmann::json after = Sheet(admin_, kSupportedVillage, 2030);
  EXPECT_EQ(after["visits"].size(), 1u);
  EXPECT_EQ(after["funds"].size(), 1u);
  EXPECT_EQ(after["work_teams"].size(), 1u);
}

TEST_F(HttpSupport, TheUnitAdminAboveRecordsOthersInScopeReadOutOfScopeDoesNotExist) {
  const std::string fund =
      R"({"year":2030,"amount_fen":100,"purpose":"x","granted_on":"2024-04-01"})";
  Client unit, secretary, leader, first_secretary, auditor;
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  ASSERT_EQ(leader.LoginAs("leader").status, 200);
  ASSERT_EQ(first_secretary.LoginAs("first_secretary").status, 200);
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  EXPECT_EQ(unit.Send("POST", Path(kSupportedVillage, "/funds"), fund).status, 201);
  EXPECT_EQ(Sheet(unit, kSupportedVillage, 2030)["can"]["edit"], true);
  EXPECT_EQ(unit.Send("POST", Path(kCommunity, "/funds"), fund).status, 404);
  for (Client* reader : {&secretary, &leader, &first_secretary, &auditor}) {
    EXPECT_EQ(Sheet(*reader, kSupportedVillage, 2030)["can"]["edit"], false);
    const Reply refused = reader->Send("POST", Path(kSupportedVillage, "/funds"), fund);
    EXPECT_EQ(refused.status, 403) << refused.body;
  }
  for (Client* outsider : {&unit, &secretary, &leader}) {
    const Reply hidden = outsider->Get(Path(kCommunity, "/support?year=2016"));
    EXPECT_EQ(hidden.status, 404);
    EXPECT_EQ(hidden.Json()["error"]["reason"], "organization_not_found");
  }
  EXPECT_EQ(Sheet(admin_, kSupportedVillage, 2030)["funds"].size(), 1u);
}

TEST_F(HttpSupport, LeadersAreCountedPerPersonAndRoleOverTheCallersScope) {
  const auto find = [](const nlohmann::json& items, const std::string& person,
                       const std::string& role) {
    for (const auto& item : items) {
      if (item["person"] == person && item["role"] == role) return item;
    }
    return nlohmann::json();
  };
  ASSERT_EQ(admin_
                .Send("PUT", Path(kSupportedVillage, "/support/contact_leader"),
                      R"({"year":2031,"person":"张三","start_date":"2025-01-05"})")
                .status,
            200);
  ASSERT_EQ(admin_
                .Send("PUT", Path(kCommunity, "/support/contact_leader"),
                      R"({"year":2031,"person":"张三","start_date":"2025-01-05"})")
                .status,
            200);
  for (const char* kind : {"visit", "visit", "on_site"}) {
    const Reply logged = admin_.Send(
        "POST", Path(kSupportedVillage, "/visits"),
        std::string(R"({"year":2031,"visit_date":"2024-05-02","visitor":"张三","kind":")") + kind +
            "\"}");
    ASSERT_EQ(logged.status, 201) << logged.body;
  }
  const Reply all = admin_.Get("/api/v1/support/leaders?year=2031");
  ASSERT_EQ(all.status, 200) << all.body;
  const nlohmann::json zhang = find(all.Json()["items"], "张三", "contact_leader");
  EXPECT_EQ(zhang["organizations"], 2);
  EXPECT_EQ(zhang["visits"], 2);
  EXPECT_EQ(zhang["on_site"], 1);
  Client unit;
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  const nlohmann::json mine =
      find(unit.Get("/api/v1/support/leaders?year=2031").Json()["items"], "张三", "contact_leader");
  EXPECT_EQ(mine["organizations"], 1);  // the community is not the unit admin's
  // The demo: each of its county leaders supports some of the 2016 selection.
  const nlohmann::json demo = admin_.Get("/api/v1/support/leaders?year=2016").Json();
  EXPECT_GE(demo["total"].get<int>(), 5);
  EXPECT_EQ(admin_.Get("/api/v1/support/leaders").status, 422);
}

}  // namespace
}  // namespace grassroots::testing
