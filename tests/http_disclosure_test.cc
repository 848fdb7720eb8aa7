// The committee's reason for a grade it set is internal deliberation: a secretary reads their
// own record without it (core/disclosure.h; the demo's policy leaves the default, hidden).
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

TEST(HttpDisclosure, ASecretaryReadsTheirRecordWithoutTheCommitteesReason) {
  Client admin, secretary;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const std::string code = secretary.Get("/api/v1/session").Json()["user"]["scope"][0];
  const Reply graded = admin.Send("PUT", "/api/v1/scores/" + code + "/2016/grade",
                                  R"({"grade":"C","reason":"评议组认为班子不团结"})");
  ASSERT_EQ(graded.status, 200) << graded.body;
  ASSERT_EQ(admin.Send("POST", "/api/v1/assessments/2016/run", "").status, 200);
  const std::string explain = "/api/v1/assessments/2016/organizations/" + code + "/explain";

  const Reply theirs = secretary.Get(explain);
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_TRUE(theirs.Json()["committee_reason"].is_null());
  EXPECT_EQ(theirs.Json()["committee_reason_hidden"], true);
  EXPECT_EQ(theirs.Json()["grade_by_committee"], true);  // the grade itself is theirs to know
  EXPECT_EQ(theirs.body.find("班子不团结"), std::string::npos);  // nor in the recorded changes
  const nlohmann::json scores = secretary.Get("/api/v1/organizations/" + code + "/scores").Json();
  ASSERT_FALSE(scores["items"].empty());
  for (const auto& score : scores["items"]) EXPECT_TRUE(score["reason"].is_null());
  EXPECT_EQ(secretary.Get("/api/v1/scores?year=2016").body.find("班子不团结"), std::string::npos);

  const Reply county = admin.Get(explain);
  EXPECT_EQ(county.Json()["committee_reason"], "评议组认为班子不团结");
  EXPECT_FALSE(county.Json().contains("committee_reason_hidden"));
  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  EXPECT_EQ(auditor.Get(explain).Json()["committee_reason"], "评议组认为班子不团结");
}

}  // namespace
}  // namespace grassroots::testing
