// Fields only admin changes (issue 9): nobody grades themselves, through score entry, bulk,
// import or the override; only admin changes what decides a ranking group; and the session
// tells the UI what the account may do, from the same rules.
#include <gtest/gtest.h>

#include <string>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

// The unit_admin of the demo manages MH001 and its subtree (MH001-01, ...).
constexpr char kOwnDirect[] = "MH001";
constexpr char kOwnBranch[] = "MH001-01";

std::string Dims(int value, const std::string& extra = "") {
  std::string body = "{";
  for (const char* key : {"team", "leader", "venue", "routine", "service", "members"}) {
    body += std::string(body.size() > 1 ? "," : "") + "\"" + key + "\":" + std::to_string(value);
  }
  return body + extra + "}";
}

class HttpFieldAccess : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(admin_.LoginAs("admin").status, 200);
    ASSERT_EQ(unit_admin_.LoginAs("unit_admin").status, 200);
  }
  nlohmann::json ScoreOf(const std::string& code, int year) {
    const nlohmann::json scores = admin_.Get("/api/v1/organizations/" + code + "/scores").Json();
    for (const auto& s : scores["items"]) {
      if (s["year"] == year) return s;
    }
    return nullptr;
  }
  static void ExpectAdminOnly(const Reply& reply, const char* field) {
    EXPECT_EQ(reply.status, 403) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["reason"], "admin_only_field") << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["params"]["field"], field) << reply.body;
  }
  Client admin_;
  Client unit_admin_;
};

TEST_F(HttpFieldAccess, AUnitAdminCannotGradeItsOwnOrganizations) {
  const std::string path = std::string("/api/v1/scores/") + kOwnDirect + "/2061";
  ExpectAdminOnly(unit_admin_.Send("PUT", path, Dims(95, R"(,"grade":"A","reason":"自评优秀")")),
                  "grade");
  const std::string row =
      R"([{"code":"MH001","year":2061,"team":95,"leader":95,"venue":95,)"
      R"("routine":95,"service":95,"members":95,"grade":"A","reason":"自评优秀"}])";
  ExpectAdminOnly(unit_admin_.Send("POST", "/api/v1/scores/bulk", row), "grade");
  EXPECT_TRUE(ScoreOf(kOwnDirect, 2061).is_null()) << "nothing was written";

  // A score of its own without a grade it may enter; the override stays the committee's.
  ASSERT_EQ(unit_admin_.Send("PUT", path, Dims(95)).status, 201);
  ExpectAdminOnly(unit_admin_.Send("PUT", path + "/grade", R"({"grade":"A","reason":"自评优秀"})"),
                  "grade");
  const Reply upload =
      unit_admin_.Send("POST", "/api/v1/imports/scores",
                       "code,year,team,leader,venue,routine,service,members,grade,reason\n"
                       "MH001,2061,95,95,95,95,95,95,A,自评优秀\n",
                       true, "text/csv");
  EXPECT_EQ(upload.status, 403) << upload.body;
  const nlohmann::json stored = ScoreOf(kOwnDirect, 2061);
  EXPECT_TRUE(stored["grade"].is_null()) << stored.dump();
  EXPECT_EQ(stored["reason"], "");
}

TEST_F(HttpFieldAccess, ScoreEntryByAUnitAdminKeepsTheCommitteesGrade) {
  const std::string path = std::string("/api/v1/scores/") + kOwnBranch + "/2062";
  ASSERT_LT(admin_.Send("PUT", path, Dims(50, R"(,"grade":"D","reason":"群众反映强烈")")).status,
            300);

  // Dimensions alone: the grade and its reason stay.
  Reply reply = unit_admin_.Send("PUT", path, Dims(61));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["grade"], "D");
  nlohmann::json stored = ScoreOf(kOwnBranch, 2062);
  EXPECT_EQ(stored["team"], 61);
  EXPECT_EQ(stored["grade"], "D");
  EXPECT_EQ(stored["reason"], "群众反映强烈");

  // Sending back what is stored changes nothing and is allowed; clearing or rewording is not.
  EXPECT_EQ(
      unit_admin_.Send("PUT", path, Dims(62, R"(,"grade":"D","reason":"群众反映强烈")")).status,
      200);
  ExpectAdminOnly(unit_admin_.Send("PUT", path, Dims(63, R"(,"grade":"","reason":"")")), "grade");
  ExpectAdminOnly(unit_admin_.Send("PUT", path, Dims(63, R"(,"grade":"D","reason":"已整改")")),
                  "reason");

  // The bulk write keeps it the same way.
  const std::string row = R"([{"code":"MH001-01","year":2062,"team":64,"leader":64,"venue":64,)"
                          R"("routine":64,"service":64,"members":64}])";
  reply = unit_admin_.Send("POST", "/api/v1/scores/bulk", row);
  ASSERT_EQ(reply.status, 200) << reply.body;
  stored = ScoreOf(kOwnBranch, 2062);
  EXPECT_EQ(stored["team"], 64);
  EXPECT_EQ(stored["grade"], "D");
  EXPECT_EQ(stored["reason"], "群众反映强烈");

  // Admin changes and clears it.
  ASSERT_EQ(admin_.Send("PUT", path, Dims(64, R"(,"grade":null,"reason":"")")).status, 200);
  EXPECT_TRUE(ScoreOf(kOwnBranch, 2062)["grade"].is_null());
}

