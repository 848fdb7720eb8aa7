// The monthly spot check's use cases over both backends: a draw stored with its seed and
// candidates, drawn once a month, verified identical until the data changes, scoped, with
// findings that open rectification items.
#include "app/spot_check_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "app/assessment_service.h"
#include "app/spot_check_test_people.h"
#include "config/policy_file.h"
#include "storage/audit_chain.h"
#include "storage/import_writer.h"
#include "storage/test_fixture.h"

namespace grassroots::app {
namespace {

using storage::test::Org;
using storage::test::Score;

using test::kAdmin;
using test::kAuditor;
using test::kUnitD2;

// D1, a village committee with 12 village branches (unit u1), and D2, a community committee with
// 5 community branches (unit u2), all scored for 2016 and assessed: 15% of each (unit, type)
// group rounded up is selected, the lowest scores (D1-01, D1-02, D2-01).
class SpotCheckServiceTest : public storage::test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    std::vector<core::Organization> orgs = {Org("D1"),
                                            Org("D2", "", "u2", core::OrgType::kCommunity)};
    std::vector<core::ScoreRecord> scores = {Score("D1", 2016, 90), Score("D2", 2016, 90)};
    for (int i = 1; i <= 12; ++i) {
      orgs.push_back(Org(Code("D1", i), "D1"));
      scores.push_back(Score(Code("D1", i), 2016, 60 + i));
    }
    for (int i = 1; i <= 5; ++i) {
      orgs.push_back(Org(Code("D2", i), "D2", "u2", core::OrgType::kCommunity));
      scores.push_back(Score(Code("D2", i), 2016, 60 + i));
    }
    Upsert(orgs);
    ASSERT_TRUE(storage::ImportBatch(*store_, actor_, scores).ok());
    auto run = RunAssessment(*store_, config::BuiltInPolicy(), 2016, actor_);
    ASSERT_TRUE(run.ok()) << run.error().message;
  }

  static std::string Code(const std::string& parent, int i) {
    return parent + (i < 10 ? "-0" : "-") + std::to_string(i);
  }

  SpotCheckView Run(const std::string& month, std::optional<std::uint64_t> seed = std::nullopt) {
    auto view = RunSpotCheck(*store_, kAdmin, month, seed, config::BuiltInPolicy().policy, actor_);
    EXPECT_TRUE(view.ok()) << view.error().message;
    return view.ok() ? view.value() : SpotCheckView{};
  }

  static std::vector<std::string> Codes(const SpotCheckView& view) {
    std::vector<std::string> codes;
    for (const auto& d : view.drawn) codes.push_back(d.org_code);
    return codes;
  }

  core::UnixSeconds now() const { return clock_.Now(); }
};

