// The contract of the stored-assessment subjects (assessment_records.h, hand_decision_records.h,
// policy_records.h) on both backends, through Store::Read and Store::Write only: a run's header,
// rows, quotas and selection; its record with the inputs it read; the committee's hand
// decisions; the policies kept. No SQL: what a caller can see is what is asserted.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/policy.h"
#include "storage/assessment_records.h"
#include "storage/hand_decision_records.h"
#include "storage/import_writer.h"
#include "storage/organization_subject.h"
#include "storage/policy_records.h"
#include "storage/score_subject.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::Result;
using test::SaveRun;
using test::Score;
using Selection = std::optional<std::vector<std::uint8_t>>;

class AssessmentContractTest : public test::StoreTest {
 protected:
  template <typename T, typename Fn>
  T Read(Fn&& fn) {
    core::Result<T> read = ReadValue(*store_, [&](Tx& tx) { return fn(AssessmentRecords(tx)); });
    EXPECT_TRUE(read.ok()) << read.error().message;
    return read.ok() ? std::move(read).value() : T{};
  }
  std::optional<AssessmentInfo> Info(int year) {
    return Read<std::optional<AssessmentInfo>>([&](AssessmentRecords r) { return r.Info(year); });
  }
  std::vector<AssessmentInfo> Runs() {
    return Read<std::vector<AssessmentInfo>>([](AssessmentRecords r) { return r.List(); });
  }
  Selection SelectionOf(int year, const core::OrgTable& orgs) {
    return Read<Selection>([&](AssessmentRecords r) { return r.Selection(year, orgs); });
  }
  Page<AssessmentRow> Rows(int year, const OrgFilter& filter) {
    return Read<Page<AssessmentRow>>([&](AssessmentRecords r) { return r.Rows(year, filter); });
  }
  std::vector<SummaryRow> SummaryRows(int year) {
    return Read<std::vector<SummaryRow>>([&](AssessmentRecords r) { return r.SummaryRows(year); });
  }
  std::vector<StoredQuota> Quotas(int year) {
    return Read<std::vector<StoredQuota>>([&](AssessmentRecords r) { return r.Quotas(year); });
  }
  std::vector<PolicyInfo> Policies() {
    core::Result<std::vector<PolicyInfo>> read =
        ReadValue(*store_, [](Tx& tx) { return PolicyRecords(tx).List(); });
    EXPECT_TRUE(read.ok());
    return read.ok() ? read.value() : std::vector<PolicyInfo>{};
  }
  std::vector<StoredManualDecision> Decisions(int year) {
    core::Result<std::vector<StoredManualDecision>> read =
        ReadValue(*store_, [&](Tx& tx) { return HandDecisionRecords(tx).List(year); });
    EXPECT_TRUE(read.ok());
    return read.ok() ? read.value() : std::vector<StoredManualDecision>{};
  }
  core::Status Decide(int year, const StoredManualDecision& decision) {
    return store_->Write(actor_,
                         [&](Tx& tx) { return HandDecisionRecords(tx).Save(year, decision); });
  }
  core::Status Withdraw(int year, const std::string& code) {
    return store_->Write(actor_,
                         [&](Tx& tx) { return HandDecisionRecords(tx).Delete(year, code); });
  }
  AuditRecord NewestAudit() {
    core::Result<Page<AuditRecord>> page = test::ListAudit(*store_, 0, 1);
    EXPECT_TRUE(page.ok() && !page.value().items.empty());
    return page.ok() && !page.value().items.empty() ? page.value().items[0] : AuditRecord{};
  }
};

TEST_P(AssessmentContractTest, AYearNeverAssessedHasNoRunRowsQuotasOrRecord) {
  Upsert({Org("A")});
  const core::OrgTable table = Table();
  EXPECT_TRUE(Runs().empty());
  EXPECT_FALSE(Info(2016).has_value());
  EXPECT_FALSE(SelectionOf(2016, table).has_value());
  EXPECT_EQ(Rows(2016, {}).total, 0);
  EXPECT_TRUE(SummaryRows(2016).empty());
  EXPECT_TRUE(Quotas(2016).empty());
  EXPECT_FALSE(Read<std::optional<StoredQuota>>([](AssessmentRecords r) {
                 return r.QuotaGroup(2016, "u1", "village");
               }).has_value());
  EXPECT_FALSE(Read<std::optional<StoredResultRecord>>([](AssessmentRecords r) {
                 return r.Record(2016, "A");
               }).has_value());
  EXPECT_FALSE(Read<std::optional<StoredAssessment>>([](AssessmentRecords r) {
                 return r.Stored(2016);
               }).has_value());
}

