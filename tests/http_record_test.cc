// GET .../explain and GET .../verify over HTTP: answers from the stored record. Each test
// assesses a year of its own, so that no other test's writes or runs touch what it checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

std::string ScoreBody(int value) {
  const std::string v = std::to_string(value);
  return R"({"team":)" + v + R"(,"leader":)" + v + R"(,"venue":)" + v + R"(,"routine":)" + v +
         R"(,"service":)" + v + R"(,"members":)" + v + "}";
}

class HttpRecord : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }

  // Four villages scored 61..64 in `year`, assessed: the quota is ceil(4 × 15%) = 1, the
  // lowest. Answers the codes, lowest first.
  std::vector<std::string> AssessFourVillages(int year) {
    const nlohmann::json villages = admin_.Get("/api/v1/organizations?type=village&limit=4").Json();
    std::vector<std::string> codes;
    for (const auto& org : villages["items"]) codes.push_back(org["code"]);
    EXPECT_EQ(codes.size(), 4u);
    for (std::size_t i = 0; i < codes.size(); ++i) {
      Score(codes[i], year, 61 + static_cast<int>(i));
    }
    const Reply run =
        admin_.Send("POST", "/api/v1/assessments/" + std::to_string(year) + "/run", "");
    EXPECT_EQ(run.status, 200) << run.body;
    return codes;
  }
  void Score(const std::string& code, int year, int value) {
    const Reply reply =
        admin_.Send("PUT", "/api/v1/scores/" + code + "/" + std::to_string(year), ScoreBody(value));
    EXPECT_LT(reply.status, 300) << reply.body;
  }
  // Alters the server's stored record behind its back (test-only tampering).
  static void Tamper(const std::string& sql) { ExecuteSqlOnServer(sql); }

  Client admin_;
};

TEST_F(HttpRecord, ExplainAnswersTheStoredResultAndListsTheEditsSinceTheRun) {
  const std::vector<std::string> codes = AssessFourVillages(2041);
  ASSERT_EQ(codes.size(), 4u);
  const std::string path = "/api/v1/assessments/2041/organizations/" + codes[0] + "/explain";
  Reply reply = admin_.Get(path);
  ASSERT_EQ(reply.status, 200) << reply.body;
  nlohmann::json e = reply.Json();
  EXPECT_EQ(e["score"], 61.0);
  EXPECT_EQ(e["rank"], 1);
  EXPECT_EQ(e["selected"], true);
  EXPECT_EQ(e["reasons"], nlohmann::json({"bottom_quota"}));
  EXPECT_EQ(e["group"]["count"], 4);
  EXPECT_EQ(e["group"]["product"], 0.6);
  EXPECT_EQ(e["group"]["quota"], 1);
  EXPECT_EQ(e["group"]["cut_score"], 61.0);
  EXPECT_EQ(e["inputs_stored"], true);
  EXPECT_EQ(e["changed_since"], nlohmann::json::array());
  EXPECT_EQ(e["audit_hash"].get<std::string>().size(), 64u);
  const nlohmann::json years = admin_.Get("/api/v1/assessments").Json()["items"];
  const auto listed = std::find_if(years.begin(), years.end(),
                                   [](const nlohmann::json& y) { return y["year"] == 2041; });
  ASSERT_NE(listed, years.end());
  EXPECT_EQ((*listed)["inputs_stored"], true);
  EXPECT_EQ((*listed)["audit_hash"], e["audit_hash"]);  // the head of the trail at the run
  EXPECT_FALSE(e.contains("why"));  // no English sentence: the UI words the codes

  Score(codes[0], 2041, 99);  // edited after the run: the published answer stands
  reply = admin_.Get(path);
  ASSERT_EQ(reply.status, 200) << reply.body;
  e = reply.Json();
  EXPECT_EQ(e["score"], 61.0);
  EXPECT_EQ(e["selected"], true);
  ASSERT_EQ(e["changed_since"].size(), 1u) << e.dump();
  const nlohmann::json change = e["changed_since"][0];
  EXPECT_EQ(change["subject"], "score");
  EXPECT_EQ(change["action"], "score.save");
  EXPECT_EQ(change["actor"], "admin");
  EXPECT_EQ(change["before"]["team"], 61.0);
  EXPECT_EQ(change["after"]["team"], 99.0);
  EXPECT_GT(change["audit_id"].get<std::int64_t>(), 0);
}

TEST_F(HttpRecord, VerifyIsIdenticalUntilTheRecordIsAlteredAndOnlyForThoseWhoReadAll) {
  AssessFourVillages(2042);
  Reply reply = admin_.Get("/api/v1/assessments/2042/verify");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["identical"], true);
  EXPECT_EQ(reply.Json()["difference"], nullptr);

  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  EXPECT_EQ(auditor.Get("/api/v1/assessments/2042/verify").status, 200);
  Client unit_admin;
  ASSERT_EQ(unit_admin.LoginAs("unit_admin").status, 200);
  EXPECT_EQ(unit_admin.Get("/api/v1/assessments/2042/verify").status, 403);

  Tamper("UPDATE assessment_results SET score_cents = 5000 WHERE year = 2042 AND rank_in_type = 2");
  reply = admin_.Get("/api/v1/assessments/2042/verify");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json answer = reply.Json();
  EXPECT_EQ(answer["identical"], false);
  EXPECT_EQ(answer["difference"]["field"], "score");
  EXPECT_EQ(answer["difference"]["stored"], "50.00");
  EXPECT_EQ(answer["difference"]["recomputed"], "62.00");
  EXPECT_EQ(answer["difference"]["unit"], nullptr);
}

TEST_F(HttpRecord, AYearNeverAssessedAnswersNotFoundWithItsReason) {
  Reply reply = admin_.Get("/api/v1/assessments/1999/verify");
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.Json()["error"]["reason"], "year_not_assessed");
  EXPECT_EQ(reply.Json()["error"]["params"]["year"], "1999");
  reply = admin_.Get("/api/v1/assessments/1999/organizations/MH001/explain");
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.Json()["error"]["reason"], "year_not_assessed");
}

TEST_F(HttpRecord, BothRoutesAreDocumented) {
  const nlohmann::json paths = admin_.Get("/api/v1/openapi.json").Json()["paths"];
  EXPECT_TRUE(paths.contains("/api/v1/assessments/{year}/verify"));
  EXPECT_TRUE(paths.contains("/api/v1/assessments/{year}/organizations/{code}/explain"));
}

}  // namespace
}  // namespace grassroots::testing