TEST_P(SpotCheckServiceTest, ADrawIsStoredWithItsDerivedSeedAndItsStrataShares) {
  const SpotCheckView view = Run("2016-05");
  const storage::SpotCheckRecord& check = view.check;
  EXPECT_EQ(check.month, "2016-05");
  EXPECT_EQ(check.seed_source, "derived");
  // The seed is the first 8 bytes of SHA-256("2016-05|<head>"), the head read at the draw.
  EXPECT_EQ(check.seed, core::SeedFromSha256Hex(storage::Sha256Hex("2016-05|" + check.audit_head)));
  EXPECT_EQ(check.candidate_count, 19);
  EXPECT_EQ(check.assessment_year, std::optional<int>(2016));
  EXPECT_EQ(check.ratio_ppm, 100'000);
  // 13 villages give ceil(1.3) = 2, 6 communities 1; at least one under rectification.
  int villages = 0, communities = 0, under = 0;
  for (const auto& d : view.drawn) {
    (d.type == "village" ? villages : communities) += 1;
    under += d.under_rectification ? 1 : 0;
  }
  EXPECT_GE(villages, 2);
  EXPECT_GE(communities, 1);
  EXPECT_GE(under, 1);
  EXPECT_LE(view.drawn.size(), 4u);
  EXPECT_EQ(view.drawn_total, static_cast<std::int64_t>(view.drawn.size()));
  // The stored draw is the core's draw of the stored candidates from the stored seed.
  auto list = ListSpotChecks(*store_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list.value().size(), 1u);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'spotcheck.run'"), 1);
}

TEST_P(SpotCheckServiceTest, AMonthIsDrawnOnceASecondRunIsRefusedNamingTheMonth) {
  const SpotCheckView first = Run("2016-05", 7);
  auto again = RunSpotCheck(*store_, kAdmin, "2016-05", 8, config::BuiltInPolicy().policy, actor_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(again.error().reason, "spot_check_exists");
  EXPECT_NE(again.error().message.find("2016-05"), std::string::npos);
  auto stored = GetSpotCheck(*store_, kAdmin, "2016-05");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored.value().check.seed, 7u);
  EXPECT_EQ(Codes(stored.value()), Codes(first));
}

TEST_P(SpotCheckServiceTest, OnlyAdminDrawsAndABadMonthNamesTheField) {
  auto refused =
      RunSpotCheck(*store_, kUnitD2, "2016-05", 1, config::BuiltInPolicy().policy, actor_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "spot_check_not_permitted");
  auto bad = RunSpotCheck(*store_, kAdmin, "2016-13", 1, config::BuiltInPolicy().policy, actor_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "month");
  auto missing = GetSpotCheck(*store_, kAdmin, "2016-04");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().reason, "spot_check_not_found");
}

TEST_P(SpotCheckServiceTest, TheSameSeedAndDataDrawTheSameAndNextMonthAvoidsThisMonths) {
  const SpotCheckView may = Run("2016-05", 20160501);
  auto verified = VerifySpotCheck(*store_, kAdmin, "2016-05");
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified.value().identical) << verified.value().difference;
  EXPECT_TRUE(verified.value().draw_same);
  const SpotCheckView june = Run("2016-06", 20160501);
  // The same seed over June's candidates: May's drawn are "drawn last month" and avoided while
  // their stratum has others (the one under rectification may repeat only if no other is left).
  for (const auto& d : june.drawn) {
    const auto m = Codes(may);
    if (std::find(m.begin(), m.end(), d.org_code) != m.end()) {
      EXPECT_TRUE(d.under_rectification) << d.org_code << " drawn two months running";
    }
  }
  EXPECT_TRUE(VerifySpotCheck(*store_, kAdmin, "2016-06").value().identical);
}

TEST_P(SpotCheckServiceTest, AnOrganizationAddedLaterMakesTheReDrawNotIdentical) {
  Run("2016-05", 99);
  Upsert({Org("D1-00", "D1")});
  auto verified = VerifySpotCheck(*store_, kAdmin, "2016-05");
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified.value().identical);
  EXPECT_EQ(verified.value().difference, "candidates");
  ASSERT_TRUE(verified.value().candidate);
  EXPECT_EQ(verified.value().candidate->code, "D1-00");
  EXPECT_EQ(verified.value().candidate->what, "added");
  EXPECT_EQ(verified.value().now_count, verified.value().stored_count + 1);
  // A unit admin of D2 is told the candidates changed, not which organization of D1.
  auto theirs = VerifySpotCheck(*store_, kUnitD2, "2016-05");
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(theirs.value().difference, "candidates");
  EXPECT_EQ(theirs.value().candidate->code, "");
}

TEST_P(SpotCheckServiceTest, AlteredStoredCandidatesOrSeedAreCaught) {
  const SpotCheckView view = Run("2016-05");
  Exec("UPDATE spot_check_candidates SET drawn_last_month = 1 WHERE org_code = 'D1-05'");
  EXPECT_EQ(VerifySpotCheck(*store_, kAdmin, "2016-05").value().difference, "digest");
  Exec("UPDATE spot_checks SET seed = '12345' WHERE month = '2016-05'");
  EXPECT_EQ(VerifySpotCheck(*store_, kAdmin, "2016-05").value().difference, "seed");
}

