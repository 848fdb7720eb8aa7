// Organizations dissolved or merged from a date and members who leave, over HTTP on the demo
// data: the record stays, lists leave it out by default, the assessment of the year it ended
// and later years leave it out, and only those allowed may do it.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "server_process.h"

namespace grassroots::testing {
namespace {

struct LifecycleAnswer {
  int status = 0;
  nlohmann::json body;
};

class LifecycleAccount {
 public:
  LifecycleAccount(const ServerProcess& server, const std::string& name)
      : client_("127.0.0.1", server.port()) {
    client_.set_read_timeout(60);
    const nlohmann::json login = {{"name", name}, {"password", server.Password(name)}};
    auto res = client_.Post("/api/v1/session", login.dump(), "application/json");
    if (!res || res->status != 200) throw std::runtime_error("login failed for " + name);
    const std::string cookie = res->get_header_value("Set-Cookie");
    headers_ = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                {"X-CSRF-Token", nlohmann::json::parse(res->body)["csrf_token"]}};
  }
  LifecycleAnswer Get(const std::string& path) { return Of(client_.Get(path, headers_)); }
  LifecycleAnswer Post(const std::string& path, const nlohmann::json& body) {
    return Of(client_.Post(path, headers_, body.dump(), "application/json"));
  }

 private:
  static LifecycleAnswer Of(const httplib::Result& res) {
    if (!res) return {};
    return {res->status, nlohmann::json::parse(res->body, nullptr, false)};
  }
  httplib::Client client_;
  httplib::Headers headers_;
};

std::string Reason(const LifecycleAnswer& answer) {
  return answer.body.is_object() && answer.body.contains("error")
             ? answer.body["error"].value("reason", "")
             : "";
}

// The codes of a list answer.
std::vector<std::string> Codes(const LifecycleAnswer& answer) {
  std::vector<std::string> codes;
  for (const auto& item : answer.body["items"]) codes.push_back(item["code"]);
  return codes;
}

bool Has(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// The quota group count of villages in the default unit of a stored year.
std::int64_t VillageCount(LifecycleAccount& admin, int year) {
  const LifecycleAnswer summary =
      admin.Get("/api/v1/assessments/" + std::to_string(year) + "/summary");
  for (const auto& quota : summary.body["quotas"]) {
    if (quota["type"] == "village") return quota["count"];
  }
  return -1;
}

class HttpLifecycle : public ::testing::Test {
 protected:
  ServerProcess server_{{}, ServerProcess::Data::kDemo};
  LifecycleAccount admin_{server_, "admin"};
};

nlohmann::json Merge(const std::string& into, const std::string& on) {
  return {{"kind", "merged"}, {"on", on}, {"merged_into", into}, {"reason", "两村合并"}};
}

TEST_F(HttpLifecycle, AMergedOrganizationStaysOnRecordAndLeavesTheListsAndLaterAssessments) {
  const std::int64_t villages_2016 = VillageCount(admin_, 2016);
  ASSERT_GT(villages_2016, 0);
  ASSERT_TRUE(Has(Codes(admin_.Get("/api/v1/assessments/2016?q=MH002-02")), "MH002-02"));

  const LifecycleAnswer merged =
      admin_.Post("/api/v1/organizations/MH002-02/end", Merge("MH002-01", "2016-06-01"));
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(merged.body["ended"]["kind"], "merged");
  EXPECT_EQ(merged.body["ended"]["merged_into"], "MH002-01");
  // Kept: readable, with its members and scores.
  const LifecycleAnswer detail = admin_.Get("/api/v1/organizations/MH002-02");
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body["ended"]["on"], "2016-06-01");
  EXPECT_EQ(detail.body["end_reason"], "两村合并");
  EXPECT_EQ(admin_.Get("/api/v1/organizations/MH002-02/scores").body["total"], 2);
  // Lists leave it out unless asked.
  EXPECT_FALSE(Has(Codes(admin_.Get("/api/v1/organizations?parent=MH002")), "MH002-02"));
  EXPECT_EQ(Codes(admin_.Get("/api/v1/organizations?parent=MH002&state=ended")),
            std::vector<std::string>{"MH002-02"});
  EXPECT_TRUE(Has(Codes(admin_.Get("/api/v1/organizations?parent=MH002&state=all")), "MH002-02"));
  EXPECT_EQ(Reason(admin_.Get("/api/v1/organizations?state=gone")), "invalid_state");
  // It ends once, and nothing new goes below it.
  EXPECT_EQ(
      Reason(admin_.Post("/api/v1/organizations/MH002-02/end", Merge("MH002-01", "2016-06-01"))),
      "organization_ended");
  const LifecycleAnswer child = admin_.Post("/api/v1/organizations", {{"code", "MH002-02-01"},
                                                                      {"name", "新支部"},
                                                                      {"type", "village"},
                                                                      {"kind", "branch"},
                                                                      {"parent", "MH002-02"}});
  EXPECT_EQ(child.status, 422);
  EXPECT_EQ(Reason(child), "parent_ended");

  // Assessed in 2015 (before the year it ended), left out of 2016.
  ASSERT_EQ(admin_.Post("/api/v1/assessments/2016/run", nlohmann::json::object()).status, 200);
  EXPECT_EQ(admin_.Get("/api/v1/assessments/2016?q=MH002-02").body["total"], 0);
  EXPECT_EQ(VillageCount(admin_, 2016), villages_2016 - 1);
  ASSERT_EQ(admin_.Post("/api/v1/assessments/2015/run", nlohmann::json::object()).status, 200);
  EXPECT_EQ(admin_.Get("/api/v1/assessments/2015?q=MH002-02").body["total"], 1);

  bool audited = false;
  const LifecycleAnswer audit = admin_.Get("/api/v1/audit?limit=100");
  for (const auto& entry : audit.body["items"]) {
    audited = audited ||
              (entry["action"] == "organization.end" && entry["entity"] == "organization:MH002-02");
  }
  EXPECT_TRUE(audited);
}

TEST_F(HttpLifecycle, ChildrenMustBeMovedFirstAndEachMistakeHasItsReason) {
  const LifecycleAnswer parent =
      admin_.Post("/api/v1/organizations/MH002/end",
                  {{"kind", "dissolved"}, {"on", "2016-06-01"}, {"reason", "撤销"}});
  EXPECT_EQ(parent.status, 409);
  EXPECT_EQ(Reason(parent), "organization_has_children");
  EXPECT_EQ(parent.body["error"]["params"]["first"], "MH002-01");
  EXPECT_EQ(
      Reason(admin_.Post("/api/v1/organizations/MH002-02/end", Merge("MH002-02", "2016-06-01"))),
      "merge_into_itself");
  EXPECT_EQ(Reason(admin_.Post("/api/v1/organizations/MH002-02/end", Merge("NOPE", "2016-06-01"))),
            "merge_target_unknown");
  EXPECT_EQ(
      Reason(admin_.Post("/api/v1/organizations/MH002-02/end", Merge("MH002-01", "2999-01-01"))),
      "end_date_in_future");
  EXPECT_EQ(
      Reason(admin_.Post("/api/v1/organizations/MH002-02/end", Merge("MH002-01", "2016-02-30"))),
      "invalid_date");
  EXPECT_EQ(Reason(admin_.Post("/api/v1/organizations/MH002-02/end",
                               {{"kind", "closed"}, {"on", "2016-06-01"}, {"reason", "x"}})),
            "invalid_end_kind");
}

TEST_F(HttpLifecycle, AUnitAdminEndsOrganizationsBelowItsDirectOneOnly) {
  LifecycleAccount unit_admin(server_, "unit_admin");  // MH001
  const nlohmann::json dissolve = {{"kind", "dissolved"}, {"on", "2016-06-01"}, {"reason", "撤销"}};
  EXPECT_EQ(unit_admin.Post("/api/v1/organizations/MH001/end", dissolve).status, 403);
  EXPECT_EQ(Reason(unit_admin.Post("/api/v1/organizations/MH002-02/end", dissolve)),
            "organization_not_found");
  // A merge target out of its scope is unknown to it, like one never used.
  EXPECT_EQ(Reason(unit_admin.Post("/api/v1/organizations/MH001-01/end",
                                   Merge("MH002-01", "2016-06-01"))),
            "merge_target_unknown");
  const LifecycleAnswer detail = unit_admin.Get("/api/v1/organizations/MH001-01");
  EXPECT_EQ(detail.body["may"]["end"], true);
  EXPECT_EQ(unit_admin.Get("/api/v1/organizations/MH001").body["may"]["end"], false);
  EXPECT_EQ(unit_admin.Post("/api/v1/organizations/MH001-01/end", dissolve).status, 200);
  LifecycleAccount leader(server_, "leader");  // reads MH001-01
  EXPECT_EQ(leader.Get("/api/v1/organizations/MH001-01").body["may"]["end"], false);
}

TEST_F(HttpLifecycle, AMemberWhoLeftIsKeptShownAsLeftAndNotCounted) {
  LifecycleAccount secretary(server_, "secretary");  // MH001-01
  const LifecycleAnswer before = secretary.Get("/api/v1/organizations/MH001-01");
  std::int64_t on_roll = 0;
  for (const auto& [status, count] : before.body["member_counts"].items())
    on_roll += count.get<int>();
  const std::string id =
      secretary.Get("/api/v1/organizations/MH001-01/members?limit=1").body["items"][0]["id"];
  const nlohmann::json leave = {
      {"kind", "transferred_out"}, {"on", "2016-09-01"}, {"reason", "转往外县"}};
  LifecycleAccount leader(server_, "leader");
  EXPECT_EQ(leader.Post("/api/v1/members/" + id + "/leave", leave).status, 403);
  const LifecycleAnswer left = secretary.Post("/api/v1/members/" + id + "/leave", leave);
  ASSERT_EQ(left.status, 200) << left.body;
  EXPECT_EQ(left.body["left"]["kind"], "transferred_out");
  const LifecycleAnswer after = secretary.Get("/api/v1/organizations/MH001-01");
  std::int64_t still = 0;
  for (const auto& [status, count] : after.body["member_counts"].items()) still += count.get<int>();
  EXPECT_EQ(still, on_roll - 1);
  EXPECT_EQ(after.body["members_left"], 1);
  const LifecycleAnswer listed = secretary.Get("/api/v1/organizations/MH001-01/members?limit=1");
  EXPECT_EQ(listed.body["items"][0]["left"]["on"], "2016-09-01");
  EXPECT_EQ(Reason(secretary.Post("/api/v1/members/" + id + "/leave", leave)), "member_left");
  const std::string other = secretary.Get("/api/v1/organizations/MH001-01/members?offset=1&limit=1")
                                .body["items"][0]["id"];
  EXPECT_EQ(Reason(secretary.Post("/api/v1/members/" + other + "/leave",
                                  {{"kind", "died"}, {"on", "2999-01-01"}, {"reason", "x"}})),
            "leave_date_in_future");
  EXPECT_EQ(Reason(secretary.Post("/api/v1/members/" + other + "/leave",
                                  {{"kind", "died"}, {"on", "2016-01-01"}, {"reason", " "}})),
            "reason_required");
}

}  // namespace
}  // namespace grassroots::testing
