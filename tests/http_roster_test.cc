// The member roster (GET /members) and a unit's member totals with its branches (issue 10).
#include <gtest/gtest.h>

#include <set>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

class HttpRoster : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(admin_.LoginAs("admin").status, 200);
    // A unit RT with two branches, one ended, each with members of several statuses.
    Org("RT", "名册测试党委", "committee", "");
    Org("RT-1", "名册一支部", "branch", "RT");
    Org("RT-2", "名册二支部", "branch", "RT");
    Member("RT-M0", "RT", "mobile");
    Member("RT-M1", "RT-1", "mobile");
    Member("RT-M2", "RT-1", "mobile");
    Member("RT-M3", "RT-1", "lost_contact");
    Member("RT-M4", "RT-2", "mobile");
    Member("RT-M5", "RT-2", "pocket");
    const nlohmann::json leave = {
        {"kind", "transferred_out"}, {"on", "2016-03-01"}, {"reason", "转出"}};
    ASSERT_EQ(admin_.Send("POST", "/api/v1/members/RT-M2/leave", leave.dump()).status, 200);
  }

  void Org(const std::string& code, const std::string& name, const std::string& kind,
           const std::string& parent) {
    nlohmann::json body = {{"code", code}, {"name", name}, {"type", "agency"}, {"kind", kind}};
    if (!parent.empty()) body["parent"] = parent;
    const Reply reply = admin_.Send("POST", "/api/v1/organizations", body.dump());
    ASSERT_EQ(reply.status, 201) << reply.body;
  }
  void Member(const std::string& id, const std::string& org, const std::string& status) {
    const nlohmann::json body = {
        {"id", id}, {"name", "党员" + id}, {"org", org}, {"status", status}};
    const Reply reply = admin_.Send("POST", "/api/v1/members", body.dump());
    ASSERT_EQ(reply.status, 201) << reply.body;
  }
  std::set<std::string> Ids(const nlohmann::json& page) {
    std::set<std::string> ids;
    for (const auto& item : page["items"]) ids.insert(item["id"].get<std::string>());
    return ids;
  }

  Client admin_;
};

TEST_F(HttpRoster, ListsMembersOnTheRollByStatusWithTheirOrganization) {
  const nlohmann::json mobile = admin_.Get("/api/v1/members?status=mobile&q=RT").Json();
  EXPECT_EQ(Ids(mobile), (std::set<std::string>{"RT-M0", "RT-M1", "RT-M4"}));  // RT-M2 left
  EXPECT_EQ(mobile["total"], 3);
  EXPECT_EQ(mobile["items"][1]["org_name"], "名册一支部");
  EXPECT_EQ(mobile["items"][1]["status"], "mobile");
  const nlohmann::json lost = admin_.Get("/api/v1/members?status=lost_contact&q=RT").Json();
  EXPECT_EQ(Ids(lost), (std::set<std::string>{"RT-M3"}));
  // Paged on the server: the total is of every match, the page holds `limit`.
  const nlohmann::json page = admin_.Get("/api/v1/members?q=RT&limit=2&offset=2").Json();
  EXPECT_EQ(page["total"], 5);
  EXPECT_EQ(Ids(page), (std::set<std::string>{"RT-M3", "RT-M4"}));
  const Reply bad = admin_.Get("/api/v1/members?status=asleep");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Json()["error"]["reason"], "unknown_value");
  EXPECT_EQ(bad.Json()["error"]["field"], "status");
}

TEST_F(HttpRoster, AScopedAccountSeesOnlyItsOwnMembers) {
  const nlohmann::json user = {{"name", "rt_secretary"},
                               {"role", "secretary"},
                               {"scope", {"RT-1"}},
                               {"password", "given by admin 1"}};
  ASSERT_EQ(admin_.Send("POST", "/api/v1/users", user.dump()).status, 201);
  Client secretary;
  ASSERT_EQ(secretary.Login("rt_secretary", "given by admin 1").status, 200);
  const nlohmann::json change = {{"old_password", "given by admin 1"},
                                 {"new_password", "picked by myself 2"}};
  ASSERT_EQ(secretary.Send("PUT", "/api/v1/session/password", change.dump()).status, 200);
  const nlohmann::json all = secretary.Get("/api/v1/members?limit=1000").Json();
  EXPECT_EQ(Ids(all), (std::set<std::string>{"RT-M1", "RT-M3"}));
}

TEST_F(HttpRoster, AUnitsTotalsAddUpItsBranchesThatExist) {
  nlohmann::json unit = admin_.Get("/api/v1/organizations/RT").Json();
  EXPECT_EQ(unit["member_counts"]["mobile"], 1);
  EXPECT_EQ(unit["subtree_member_counts"]["mobile"], 3);
  EXPECT_EQ(unit["subtree_member_counts"]["lost_contact"], 1);
  EXPECT_EQ(unit["subtree_member_counts"]["pocket"], 1);
  const nlohmann::json end = {{"kind", "dissolved"}, {"on", "2016-05-01"}, {"reason", "撤销"}};
  ASSERT_EQ(admin_.Send("POST", "/api/v1/organizations/RT-2/end", end.dump()).status, 200);
  unit = admin_.Get("/api/v1/organizations/RT").Json();
  EXPECT_EQ(unit["subtree_member_counts"]["mobile"], 2);
  EXPECT_EQ(unit["subtree_member_counts"]["pocket"], 0);
  // A branch's totals are its own.
  const nlohmann::json branch = admin_.Get("/api/v1/organizations/RT-1").Json();
  EXPECT_EQ(branch["subtree_member_counts"], branch["member_counts"]);
}

}  // namespace
}  // namespace grassroots::testing