TEST_P(SpotCheckServiceTest, AUnitAdminSeesOnlyTheDrawnInItsSubtree) {
  const SpotCheckView all = Run("2016-05", 5);
  auto theirs = GetSpotCheck(*store_, kUnitD2, "2016-05");
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(theirs.value().drawn_total, 0);  // not told how many outside
  for (const auto& d : theirs.value().drawn) EXPECT_EQ(d.org_code.substr(0, 2), "D2");
  std::size_t d2 = 0;
  for (const auto& d : all.drawn) d2 += d.org_code.substr(0, 2) == "D2" ? 1 : 0;
  EXPECT_EQ(theirs.value().drawn.size(), d2);
  EXPECT_EQ(theirs.value().may_record.size(), d2);
  auto auditor = GetSpotCheck(*store_, kAuditor, "2016-05");
  ASSERT_TRUE(auditor.ok());
  EXPECT_EQ(auditor.value().drawn.size(), all.drawn.size());
  EXPECT_TRUE(auditor.value().may_record.empty());
}

TEST_P(SpotCheckServiceTest, FindingsAreRecordedForDrawnOrganizationsInScope) {
  const SpotCheckView view = Run("2016-05", 5);
  const std::string drawn = view.drawn.front().org_code;
  auto fine =
      RecordFinding(*store_, kAdmin, "2016-05", {drawn, "fine", "", "2016-05-20"}, actor_, now());
  ASSERT_TRUE(fine.ok()) << fine.error().message;
  EXPECT_EQ(fine.value().checked_on, "2016-05-20");
  EXPECT_EQ(fine.value().recorded_by, "tester");
  auto empty =
      RecordFinding(*store_, kAdmin, "2016-05", {drawn, "problem_found", " ", ""}, actor_, now());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "note");
  auto early =
      RecordFinding(*store_, kAdmin, "2016-05", {drawn, "fine", "", "2016-04-30"}, actor_, now());
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "checked_on");
  // An organization not drawn, and one out of scope, are answered alike.
  std::string undrawn;
  for (int i = 1; i <= 12 && undrawn.empty(); ++i) {
    const auto codes = Codes(view);
    if (std::find(codes.begin(), codes.end(), Code("D1", i)) == codes.end())
      undrawn = Code("D1", i);
  }
  auto not_drawn =
      RecordFinding(*store_, kAdmin, "2016-05", {undrawn, "fine", "", ""}, actor_, now());
  ASSERT_FALSE(not_drawn.ok());
  EXPECT_EQ(not_drawn.error().reason, "spot_check_org_not_found");
  for (const auto& d : view.drawn) {
    if (d.org_code.substr(0, 2) != "D1") continue;
    auto hidden =
        RecordFinding(*store_, kUnitD2, "2016-05", {d.org_code, "fine", "", ""}, actor_, now());
    ASSERT_FALSE(hidden.ok());
    EXPECT_EQ(hidden.error().reason, "spot_check_org_not_found");
    EXPECT_EQ(hidden.error().code, not_drawn.error().code);
  }
  auto auditor =
      RecordFinding(*store_, kAuditor, "2016-05", {drawn, "fine", "", ""}, actor_, now());
  ASSERT_FALSE(auditor.ok());
  EXPECT_EQ(auditor.error().reason, "spot_finding_not_permitted");
  auto listed = ListFindings(*store_, kAdmin, "2016-05");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed.value().size(), 1u);
}

