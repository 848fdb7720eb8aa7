// Standardized branches and pairings as stored (migrations 028, 029), on both backends: what a
// batch's rule reads (the year's stored selection, a title held, an ended or unknown code), the
// list's year, state and scope filters, revocations, villages' tags, agencies' loads and
// pairings, each write audited in its transaction.
#include <gtest/gtest.h>

#include "storage/import_writer.h"
#include "storage/pairing_records.h"
#include "storage/standard_records.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;

class StandardsRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_TRUE(ImportBatch(*store_, actor_, {Org("A"), Org("B"), Org("C", "", "u2")}).ok());
    // The 2016 assessment selected A (test::Result: the first of three in code order).
    ASSERT_TRUE(
        test::SaveRun(*store_, actor_, test::NoInputs(Table()).input, test::Result(2016, {1, 0, 0}))
            .ok());
  }
  core::Status WriteTx(const std::function<core::Status(Tx&)>& fn) {
    return store_->Write(actor_, fn);
  }
  std::string LastAction() { return test::ListAudit(*store_, 0, 1).value().items[0].action; }
  Page<DesignationRow> List(DesignationFilter filter) {
    Page<DesignationRow> page;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      page = StandardRecords(tx).List(filter).value();
                      return core::Status::Ok();
                    })
                    .ok());
    return page;
  }
};

TEST_P(StandardsRecordsTest, FactsReadTheYearsStoredSelectionAndTitlesHeld) {
  ASSERT_TRUE(WriteTx([&](Tx& tx) -> core::Status {
                StandardRecords records(tx);
                auto id = records.AddBatch({0, 2016, "第一批", {2016, 12, 1}, {"B"}});
                return id.ok() ? core::Status::Ok() : core::Status(id.error());
              }).ok());
  EXPECT_EQ(LastAction(), "standards.designate");
  std::vector<core::DesignationFacts> facts;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    facts = StandardRecords(tx).Facts(2016, {"A", "B", "C", "X"}).value();
                    return core::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(facts.size(), 4u);
  EXPECT_TRUE(facts[0].exists && facts[0].selected && !facts[0].holds_title);
  EXPECT_TRUE(facts[1].holds_title && !facts[1].selected);
  EXPECT_TRUE(facts[2].exists && !facts[2].selected && !facts[2].holds_title);
  EXPECT_FALSE(facts[3].exists);
  // Another year's selection and titles are not this year's.
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    facts = StandardRecords(tx).Facts(2017, {"A", "B"}).value();
                    return core::Status::Ok();
                  })
                  .ok());
  EXPECT_FALSE(facts[0].selected);
  EXPECT_FALSE(facts[1].holds_title);
}

TEST_P(StandardsRecordsTest, TheListFiltersByYearStateAndScopeAndARevocationIsAudited) {
  std::int64_t batch = 0;
  ASSERT_TRUE(
      WriteTx([&](Tx& tx) -> core::Status {
        auto id = StandardRecords(tx).AddBatch({0, 2016, "第一批", {2016, 12, 1}, {"B", "C"}});
        if (!id.ok()) return id.error();
        batch = id.value();
        return core::Status::Ok();
      }).ok());
  DesignationFilter all;
  all.year = 2016;
  Page<DesignationRow> page = List(all);
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.items[0].org_code, "B");
  EXPECT_EQ(page.items[0].batch_id, batch);
  EXPECT_EQ(page.items[0].batch_name, "第一批");
  EXPECT_EQ(page.items[0].designated_on, "2016-12-01");
  EXPECT_TRUE(page.items[0].current());

  ASSERT_TRUE(WriteTx([&](Tx& tx) -> core::Status {
                StandardRecords records(tx);
                auto row = records.Get(page.items[0].id);
                if (!row.ok()) return row.error();
                return records.Revoke(*row.value(), {{2017, 1, 5}, "复查未达标准"});
              }).ok());
  EXPECT_EQ(LastAction(), "standards.revoke");
  DesignationFilter revoked = all;
  revoked.current = false;
  page = List(revoked);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].revoked_on, "2017-01-05");
  EXPECT_EQ(page.items[0].revoke_reason, "复查未达标准");
  EXPECT_EQ(page.items[0].revoked_by, actor_.name);

  DesignationFilter scoped = all;
  scoped.org.restrict_to_scope = true;
  scoped.org.only = {"B"};
  EXPECT_EQ(List(scoped).total, 1);
  scoped.org.only = {"A"};
  EXPECT_EQ(List(scoped).total, 0);
  DesignationFilter unit = all;
  unit.org.unit = "u2";
  EXPECT_EQ(List(unit).items.at(0).org_code, "C");
  DesignationFilter other_year;
  other_year.year = 2015;
  EXPECT_EQ(List(other_year).total, 0);
  EXPECT_TRUE(test::VerifyAudit(*store_, std::nullopt).value().ok);
}