TEST_P(AssessmentContractTest, AFirstRunStoresItsHeaderSelectionQuotasAndPolicy) {
  Upsert({Org("A"), Org("A1", "A"), Org("C")});
  const core::OrgTable table = Table();
  core::AssessmentResult result = Result(2016, {0, 1, 0});
  result.consecutive = {0, 1, 0};
  std::optional<AssessmentInfo> saved;
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            auto info =
                                AssessmentRecords(tx).Save(core::MoheDefaultPolicy(), "v1",
                                                           test::NoInputs(table).input, result);
                            if (!info.ok()) return info.error();
                            saved = info.value();
                            return core::Status::Ok();
                          })
                  .ok());
  // The header answered is the one stored, and it names the run's own audit entry.
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(saved->policy_version, "v1");
  EXPECT_EQ(saved->selected_count, 1);
  EXPECT_TRUE(saved->inputs_stored);
  EXPECT_EQ(saved->run_at, core::FormatUtc(clock_.Now()));
  const ChainHead head = test::AuditHead(*store_).value();
  EXPECT_EQ(saved->audit_id, head.id);
  EXPECT_EQ(saved->audit_hash, head.hash);
  EXPECT_EQ(NewestAudit().action, "assessment.run");
  EXPECT_EQ(NewestAudit().entity, "assessment/2016");
  const std::vector<AssessmentInfo> runs = Runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].year, 2016);
  EXPECT_EQ(runs[0].audit_hash, head.hash);
  EXPECT_EQ(Info(2016)->selected_count, 1);
  EXPECT_EQ(SelectionOf(2016, table), Selection(std::vector<std::uint8_t>{0, 1, 0}));

  // Summary rows carry today's names and the parent the row was ranked under.
  const std::vector<SummaryRow> rows = SummaryRows(2016);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].code, "A1");
  EXPECT_EQ(rows[1].name, "Org A1");
  EXPECT_EQ(rows[1].parent, "A");
  EXPECT_EQ(rows[1].type, "village");
  EXPECT_TRUE(rows[1].selected);
  EXPECT_TRUE(rows[1].consecutive);
  EXPECT_FALSE(rows[1].score_cents.has_value());
  EXPECT_EQ(rows[0].score_cents, 5850);
  EXPECT_EQ(rows[0].grade, "D");

  const std::vector<StoredQuota> quotas = Quotas(2016);
  ASSERT_EQ(quotas.size(), 1u);
  EXPECT_EQ(quotas[0].unit, "u1");
  EXPECT_EQ(quotas[0].type, "village");
  EXPECT_EQ(quotas[0].quota, 1);
  EXPECT_EQ(quotas[0].cut_cents, 5850);
  const auto group = Read<std::optional<StoredQuota>>(
      [](AssessmentRecords r) { return r.QuotaGroup(2016, "u1", "village"); });
  ASSERT_TRUE(group.has_value());
  EXPECT_EQ(group->count, 2);
  EXPECT_EQ(group->taken, 1);
  EXPECT_FALSE(Read<std::optional<StoredQuota>>([](AssessmentRecords r) {
                 return r.QuotaGroup(2016, "u1", "community");
               }).has_value());

  const std::vector<PolicyInfo> policies = Policies();
  ASSERT_EQ(policies.size(), 1u);
  EXPECT_EQ(policies[0].version, "v1");
  EXPECT_EQ(policies[0].content, core::CanonicalPolicyText(core::MoheDefaultPolicy()));
}

