// Organizations that end and members who leave (sql_lifecycle.cc): the rows stay, their
// state changes under an audit entry, lists and counts tell them apart.
#include <gtest/gtest.h>

#include "storage/store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;

class LifecycleStoreTest : public test::StoreTest {
 protected:
  // D1 > D1A, D1B; D2.
  void SetUp() override {
    StoreTest::SetUp();
    Upsert({Org("D1"), Org("D1A", "D1"), Org("D1B", "D1"), Org("D2")});
  }
  AuditRecord LastAudit() {
    auto page = test::ListAudit(*store_, 0, 1);
    EXPECT_TRUE(page.ok() && !page.value().items.empty());
    return page.ok() && !page.value().items.empty() ? page.value().items[0] : AuditRecord{};
  }
  core::Member Member(const std::string& id, const std::string& org,
                      core::MemberStatus status = core::MemberStatus::kRegular) {
    core::Member member;
    member.id = id;
    member.name = "党员" + id;
    member.org = org;
    member.status = status;
    return member;
  }
  std::vector<std::string> Codes(std::optional<bool> ended) {
    OrgFilter filter;
    filter.ended = ended;
    std::vector<std::string> codes;
    auto total = store_->VisitOrganizations(
        filter, [&](const OrgRowView& row) { codes.emplace_back(row.code); });
    EXPECT_TRUE(total.ok());
    return codes;
  }
};

TEST_P(LifecycleStoreTest, AnEndedOrganizationStaysReadableAuditedAndApartInLists) {
  const core::OrgEnd end{core::OrgEndKind::kMerged, {2017, 3, 1}, "D1B", "两村合并"};
  ASSERT_TRUE(store_->EndOrganization("D1A", end, actor_).ok());
  auto detail = store_->GetOrganization("D1A");
  ASSERT_TRUE(detail.ok() && detail.value());
  ASSERT_TRUE(detail.value()->org.end.has_value());
  EXPECT_EQ(detail.value()->org.end->kind, core::OrgEndKind::kMerged);
  EXPECT_EQ(detail.value()->org.end->on, (core::CivilDate{2017, 3, 1}));
  EXPECT_EQ(detail.value()->org.end->merged_into, "D1B");
  EXPECT_EQ(detail.value()->org.end->reason, "两村合并");
  const AuditRecord audit = LastAudit();
  EXPECT_EQ(audit.action, "organization.end");
  EXPECT_EQ(audit.entity, "organization:D1A");
  EXPECT_NE(audit.before_json.find("\"end\":null"), std::string::npos) << audit.before_json;
  EXPECT_NE(audit.after_json.find("\"on\":\"2017-03-01\""), std::string::npos);
  EXPECT_NE(audit.after_json.find("\"merged_into\":\"D1B\""), std::string::npos);
  EXPECT_EQ(Codes(false), (std::vector<std::string>{"D1", "D1B", "D2"}));
  EXPECT_EQ(Codes(true), (std::vector<std::string>{"D1A"}));
  EXPECT_EQ(Codes(std::nullopt).size(), 4u);
  EXPECT_EQ(store_->GetOrganization("D1").value()->children, 1);  // D1B only
  auto children = store_->ChildrenOf("D1");
  ASSERT_TRUE(children.ok());
  ASSERT_EQ(children.value().size(), 2u);
  EXPECT_EQ(children.value()[0].second, (core::CivilDate{2017, 3, 1}));
  EXPECT_FALSE(children.value()[1].second.has_value());
  auto ends = store_->LoadOrgEnds();
  ASSERT_TRUE(ends.ok());
  EXPECT_EQ(
      ends.value(),
      (std::vector<std::pair<std::string, core::CivilDate>>{{"D1A", core::CivilDate{2017, 3, 1}}}));
  // An import or an update of the record leaves the end as it is.
  Upsert({Org("D1A", "D1")});
  EXPECT_TRUE(store_->GetOrganization("D1A").value()->org.end.has_value());
  EXPECT_TRUE(test::VerifyAudit(*store_, std::nullopt).value().ok);
}

TEST_P(LifecycleStoreTest, AnOrganizationEndsOnceAndAnUnknownOneIsNotFound) {
  const core::OrgEnd end{core::OrgEndKind::kDissolved, {2017, 3, 1}, "", "撤销"};
  ASSERT_TRUE(store_->EndOrganization("D2", end, actor_).ok());
  const std::int64_t entries = QueryInt("SELECT COUNT(*) FROM audit_log");
  core::Status again = store_->EndOrganization("D2", end, actor_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "organization_ended");
  core::Status unknown = store_->EndOrganization("NOPE", end, actor_);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), entries);
}

TEST_P(LifecycleStoreTest, AMemberWhoLeftIsKeptListedAsLeftAndCountedApart) {
  ASSERT_TRUE(store_
                  ->UpsertMembers({Member("M1", "D1"), Member("M2", "D1"),
                                   Member("M3", "D1", core::MemberStatus::kMobile)},
                                  actor_)
                  .ok());
  const core::MemberLeave leave{core::LeaveKind::kTransferredOut, {2017, 5, 1}, "转往外县"};
  ASSERT_TRUE(store_->RecordMemberLeft("M2", leave, actor_).ok());
  const AuditRecord audit = LastAudit();
  EXPECT_EQ(audit.action, "member.leave");
  EXPECT_EQ(audit.entity, "member:M2");
  EXPECT_NE(audit.after_json.find("\"kind\":\"transferred_out\""), std::string::npos);
  auto detail = store_->GetOrganization("D1");
  ASSERT_TRUE(detail.ok() && detail.value());
  EXPECT_EQ(detail.value()->member_counts[0], 1);  // regular: M1
  EXPECT_EQ(detail.value()->member_counts[1], 1);  // mobile: M3
  EXPECT_EQ(detail.value()->members_left, 1);
  auto page = store_->ListMembers("D1", 0, 50);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.value().items.size(), 3u);
  ASSERT_TRUE(page.value().items[1].left.has_value());
  EXPECT_EQ(page.value().items[1].left->on, (core::CivilDate{2017, 5, 1}));
  EXPECT_FALSE(page.value().items[0].left.has_value());
  // Saving the member again (a new name) keeps the departure.
  core::Member renamed = Member("M2", "D1");
  renamed.name = "新名字";
  ASSERT_TRUE(store_->SaveMember(renamed, actor_).ok());
  EXPECT_TRUE(store_->GetMember("M2").value()->left.has_value());
  core::Status again = store_->RecordMemberLeft("M2", leave, actor_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "member_left");
  EXPECT_EQ(store_->RecordMemberLeft("M9", leave, actor_).error().code, core::ErrorCode::kNotFound);
}

INSTANTIATE_STORE_TESTS(LifecycleStoreTest);

}  // namespace
}  // namespace grassroots::storage