TEST_F(HttpFieldAccess, OnlyAdminChangesWhatDecidesTheRankingGroup) {
  const std::string path = std::string("/api/v1/organizations/") + kOwnBranch;
  const nlohmann::json original = admin_.Get(path).Json();
  auto body = [&original](const char* key, const std::string& value) {
    nlohmann::json org = {{"name", original["name"]},           {"type", original["type"]},
                          {"kind", original["kind"]},           {"parent", original["parent"]},
                          {"secretary", original["secretary"]}, {"unit", original["unit"]}};
    org[key] = value;
    return org.dump();
  };
  ExpectAdminOnly(unit_admin_.Send("PUT", path, body("type", "community")), "type");
  ExpectAdminOnly(unit_admin_.Send("PUT", path, body("unit", "elsewhere")), "unit");
  ExpectAdminOnly(unit_admin_.Send("PUT", path, body("parent", "")), "parent");
  // Out of its scope or not, a move is refused alike.
  ExpectAdminOnly(unit_admin_.Send("PUT", path, body("parent", "MH002")), "parent");
  const std::string direct = std::string("/api/v1/organizations/") + kOwnDirect;
  ExpectAdminOnly(
      unit_admin_.Send("PUT", direct, R"({"name":"x","type":"community","kind":"committee"})"),
      "type");
  EXPECT_EQ(admin_.Get(path).Json(), original) << "nothing was changed";

  // The rest of the record is the unit's to keep, its direct organization's too.
  Reply reply = unit_admin_.Send("PUT", path, body("secretary", "新书记"));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(admin_.Get(path).Json()["secretary"], "新书记");
  reply = unit_admin_.Send("PUT", path, body("kind", "general_branch"));
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_EQ(unit_admin_.Send("PUT", path, body("kind", original["kind"])).status, 200);
  ASSERT_EQ(unit_admin_.Send("PUT", path, body("secretary", original["secretary"])).status, 200);
  EXPECT_EQ(admin_.Get(path).Json(), original);
  const nlohmann::json own = admin_.Get(direct).Json();
  nlohmann::json renamed = {{"name", "改名镇党委"},
                            {"type", own["type"]},
                            {"kind", own["kind"]},
                            {"secretary", own["secretary"]}};
  reply = unit_admin_.Send("PUT", direct, renamed.dump());
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(admin_.Get(direct).Json()["name"], "改名镇党委");
  renamed["name"] = own["name"];
  ASSERT_EQ(unit_admin_.Send("PUT", direct, renamed.dump()).status, 200);

  // A new organization under its own takes the inherited unit; naming another is admin's.
  ExpectAdminOnly(
      unit_admin_.Send("POST", "/api/v1/organizations",
                       R"({"code":"H2F-1","name":"新支部","type":"village","kind":"branch",)"
                       R"("parent":"MH001","unit":"elsewhere"})"),
      "unit");
  EXPECT_EQ(admin_.Get("/api/v1/organizations/H2F-1").status, 404);
}

TEST_F(HttpFieldAccess, TheSessionTellsWhatTheAccountMayDo) {
  const struct {
    const char* role;
    bool run, import, what_if, audit, write_scores, write_members, grade, type;
  } expected[] = {
      {"admin", true, true, true, true, true, true, true, true},
      {"unit_admin", false, false, true, false, true, true, false, false},
      {"secretary", false, false, false, false, false, true, false, false},
      {"leader", false, false, true, false, false, false, false, false},
      {"auditor", false, false, true, true, false, false, false, false},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.role);
    Client user;
    const Reply login = user.LoginAs(e.role);
    ASSERT_EQ(login.status, 200);
    const nlohmann::json p = user.Get("/api/v1/session").Json()["permissions"];
    EXPECT_EQ(login.Json()["permissions"], p) << "the login answers the same";
    EXPECT_EQ(p["run_assessment"], e.run);
    EXPECT_EQ(p["import"], e.import);
    EXPECT_EQ(p["what_if"], e.what_if);
    EXPECT_EQ(p["read_audit"], e.audit);
    EXPECT_EQ(p["write_scores"], e.write_scores);
    EXPECT_EQ(p["write_members"], e.write_members);
    EXPECT_EQ(p["set_committee_grade"], e.grade);
    EXPECT_EQ(p["change_org_type"], e.type);
    for (const char* name : {"create_direct_organization", "manage_users", "read_all_assessments",
                             "write_organizations", "change_org_unit", "change_org_parent"}) {
      EXPECT_TRUE(p[name].is_boolean()) << name;
    }
  }
}

}  // namespace
}  // namespace grassroots::testing