TEST_P(StandardsRecordsTest, TagsAgenciesAndPairingsReadBackWithTheAgencysLoad) {
  std::int64_t agency = 0;
  ASSERT_TRUE(WriteTx([&](Tx& tx) -> core::Status {
                PairingRecords records(tx);
                if (core::Status s = records.SetTags(
                        2017, "A", {core::VillageTag::kWeakOrg, core::VillageTag::kPoor});
                    !s.ok()) {
                  return s;
                }
                // Replacing the set keeps only the new tags.
                if (core::Status s = records.SetTags(2017, "A", {core::VillageTag::kPoor});
                    !s.ok()) {
                  return s;
                }
                auto id = records.AddAgency({0, "县财政局", core::AgencyCategory::kEconomic, 2});
                if (!id.ok()) return id.error();
                agency = id.value();
                auto paired = records.AddPairing(2017, "A", agency, {2017, 3, 1});
                return paired.ok() ? core::Status::Ok() : core::Status(paired.error());
              }).ok());
  EXPECT_EQ(LastAction(), "pairing.create");
  core::Status taken = WriteTx([&](Tx& tx) -> core::Status {
    auto id = PairingRecords(tx).AddAgency({0, "县财政局", core::AgencyCategory::kPartyGov, 1});
    return id.ok() ? core::Status::Ok() : core::Status(id.error());
  });
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().reason, "agency_name_taken");

  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    PairingRecords records(tx);
                    EXPECT_EQ(records.Tags(2017, "A").value(),
                              (std::vector<core::VillageTag>{core::VillageTag::kPoor}));
                    EXPECT_TRUE(records.Tags(2016, "A").value().empty());
                    const auto load = records.AgencyOf(agency, 2017).value();
                    EXPECT_EQ(load->paired, 1);
                    EXPECT_EQ(load->agency.category, core::AgencyCategory::kEconomic);
                    EXPECT_EQ(records.AgencyOf(agency, 2016).value()->paired, 0);
                    EXPECT_EQ(records.PairedAgencies(2017, "A").value(),
                              (std::vector<std::int64_t>{agency}));
                    OrgFilter everyone;
                    const auto tagged = records.TaggedVillages(2017, everyone).value();
                    EXPECT_EQ(tagged.total, 1);
                    EXPECT_EQ(tagged.items.at(0).code, "A");
                    const auto pairs = records.Pairings(2017, everyone).value();
                    EXPECT_EQ(pairs.total, 1);
                    EXPECT_EQ(pairs.items.at(0).agency.name, "县财政局");
                    EXPECT_EQ(pairs.items.at(0).paired_on, "2017-03-01");
                    OrgFilter other;
                    other.restrict_to_scope = true;
                    other.only = {"B"};
                    EXPECT_EQ(records.Pairings(2017, other).value().total, 0);
                    EXPECT_EQ(records.TaggedVillages(2017, other).value().total, 0);
                    return core::Status::Ok();
                  })
                  .ok());
  EXPECT_TRUE(test::VerifyAudit(*store_, std::nullopt).value().ok);
}

INSTANTIATE_STORE_TESTS(StandardsRecordsTest);

}  // namespace
}  // namespace grassroots::storage