TEST_P(AssessmentContractTest, ARerunReplacesTheYearAndIsAuditedWithTheHeaderBefore) {
  Upsert({Org("A"), Org("B"), Org("C")});
  const core::OrgTable table = Table();
  ASSERT_TRUE(SaveRun(*store_, actor_, test::NoInputs(table).input, Result(2016, {1, 0, 0})).ok());
  ASSERT_TRUE(
      SaveRun(*store_, actor_, test::NoInputs(table).input, Result(2016, {1, 0, 1}), "v2").ok());

  EXPECT_EQ(SelectionOf(2016, table), Selection(std::vector<std::uint8_t>{1, 0, 1}));
  EXPECT_EQ(Info(2016)->policy_version, "v2");
  EXPECT_EQ(Info(2016)->selected_count, 2);
  EXPECT_EQ(Info(2016)->audit_hash, test::AuditHead(*store_).value().hash);
  EXPECT_EQ(Runs().size(), 1u);
  EXPECT_EQ(SummaryRows(2016).size(), 3u);
  EXPECT_EQ(Quotas(2016).size(), 1u);
  EXPECT_EQ(Policies().size(), 2u);
  const AuditRecord rerun = NewestAudit();
  EXPECT_EQ(rerun.action, "assessment.rerun");
  EXPECT_EQ(rerun.before_json, "{\"policy_version\":\"v1\",\"selected_count\":1}");
  EXPECT_EQ(rerun.after_json, "{\"policy_version\":\"v2\",\"selected_count\":2}");
}

TEST_P(AssessmentContractTest, AMisalignedResultIsRejectedAndNothingIsWritten) {
  Upsert({Org("A")});
  const ChainHead before = test::AuditHead(*store_).value();
  core::Status status =
      SaveRun(*store_, actor_, test::NoInputs(Table()).input, Result(2016, {1, 0, 0}));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInvalid);
  EXPECT_NE(status.error().message.find("nothing was written"), std::string::npos);
  EXPECT_TRUE(Runs().empty());
  EXPECT_TRUE(Policies().empty());
  EXPECT_EQ(test::AuditHead(*store_).value(), before);
}

TEST_P(AssessmentContractTest, WritesRefuseInsideAReadSnapshot) {
  Upsert({Org("A"), Org("B"), Org("C")});
  const core::OrgTable table = Table();
  core::Status status = store_->Read([&](Tx& tx) -> core::Status {
    EXPECT_FALSE(AssessmentRecords(tx)
                     .Save(core::MoheDefaultPolicy(), "v1", test::NoInputs(table).input,
                           Result(2016, {1, 0, 0}))
                     .ok());
    EXPECT_EQ(HandDecisionRecords(tx).Save(2016, {"A", true, "r", "admin", ""}).error().code,
              core::ErrorCode::kInternal);
    EXPECT_EQ(HandDecisionRecords(tx).Delete(2016, "A").error().code, core::ErrorCode::kInternal);
    EXPECT_EQ(PolicyRecords(tx).Keep(core::MoheDefaultPolicy(), "v1").error().code,
              core::ErrorCode::kInternal);
    return core::Status::Ok();
  });
  ASSERT_TRUE(status.ok());
  EXPECT_TRUE(Runs().empty());
  EXPECT_TRUE(Decisions(2016).empty());
  EXPECT_TRUE(Policies().empty());
}

