// A spot-check finding's evidence files over both backends: a good file reads back byte for
// byte; a file whose bytes are not an accepted type, and a caller out of scope or without the
// right to record findings, are refused with nothing stored; out of scope answers as an id never
// used.
#include "app/spot_finding_evidence.h"

#include <gtest/gtest.h>

#include "app/assessment_service.h"
#include "app/spot_check_service.h"
#include "app/spot_check_test_people.h"
#include "config/policy_file.h"
#include "storage/import_writer.h"
#include "storage/test_fixture.h"

namespace grassroots::app {
namespace {

using storage::test::Org;
using storage::test::Score;

using test::kAdmin;
using test::kAuditor;
using test::kUnitD2;

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\x01\xff photo", 9);

// D1 with 6 village branches, D2 with 6 community branches, assessed for 2016 and May drawn:
// a finding on a drawn D1 branch and one on a drawn D2 branch.
class SpotFindingEvidenceTest : public storage::test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    std::vector<core::Organization> orgs = {Org("D1"),
                                            Org("D2", "", "u2", core::OrgType::kCommunity)};
    std::vector<core::ScoreRecord> scores = {Score("D1", 2016, 90), Score("D2", 2016, 90)};
    for (int i = 1; i <= 6; ++i) {
      orgs.push_back(Org("D1-0" + std::to_string(i), "D1"));
      scores.push_back(Score("D1-0" + std::to_string(i), 2016, 60 + i));
      orgs.push_back(Org("D2-0" + std::to_string(i), "D2", "u2", core::OrgType::kCommunity));
      scores.push_back(Score("D2-0" + std::to_string(i), 2016, 60 + i));
    }
    Upsert(orgs);
    ASSERT_TRUE(storage::ImportBatch(*store_, actor_, scores).ok());
    ASSERT_TRUE(RunAssessment(*store_, config::BuiltInPolicy(), 2016, actor_).ok());
    auto view = RunSpotCheck(*store_, kAdmin, "2016-05", 5, config::BuiltInPolicy().policy, actor_);
    ASSERT_TRUE(view.ok()) << view.error().message;
    for (const storage::DrawnRecord& d : view.value().drawn) {
      auto f = RecordFinding(*store_, kAdmin, "2016-05",
                             {d.org_code, "problem_found", "制度未上墙", "2016-05-20"}, actor_,
                             clock_.Now());
      ASSERT_TRUE(f.ok()) << f.error().message;
      (d.org_code.starts_with("D1") ? d1_finding_ : d2_finding_) = f.value().id;
    }
    ASSERT_NE(d1_finding_, 0);
    ASSERT_NE(d2_finding_, 0);
  }

  std::int64_t Stored() { return QueryInt("SELECT COUNT(*) FROM spot_check_finding_evidence"); }

  std::int64_t d1_finding_ = 0, d2_finding_ = 0;
};

TEST_P(SpotFindingEvidenceTest, AnUploadedFileIsListedAndReadsBackByteForByte) {
  auto added = AddFindingEvidence(*store_, kAdmin, d1_finding_, "村部.png", kPng, actor_);
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added.value().content_type, "image/png");
  EXPECT_EQ(added.value().size, static_cast<std::int64_t>(kPng.size()));
  EXPECT_EQ(added.value().uploaded_by, "tester");
  auto listed = FindingEvidence(*store_, kAuditor, d1_finding_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed.value().size(), 1u);
  EXPECT_EQ(listed.value()[0].file_name, "村部.png");
  auto file = FindingEvidenceFileOf(*store_, kAuditor, added.value().id);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file.value().bytes, kPng);
  std::vector<storage::FindingRecord> findings(2);
  findings[0].id = d1_finding_;
  findings[1].id = d2_finding_;
  auto counts = EvidenceOfFindings(*store_, findings);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts.value()[d1_finding_].size(), 1u);
  EXPECT_TRUE(counts.value()[d2_finding_].empty());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE entity = 'finding_evidence:" +
                     std::to_string(added.value().id) + "'"),
            1);
}

TEST_P(SpotFindingEvidenceTest, BytesOfNoAcceptedTypeUnderAGoodNameAreRefusedNothingStored) {
  auto text = AddFindingEvidence(*store_, kAdmin, d1_finding_, "photo.png",
                                 "just some text, not a picture", actor_);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(text.error().reason, "evidence_type_unsupported");
  EXPECT_EQ(text.error().field, "file");
  EXPECT_EQ(Stored(), 0);
}

TEST_P(SpotFindingEvidenceTest, OutOfScopeIsAnsweredAsAnUnusedIdAndNothingIsStored) {
  auto unused = AddFindingEvidence(*store_, kUnitD2, 999'999, "p.png", kPng, actor_);
  auto hidden = AddFindingEvidence(*store_, kUnitD2, d1_finding_, "p.png", kPng, actor_);
  ASSERT_FALSE(unused.ok());
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(hidden.error().reason, unused.error().reason);
  EXPECT_EQ(hidden.error().reason, "spot_finding_not_found");
  EXPECT_FALSE(FindingEvidence(*store_, kUnitD2, d1_finding_).ok());
  // Reading is not recording: an auditor sees every finding but adds nothing.
  auto auditor = AddFindingEvidence(*store_, kAuditor, d1_finding_, "p.png", kPng, actor_);
  ASSERT_FALSE(auditor.ok());
  EXPECT_EQ(auditor.error().reason, "spot_finding_not_permitted");
  EXPECT_EQ(Stored(), 0);
  // The unit admin adds to their own organization's finding, and cannot read the other's file.
  auto own = AddFindingEvidence(*store_, kUnitD2, d2_finding_, "p.png", kPng, actor_);
  ASSERT_TRUE(own.ok()) << own.error().message;
  auto other = AddFindingEvidence(*store_, kAdmin, d1_finding_, "p.png", kPng, actor_);
  ASSERT_TRUE(other.ok());
  auto out = FindingEvidenceFileOf(*store_, kUnitD2, other.value().id);
  auto none = FindingEvidenceFileOf(*store_, kUnitD2, 999'999);
  ASSERT_FALSE(out.ok());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(out.error().reason, "finding_evidence_not_found");
  EXPECT_EQ(out.error().code, none.error().code);
  EXPECT_TRUE(FindingEvidenceFileOf(*store_, kUnitD2, own.value().id).ok());
}

INSTANTIATE_STORE_TESTS(SpotFindingEvidenceTest);

}  // namespace
}  // namespace grassroots::app