TEST_P(SpotCheckServiceTest, AProblemOpensOneItemOnTheYearsPlanInTheSameTransaction) {
  ASSERT_TRUE(CreatePlans(*store_, kAdmin, 2016, actor_).ok());
  const SpotCheckView view = Run("2016-05", 5);
  std::string under, other;
  for (const auto& d : view.drawn) (d.under_rectification ? under : other) = d.org_code;
  ASSERT_FALSE(under.empty());
  auto problem =
      RecordFinding(*store_, kAdmin, "2016-05",
                    {under, "problem_found", "三会一课记录缺失", "2016-05-10"}, actor_, now());
  ASSERT_TRUE(problem.ok());
  NewItem item{{"补齐三会一课记录", "张三", "", "", "2016-08-31"}, std::nullopt};
  auto bad =
      OpenItemFromFinding(*store_, kAdmin, problem.value().id,
                          NewItem{{"", "张三", "", "", "2016-08-31"}, std::nullopt}, actor_, now());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "measure");  // AddItem's rules
  auto opened = OpenItemFromFinding(*store_, kAdmin, problem.value().id, item, actor_, now());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened.value().item.org_code, under);
  EXPECT_EQ(opened.value().item.year, 2016);
  auto twice = OpenItemFromFinding(*store_, kAdmin, problem.value().id, item, actor_, now());
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().reason, "finding_item_exists");
  auto listed = ListFindings(*store_, kAdmin, "2016-05");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed.value().front().item_id, std::optional<std::int64_t>(opened.value().item.id));
  if (!other.empty()) {
    auto fine = RecordFinding(*store_, kAdmin, "2016-05", {other, "problem_found", "台账不全", ""},
                              actor_, now());
    ASSERT_TRUE(fine.ok());
    auto no_plan = OpenItemFromFinding(*store_, kAdmin, fine.value().id, item, actor_, now());
    ASSERT_FALSE(no_plan.ok());
    EXPECT_EQ(no_plan.error().reason, "no_plan_for_finding");
    EXPECT_EQ(no_plan.error().params.front().second, other);
  }
}

TEST_P(SpotCheckServiceTest, FindingsOfADayRangeInScopeAndTheLastFailedCheck) {
  const SpotCheckView view = Run("2016-05", 5);
  for (const auto& d : view.drawn) {
    ASSERT_TRUE(RecordFinding(*store_, kAdmin, "2016-05",
                              {d.org_code, "problem_found", "问题", "2016-05-15"}, actor_, now())
                    .ok());
  }
  const core::DayRange q2{{2016, 4, 1}, {2016, 6, 30}};
  auto all = SpotCheckFindings(*store_, kAdmin, q2);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all.value().size(), view.drawn.size());
  auto theirs = SpotCheckFindings(*store_, kUnitD2, q2);
  ASSERT_TRUE(theirs.ok());
  for (const auto& f : theirs.value()) EXPECT_EQ(f.org_code.substr(0, 2), "D2");
  const core::DayRange q1{{2016, 1, 1}, {2016, 3, 31}};
  EXPECT_TRUE(SpotCheckFindings(*store_, kAdmin, q1).value().empty());
  const std::string code = view.drawn.front().org_code;
  auto failed = FailedSpotCheck(*store_, kAdmin, code, q2);
  ASSERT_TRUE(failed.ok());
  ASSERT_TRUE(failed.value());
  EXPECT_EQ(failed.value()->org_code, code);
  EXPECT_FALSE(FailedSpotCheck(*store_, kAdmin, code, q1).value());
  auto map = FailedSpotChecks(*store_, kAdmin, q2);
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map.value().size(), view.drawn.size());
  auto theirs_map = FailedSpotChecks(*store_, kUnitD2, q2);
  ASSERT_TRUE(theirs_map.ok());
  EXPECT_EQ(theirs_map.value().size(), theirs.value().size());
  // A fine finding does not count.
  ASSERT_TRUE(
      RecordFinding(*store_, kAdmin, "2016-05", {code, "fine", "", "2016-05-20"}, actor_, now())
          .ok());
  EXPECT_EQ(FailedSpotChecks(*store_, kAdmin, q2).value().size(), view.drawn.size());
}

INSTANTIATE_STORE_TESTS(SpotCheckServiceTest);

}  // namespace
}  // namespace grassroots::app