TEST_P(AssessmentContractTest, RowsAreFilteredByWhereTheyWereRankedAndByTodaysOrganizations) {
  Upsert({Org("A"), Org("B", "", "u2"), Org("C")});
  ASSERT_TRUE(
      SaveRun(*store_, actor_, test::NoInputs(Table()).input, Result(2016, {1, 0, 0})).ok());
  OrgFilter f;
  Page<AssessmentRow> rows = Rows(2016, f);
  ASSERT_EQ(rows.total, 3);
  const AssessmentRow& a = rows.items[0];
  EXPECT_EQ(a.code, "A");
  EXPECT_EQ(a.name, "Org A");
  EXPECT_EQ(a.type, "village");
  EXPECT_EQ(a.unit, "u1");
  EXPECT_EQ(a.score_cents, 5850);
  EXPECT_EQ(a.grade, "D");
  EXPECT_EQ(a.rank, 1);
  EXPECT_TRUE(a.selected);
  EXPECT_EQ(a.reasons, core::kReasonBottomQuota | core::kReasonGradeD);
  EXPECT_FALSE(rows.items[1].score_cents.has_value());
  f.unit = "u2";
  rows = Rows(2016, f);
  ASSERT_EQ(rows.items.size(), 1u);
  EXPECT_EQ(rows.items[0].code, "B");

  // B moves to u1 after the assessment: the 2016 list still shows and filters it in u2, where it
  // was ranked; a parent filter joins today's organizations.
  ASSERT_TRUE(WriteValue(*store_, actor_, [&](Tx& t) {
                return OrganizationRecords(t).Save(Org("B", "", "u1"));
              }).ok());
  rows = Rows(2016, f);
  ASSERT_EQ(rows.items.size(), 1u);
  EXPECT_EQ(rows.items[0].code, "B");
  EXPECT_EQ(rows.items[0].unit, "u2");
  f.unit.clear();
  f.type = "village";
  f.selected = true;
  EXPECT_EQ(Rows(2016, f).total, 1);
  f = {};
  f.direct = true;
  f.grade = "D";
  rows = Rows(2016, f);
  ASSERT_EQ(rows.total, 1);
  EXPECT_EQ(rows.items[0].code, "A");
  f = {};
  f.offset = 1;
  f.limit = 1;
  rows = Rows(2016, f);
  EXPECT_EQ(rows.total, 3);
  ASSERT_EQ(rows.items.size(), 1u);
  EXPECT_EQ(rows.items[0].code, "B");
}

TEST_P(AssessmentContractTest, HandDecisionsAreSavedReplacedWithdrawnAndAudited) {
  Upsert({Org("A"), Org("C")});
  StoredManualDecision d{"C", false, "moved away", "admin", "2017-01-01T00:00:00Z"};
  ASSERT_TRUE(Decide(2016, d).ok());
  AuditRecord entry = NewestAudit();
  EXPECT_EQ(entry.action, "assessment.manual");
  EXPECT_EQ(entry.entity, "manual:C:2016");
  EXPECT_EQ(entry.before_json, "");
  d.include = true;
  ASSERT_TRUE(Decide(2016, d).ok());
  EXPECT_NE(NewestAudit().before_json.find("\"include\":false"), std::string::npos);
  std::vector<StoredManualDecision> decisions = Decisions(2016);
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_TRUE(decisions[0].include);
  EXPECT_EQ(decisions[0].reason, "moved away");
  EXPECT_EQ(decisions[0].decided_at, "2017-01-01T00:00:00Z");
  EXPECT_TRUE(Decisions(2015).empty());

  // Without a time, the store's now.
  ASSERT_TRUE(Decide(2016, {"A", false, "petitions", "staff", ""}).ok());
  decisions = Decisions(2016);
  ASSERT_EQ(decisions.size(), 2u);
  EXPECT_EQ(decisions[0].code, "A");
  EXPECT_EQ(decisions[0].decided_at, core::FormatUtc(clock_.Now()));

  const ChainHead before = test::AuditHead(*store_).value();
  d.reason.clear();
  core::Status refused = Decide(2016, d);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(refused.error().field, "reason");
  EXPECT_EQ(test::AuditHead(*store_).value(), before);

  ASSERT_TRUE(Withdraw(2016, "C").ok());
  entry = NewestAudit();
  EXPECT_EQ(entry.action, "assessment.manual.delete");
  EXPECT_NE(entry.before_json.find("\"code\":\"C\""), std::string::npos);
  EXPECT_EQ(entry.after_json, "");
  ASSERT_EQ(Decisions(2016).size(), 1u);
  core::Status missing = Withdraw(2016, "C");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "code");
}

TEST_P(AssessmentContractTest, HandDecisionsAreAlignedWithTheTableARunRanks) {
  Upsert({Org("A"), Org("B"), Org("C")});
  ASSERT_TRUE(Decide(2016, {"B", true, "petitions", "staff", ""}).ok());
  ASSERT_TRUE(Decide(2016, {"C", false, "moved", "staff", ""}).ok());
  ASSERT_TRUE(Decide(2015, {"A", false, "old", "staff", ""}).ok());
  // A table without C (as a run of a year after C ended would rank): C's decision is left out.
  core::OrgTable table;
  table.unit_codes = {"u1"};
  table.Add("A", core::OrgType::kVillage, 0, core::kNoParent);
  table.Add("B", core::OrgType::kVillage, 0, core::kNoParent);
  core::Result<std::vector<core::ManualDecision>> aligned =
      ReadValue(*store_, [&](Tx& tx) { return HandDecisionRecords(tx).Aligned(2016, table); });
  ASSERT_TRUE(aligned.ok()) << aligned.error().message;
  ASSERT_EQ(aligned.value().size(), 1u);
  EXPECT_EQ(aligned.value()[0].org, 1u);
  EXPECT_TRUE(aligned.value()[0].include);
  EXPECT_EQ(aligned.value()[0].reason, "petitions");
}

