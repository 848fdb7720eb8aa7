// 百局联百村 (core/pairing.h): the article's matching of categories to problems, spare
// capacity, the refusals of a pairing and the proposals' order.
#include "core/pairing.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

Agency Make(std::int64_t id, std::string name, AgencyCategory category, std::int64_t capacity) {
  return {id, std::move(name), category, capacity};
}

TEST(PairingTerms, TheArticlesMatchingIsTheDefault) {
  const PairingMatch match;
  EXPECT_EQ(match.For(VillageTag::kWeakOrg), AgencyCategory::kPartyGov);  // 党政进软村
  EXPECT_EQ(match.For(VillageTag::kPoor), AgencyCategory::kEconomic);     // 经济进穷村
  EXPECT_EQ(match.For(VillageTag::kDisorderly), AgencyCategory::kPoliticalLegal);  // 政法进乱村
  EXPECT_EQ(match.For(VillageTag::kSpecialized), AgencyCategory::kAgriculture);  // 涉农进专业村
}

TEST(PairingTerms, NamesReadInEnglishOrChinese) {
  EXPECT_EQ(ParseVillageTag("软"), VillageTag::kWeakOrg);
  EXPECT_EQ(ParseVillageTag("specialized"), VillageTag::kSpecialized);
  EXPECT_EQ(ParseAgencyCategory("涉农"), AgencyCategory::kAgriculture);
  EXPECT_EQ(ToString(AgencyCategory::kPoliticalLegal), "political_legal");
  EXPECT_FALSE(ParseVillageTag("rich"));
}

TEST(PairingTags, AreKnownNamedOnceAndSorted) {
  auto tags = CheckTags({"乱", "weak_org"});
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(tags.value(), (std::vector<VillageTag>{VillageTag::kWeakOrg, VillageTag::kDisorderly}));
  EXPECT_EQ(CheckTags({"poor", "穷"}).error().reason, "duplicate_tag");
  EXPECT_EQ(CheckTags({"rich"}).error().reason, "unknown_value");
  EXPECT_TRUE(CheckTags({}).value().empty());
}

TEST(PairingAgency, CategoryAndCapacityAreChecked) {
  auto ok = CheckAgency({"县财政局", "经济", 3});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().category, AgencyCategory::kEconomic);
  EXPECT_EQ(CheckAgency({"", "economic", 3}).error().field, "name");
  EXPECT_EQ(CheckAgency({"x", "military", 3}).error().reason, "unknown_value");
  EXPECT_EQ(CheckAgency({"x", "economic", -1}).error().reason, "capacity_out_of_range");
}

TEST(PairingCapacity, IsCapacityMinusTheYearsPairingsNeverNegative) {
  EXPECT_EQ(SpareCapacity(3, 1), 2);
  EXPECT_EQ(SpareCapacity(2, 2), 0);
  EXPECT_EQ(SpareCapacity(1, 4), 0);  // capacity lowered below what was paired
}

PairingFacts Pairable() {
  PairingFacts f;
  f.code = "V01";
  f.exists = true;
  f.type = OrgType::kVillage;
  f.agency_exists = true;
  f.agency_id = 7;
  f.spare = 1;
  return f;
}

TEST(PairingRecord, RefusesOverCapacityDuplicatesAndNonVillages) {
  EXPECT_TRUE(CheckPairing(Pairable()).ok());
  PairingFacts f = Pairable();
  f.spare = 0;
  EXPECT_EQ(CheckPairing(f).error().reason, "agency_full");
  EXPECT_EQ(CheckPairing(f).error().code, ErrorCode::kConflict);
  f = Pairable();
  f.already_paired = true;
  EXPECT_EQ(CheckPairing(f).error().reason, "pairing_exists");
  f = Pairable();
  f.type = OrgType::kCommunity;
  EXPECT_EQ(CheckPairing(f).error().reason, "not_a_village");
  EXPECT_EQ(CheckPairing(f).error().params, (Params{{"code", "V01"}, {"type", "community"}}));
  f = Pairable();
  f.ended = true;
  EXPECT_EQ(CheckPairing(f).error().reason, "organization_ended");
  f = Pairable();
  f.exists = false;
  EXPECT_EQ(CheckPairing(f).error().reason, "organization_not_found");
  f = Pairable();
  f.agency_exists = false;
  EXPECT_EQ(CheckPairing(f).error().reason, "agency_not_found");
}

TEST(PairingProposals, MatchTheTagsCategoryWithRoomMostRoomFirstThenByName) {
  const std::vector<AgencyRoom> rooms = {
      {Make(1, "县财政局", AgencyCategory::kEconomic, 2), 1},
      {Make(2, "县发改局", AgencyCategory::kEconomic, 3), 3},
      {Make(3, "县商务局", AgencyCategory::kEconomic, 3), 3},
      {Make(4, "县公安局", AgencyCategory::kPoliticalLegal, 2), 2},
      {Make(5, "县统计局", AgencyCategory::kEconomic, 1), 0},  // full
      {Make(6, "县委办", AgencyCategory::kPartyGov, 2), 2},
  };
  const auto proposals =
      ProposePartners({VillageTag::kPoor, VillageTag::kDisorderly}, rooms, {3}, PairingMatch{});
  std::vector<std::int64_t> ids;
  for (const Proposal& p : proposals) ids.push_back(p.agency.id);
  // poor → economic: 2 (3 free) before 1 (1 free); 3 is paired already, 5 is full; then
  // disorderly → political-legal: 4. No party-government agency: the village is not 软.
  EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 1, 4}));
  EXPECT_EQ(proposals[0].tag, VillageTag::kPoor);
  EXPECT_EQ(proposals[2].tag, VillageTag::kDisorderly);
  // Ties of room go by name: the same answer for the same data whatever the input order.
  const std::vector<AgencyRoom> tied = {{Make(9, "乙局", AgencyCategory::kEconomic, 1), 1},
                                        {Make(8, "甲局", AgencyCategory::kEconomic, 1), 1}};
  std::vector<AgencyRoom> reversed(tied.rbegin(), tied.rend());
  const auto a = ProposePartners({VillageTag::kPoor}, tied, {}, PairingMatch{});
  const auto b = ProposePartners({VillageTag::kPoor}, reversed, {}, PairingMatch{});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].agency.id, b[0].agency.id);
  EXPECT_EQ(a[1].agency.id, b[1].agency.id);
}

TEST(PairingProposals, FollowThePolicysMatching) {
  PairingMatch match;
  match.category[static_cast<int>(VillageTag::kPoor)] = AgencyCategory::kAgriculture;
  const std::vector<AgencyRoom> rooms = {{Make(1, "县财政局", AgencyCategory::kEconomic, 1), 1},
                                         {Make(2, "县农业局", AgencyCategory::kAgriculture, 1), 1}};
  const auto proposals = ProposePartners({VillageTag::kPoor}, rooms, {}, match);
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0].agency.id, 2);
}

TEST(PairingRights, OnlyTheDepartmentRecords) {
  Principal who;
  who.role = Role::kAdmin;
  EXPECT_TRUE(MayManagePairing(who));
  who.role = Role::kUnitAdmin;
  EXPECT_FALSE(MayManagePairing(who));
}

}  // namespace
}  // namespace grassroots::core