TEST_P(AssessmentContractTest, APolicyIsKeptOnceByVersionWithItsFirstText) {
  core::Policy changed = core::MoheDefaultPolicy();
  changed.name = "changed";
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            PolicyRecords policies(tx);
                            if (auto s = policies.Keep(core::MoheDefaultPolicy(), "v1"); !s.ok()) {
                              return s;
                            }
                            if (auto s = policies.Keep(changed, "v1"); !s.ok()) return s;
                            return policies.Keep(changed, "v2");
                          })
                  .ok());
  const std::vector<PolicyInfo> policies = Policies();
  ASSERT_EQ(policies.size(), 2u);
  EXPECT_EQ(policies[0].version, "v1");
  EXPECT_EQ(policies[0].created_at, core::FormatUtc(clock_.Now()));
  EXPECT_EQ(policies[1].name, "changed");
  core::Result<std::optional<std::string>> text =
      ReadValue(*store_, [](Tx& tx) { return PolicyRecords(tx).Text("v1"); });
  ASSERT_TRUE(text.ok() && text.value().has_value());
  EXPECT_EQ(*text.value(), core::CanonicalPolicyText(core::MoheDefaultPolicy()));
  EXPECT_FALSE(
      ReadValue(*store_, [](Tx& tx) { return PolicyRecords(tx).Text("v9"); }).value().has_value());
  core::Status unnamed = store_->Write(
      actor_, [](Tx& tx) { return PolicyRecords(tx).Keep(core::MoheDefaultPolicy(), ""); });
  ASSERT_FALSE(unnamed.ok());
  EXPECT_EQ(unnamed.error().code, core::ErrorCode::kInvalid);
}

// Three organizations (a committee, its branch, another committee) and 2016's inputs: scores
// with dimensions no decimal prints exactly, a committee grade with its reason, a hand decision
// and a previous year's selection, assessed and stored.
class StoredRecordTest : public AssessmentContractTest {
 protected:
  void SetUp() override {
    AssessmentContractTest::SetUp();
    Upsert({Org("A"), Org("A1", "A"), Org("B"), Org("C")});
    core::ScoreRecord a = Score("A", 2016, 50);
    a.dimensions = {1.0 / 3.0, 0.1 + 0.2, 55.55, 60, 61, 62};
    core::ScoreRecord b = Score("B", 2016, 95, core::Grade::kC);
    b.reason = "委员会复核";
    ASSERT_TRUE(ImportBatch(*store_, actor_, {a, Score("A1", 2016, 70), b}).ok());
    table_ = Table();
    auto scores = ReadValue(*store_, [&](Tx& t) { return ScoreRecords(t).OfYear(2016, table_); });
    ASSERT_TRUE(scores.ok());
    scores_ = std::move(scores).value();
    input_.year = 2016;
    input_.orgs = &table_;
    input_.scores = &scores_;
    input_.manual = {{3, true, "群众反映强烈"}};
    input_.previous_selected = {{1, 0, 0, 1}};
    auto result = core::Assess(core::MoheDefaultPolicy(), input_);
    ASSERT_TRUE(result.ok()) << result.error().message;
    result_ = std::move(result).value();
    ASSERT_TRUE(SaveRun(*store_, actor_, input_, result_).ok());
  }

  std::optional<StoredResultRecord> Record(int year, const std::string& code) {
    return Read<std::optional<StoredResultRecord>>(
        [&](AssessmentRecords r) { return r.Record(year, code); });
  }

  core::OrgTable table_;
  core::YearScores scores_;
  core::AssessmentInput input_;
  core::AssessmentResult result_;
};

TEST_P(StoredRecordTest, TheWholeYearReadsBackAsTheEngineReadItAndStoredIt) {
  const auto loaded =
      Read<std::optional<StoredAssessment>>([](AssessmentRecords r) { return r.Stored(2016); });
  ASSERT_TRUE(loaded.has_value());
  const StoredAssessment& stored = *loaded;
  EXPECT_TRUE(stored.info.inputs_stored);
  EXPECT_EQ(stored.policy_text, core::CanonicalPolicyText(core::MoheDefaultPolicy()));
  EXPECT_EQ(stored.orgs.code, table_.code);
  EXPECT_EQ(stored.orgs.type, table_.type);
  EXPECT_EQ(stored.orgs.unit, table_.unit);
  EXPECT_EQ(stored.orgs.parent, table_.parent);
  EXPECT_EQ(stored.orgs.unit_codes, table_.unit_codes);
  EXPECT_EQ(stored.scores.has_score, scores_.has_score);
  EXPECT_EQ(stored.scores.dimensions, scores_.dimensions);  // bit for bit
  EXPECT_EQ(stored.scores.committee_grade, scores_.committee_grade);
  ASSERT_EQ(stored.scores.committee_reasons.size(), 1u);
  EXPECT_EQ(stored.scores.committee_reasons[0].org, 2u);
  EXPECT_EQ(stored.scores.committee_reasons[0].text, "委员会复核");
  ASSERT_EQ(stored.manual.size(), 1u);
  EXPECT_EQ(stored.manual[0].org, 3u);
  EXPECT_TRUE(stored.manual[0].include);
  EXPECT_EQ(stored.manual[0].reason, "群众反映强烈");
  EXPECT_EQ(stored.previous_selected, input_.previous_selected);
  EXPECT_EQ(stored.result.score_cents, result_.score_cents);
  EXPECT_EQ(stored.result.grade, result_.grade);
  EXPECT_EQ(stored.result.rank, result_.rank);
  EXPECT_EQ(stored.result.selected, result_.selected);
  EXPECT_EQ(stored.result.reasons, result_.reasons);
  EXPECT_EQ(stored.result.consecutive, result_.consecutive);
  ASSERT_EQ(stored.result.quotas.size(), result_.quotas.size());
  EXPECT_EQ(stored.result.quotas[0].count, result_.quotas[0].count);
  EXPECT_EQ(stored.result.quotas[0].cut_cents, result_.quotas[0].cut_cents);
}

TEST_P(StoredRecordTest, OneRowCarriesTheInputsTheEngineReadForIt) {
  std::optional<StoredResultRecord> record = Record(2016, "A1");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->row.type, "village");
  EXPECT_EQ(record->row.unit, "u1");
  EXPECT_EQ(record->parent, "A");
  ASSERT_TRUE(record->dimensions.has_value());
  EXPECT_EQ((*record->dimensions)[5], 71.0);
  EXPECT_FALSE(record->manual_include.has_value());
  EXPECT_EQ(record->previous_selected, 0u);

  record = Record(2016, "B");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->committee_grade, core::Grade::kC);
  EXPECT_EQ(record->committee_reason, "委员会复核");

  record = Record(2016, "C");
  ASSERT_TRUE(record.has_value());
  EXPECT_FALSE(record->dimensions.has_value());  // no score that year
  EXPECT_EQ(record->manual_include, true);
  EXPECT_EQ(record->manual_reason, "群众反映强烈");
  EXPECT_EQ(record->previous_selected, 1u);

  EXPECT_FALSE(Record(2016, "NOPE").has_value());
  EXPECT_FALSE(Record(2015, "A").has_value());
}

TEST_P(StoredRecordTest, APreviousSelectionIsReadAlignedWithALaterTable) {
  // 2016's selection read for a 2017 table that has one organization more (D, sorted last).
  Upsert({Org("D")});
  const core::OrgTable later = Table();
  const Selection selection = SelectionOf(2016, later);
  ASSERT_TRUE(selection.has_value());
  ASSERT_EQ(selection->size(), 5u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ((*selection)[i], result_.selected[i]) << i;
  EXPECT_EQ((*selection)[4], 0);
}

INSTANTIATE_STORE_TESTS(AssessmentContractTest);
INSTANTIATE_STORE_TESTS(StoredRecordTest);

}  // namespace
}  // namespace grassroots::storage
