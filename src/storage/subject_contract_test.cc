// The contract of the storage subjects over a transaction (tx.h) that every backend keeps:
// organizations and members (organization_subject.h) and scores (score_subject.h), reached only
// through Store::Read/Write and the subject classes — no SQL here, so that a new backend is
// held to exactly what a use case relies on. Runs on SQLite and on PostgreSQL
// (INSTANTIATE_STORE_TESTS). What only one backend shows, or what needs a second connection or
// raw SQL to observe (remembered totals, snapshots, the trail's tamper checks), is tested in
// sql_server_test.cc, audit_trail_test.cc and the backend's own tests.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/import_writer.h"
#include "storage/organization_subject.h"
#include "storage/score_subject.h"
#include "storage/store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using core::OrgType;
using test::Codes;
using test::ManyOrgs;
using test::Org;
using test::Score;
using Strings = std::vector<std::string>;

// --- Organizations, members and scores as the server reads and writes them ---

class OrgSubjectTest : public test::StoreTest {
 protected:
  // D1 (u1) > D1A > D1A1, D1B; D2 (u2, community) > D2A.
  void Tree() {
    Upsert({Org("D1"), Org("D1A", "D1"), Org("D1A1", "D1A"), Org("D1B", "D1"),
            Org("D2", "", "u2", OrgType::kCommunity), Org("D2A", "D2", "u2", OrgType::kCommunity)});
  }
  std::vector<std::string> List(const OrgFilter& filter, std::int64_t* total = nullptr) {
    core::Result<Page<core::Organization>> page =
        ReadValue(*store_, [&](Tx& t) { return OrganizationRecords(t).List(filter); });
    EXPECT_TRUE(page.ok()) << page.error().message;
    if (!page.ok()) return {};
    if (total != nullptr) *total = page.value().total;
    return Codes(page.value());
  }
  std::int64_t Total(const OrgFilter& filter) {
    std::int64_t total = -1;
    (void)List(filter, &total);
    return total;
  }
  std::string LastAudit(const std::string& column) {
    core::Result<Page<AuditRecord>> page = test::ListAudit(*store_, 0, 1);
    EXPECT_TRUE(page.ok() && !page.value().items.empty());
    if (!page.ok() || page.value().items.empty()) return {};
    const AuditRecord& r = page.value().items[0];
    if (column == "action") return r.action;
    if (column == "entity") return r.entity;
    if (column == "before") return r.before_json;
    return r.after_json;
  }
};

TEST_P(OrgSubjectTest, ListOrganizationsFilters) {
  Tree();
  EXPECT_EQ(List({}), (Strings{"D1", "D1A", "D1A1", "D1B", "D2", "D2A"}));
  OrgFilter f;
  f.unit = "u2";
  EXPECT_EQ(List(f), (Strings{"D2", "D2A"}));
  f = {};
  f.type = "community";
  EXPECT_EQ(List(f), (Strings{"D2", "D2A"}));
  f = {};
  f.parent = "D1";
  EXPECT_EQ(List(f), (Strings{"D1A", "D1B"}));
  f = {};
  f.direct = true;
  EXPECT_EQ(List(f), (Strings{"D1", "D2"}));
  f.direct = false;
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1", "D1B", "D2A"}));
  f = {};
  f.query = "1a";  // LIKE is case-insensitive for ASCII in SQLite
  f.query = "1A";
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1"}));
  f = {};
  f.query = "Org D2";  // matches the name
  EXPECT_EQ(List(f), (Strings{"D2", "D2A"}));
}

TEST_P(OrgSubjectTest, ListOrganizationsScope) {
  Tree();
  OrgFilter f;
  f.restrict_to_scope = true;
  EXPECT_EQ(List(f), Strings{});  // an empty scope sees nothing
  f.within = {"D1A"};
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1"}));
  f.within = {"D1A", "D2"};
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1", "D2", "D2A"}));
  f.within = {};
  f.only = {"D1", "D2A"};
  EXPECT_EQ(List(f), (Strings{"D1", "D2A"}));
  f.within = {"D1A"};
  f.only = {"D2"};
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1", "D2"}));
  f.type = "community";
  EXPECT_EQ(List(f), (Strings{"D2"}));
  f = {};
  f.within = {"D1A"};  // ignored unless restrict_to_scope
  EXPECT_EQ(List(f).size(), 6u);
}

TEST_P(OrgSubjectTest, ListOrganizationsPagesWithTotal) {
  Upsert(ManyOrgs(25));
  OrgFilter f;
  f.limit = 10;
  f.offset = 20;
  std::int64_t total = 0;
  EXPECT_EQ(List(f, &total),
            (Strings{"B00000020", "B00000021", "B00000022", "B00000023", "B00000024"}));
  EXPECT_EQ(total, 25);
  f.direct = true;
  f.offset = 0;
  EXPECT_EQ(List(f, &total), (Strings{"B00000000", "B00000010", "B00000020"}));
  EXPECT_EQ(total, 3);

  for (std::int64_t bad : {0, 1001, -1}) {
    f.limit = bad;
    core::Result<Page<core::Organization>> page = storage::ReadValue(
        *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).List(f); });
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code, core::ErrorCode::kInvalid);
    EXPECT_EQ(page.error().field, "limit");
  }
  f.limit = 1000;
  f.offset = -1;
  core::Result<Page<core::Organization>> page = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).List(f); });
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().field, "offset");
}

TEST_P(OrgSubjectTest, QueryMetacharactersAreLiteral) {
  core::Organization pct = Org("P%1");
  pct.name = "100% done";
  core::Organization under = Org("U_1");
  core::Organization quote = Org("Q1");
  quote.name = "it's";
  core::Organization slash = Org("S1");
  slash.name = "a\\b";
  Upsert({pct, under, quote, slash, Org("PX1"), Org("UX1")});
  OrgFilter f;
  f.query = "%";
  EXPECT_EQ(List(f), (Strings{"P%1"}));
  f.query = "_";
  EXPECT_EQ(List(f), (Strings{"U_1"}));
  f.query = "'";
  EXPECT_EQ(List(f), (Strings{"Q1"}));
  f.query = "\\";
  EXPECT_EQ(List(f), (Strings{"S1"}));
  f.query = "'; DROP TABLE organizations; --";
  EXPECT_EQ(List(f), Strings{});
  f.unit = "'; DROP TABLE organizations; --";
  f.query.clear();
  EXPECT_EQ(List(f), Strings{});
  f.restrict_to_scope = true;
  f.within = {"x') OR 1=1; --"};
  f.unit.clear();
  EXPECT_EQ(List(f), Strings{});
  EXPECT_EQ(Total(OrgFilter{}), 6);
}

TEST_P(OrgSubjectTest, GetOrganizationAndAncestry) {
  Tree();
  core::Member m{"M1", "Li", "D1", core::MemberStatus::kRegular, "", {}};
  core::Member m2{"M2", "Wang", "D1", core::MemberStatus::kPocket, "2001-01-01", {}};
  ASSERT_TRUE(ImportBatch(*store_, actor_, {m, m2}).ok());
  core::Result<std::optional<OrgDetail>> d = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("D1"); });
  ASSERT_TRUE(d.ok() && d.value());
  EXPECT_EQ(d.value()->org.name, "Org D1");
  EXPECT_EQ(d.value()->org.unit, "u1");
  EXPECT_EQ(d.value()->children, 2);
  EXPECT_EQ(d.value()->member_counts[0], 1);
  EXPECT_EQ(d.value()->member_counts[static_cast<int>(core::MemberStatus::kPocket)], 1);
  EXPECT_FALSE(
      storage::ReadValue(
          *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("nope"); })
          .value()
          .has_value());

  EXPECT_EQ(
      storage::ReadValue(
          *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Ancestry("D1A1"); })
          .value(),
      (Strings{"D1A1", "D1A", "D1"}));
  EXPECT_EQ(
      storage::ReadValue(
          *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Ancestry("D2"); })
          .value(),
      (Strings{"D2"}));
  EXPECT_TRUE(
      storage::ReadValue(
          *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Ancestry("nope"); })
          .value()
          .empty());
}

// The visited page is the listed page: same rows, same order, same columns, same total.
TEST_P(OrgSubjectTest, VisitOrganizationsHandsOverTheListedPage) {
  Tree();
  std::vector<OrgFilter> filters(4);
  filters[1].unit = "u1";
  filters[2].parent = "D1";
  filters[3].offset = 2;
  filters[3].limit = 3;
  for (const OrgFilter& filter : filters) {
    core::Result<Page<core::Organization>> page = storage::ReadValue(
        *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).List(filter); });
    ASSERT_TRUE(page.ok());
    std::vector<core::Organization> visited;
    core::Result<std::int64_t> total = storage::ReadValue(*store_, [&](storage::Tx& t) {
      return storage::OrganizationRecords(t).Visit(filter, [&](const OrgRowView& row) {
        core::Organization org;
        org.code = row.code;
        org.name = row.name;
        org.type = core::ParseOrgType(row.type).value();
        org.kind = core::ParseOrgKind(row.kind).value();
        org.parent = row.parent;
        org.secretary = row.secretary;
        org.unit = row.unit;
        visited.push_back(org);
      });
    });
    ASSERT_TRUE(total.ok());
    EXPECT_EQ(total.value(), page.value().total);
    ASSERT_EQ(visited.size(), page.value().items.size());
    for (std::size_t i = 0; i < visited.size(); ++i) {
      const core::Organization& a = visited[i];
      const core::Organization& b = page.value().items[i];
      EXPECT_EQ(std::tie(a.code, a.name, a.type, a.kind, a.parent, a.secretary, a.unit),
                std::tie(b.code, b.name, b.type, b.kind, b.parent, b.secretary, b.unit));
    }
  }
  OrgFilter bad;
  bad.limit = 0;
  EXPECT_FALSE(storage::ReadValue(*store_, [&](storage::Tx& t) {
                 return storage::OrganizationRecords(t).Visit(bad, [](const OrgRowView&) {});
               }).ok());
}

TEST_P(OrgSubjectTest, SaveOrganizationAuditsBeforeAndAfter) {
  Tree();
  core::Organization org = Org("D1C", "D1");
  core::Result<bool> created = storage::WriteValue(
      *store_, actor_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Save(org); });
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_TRUE(created.value());
  EXPECT_EQ(LastAudit("action"), "organization.create");
  EXPECT_EQ(LastAudit("entity"), "organization:D1C");
  EXPECT_EQ(LastAudit("before"), "");
  EXPECT_EQ(LastAudit("after"),
            R"({"code":"D1C","name":"Org D1C","type":"village","kind":"branch","parent":"D1",)"
            R"("secretary":"Sec D1C","unit":"u1"})");
  org.name = "Renamed";
  org.unit = "u9";  // a new unit is created
  created = storage::WriteValue(
      *store_, actor_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Save(org); });
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_FALSE(created.value());
  EXPECT_EQ(LastAudit("action"), "organization.update");
  EXPECT_NE(LastAudit("before").find("\"name\":\"Org D1C\""), std::string::npos);
  EXPECT_NE(LastAudit("after").find("\"name\":\"Renamed\""), std::string::npos);
  EXPECT_EQ(
      storage::ReadValue(
          *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("D1C"); })
          .value()
          ->org.unit,
      "u9");

  core::Result<bool> orphan = storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
    return storage::OrganizationRecords(t).Save(Org("X", "missing"));
  });
  ASSERT_FALSE(orphan.ok());
  EXPECT_FALSE(storage::ReadValue(*store_, [&](storage::Tx& t) {
                 return storage::OrganizationRecords(t).Find("X");
               }).value());
}

TEST_P(OrgSubjectTest, MembersListGetSave) {
  Tree();
  for (int i = 0; i < 5; ++i) {
    core::Member m{"M" + std::to_string(i),     "N", i < 4 ? "D1" : "D2",
                   core::MemberStatus::kMobile, "",  {}};
    core::Result<bool> created = storage::WriteValue(
        *store_, actor_, [&](storage::Tx& t) { return storage::MemberRecords(t).Save(m); });
    ASSERT_TRUE(created.ok() && created.value());
  }
  EXPECT_EQ(LastAudit("action"), "member.save");
  EXPECT_EQ(LastAudit("entity"), "member:M4");
  EXPECT_EQ(LastAudit("before"), "");
  core::Member m{"M0", "Changed", "D1", core::MemberStatus::kRetired, "1990-05-01", {}};
  ASSERT_FALSE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                 return storage::MemberRecords(t).Save(m);
               }).value());
  EXPECT_NE(LastAudit("before").find("\"status\":\"mobile\""), std::string::npos);
  EXPECT_NE(LastAudit("after").find("\"status\":\"retired\""), std::string::npos);

  core::Result<Page<core::Member>> page = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::MemberRecords(t).List("D1", 1, 2); });
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().total, 4);
  ASSERT_EQ(page.value().items.size(), 2u);
  EXPECT_EQ(page.value().items[0].id, "M1");
  EXPECT_EQ(storage::ReadValue(
                *store_, [&](storage::Tx& t) { return storage::MemberRecords(t).List("D1", 0, 0); })
                .error()
                .field,
            "limit");
  core::Result<std::optional<core::Member>> got = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::MemberRecords(t).Find("M0"); });
  ASSERT_TRUE(got.ok() && got.value());
  EXPECT_EQ(got.value()->name, "Changed");
  EXPECT_EQ(got.value()->joined, "1990-05-01");
  EXPECT_FALSE(storage::ReadValue(
                   *store_, [&](storage::Tx& t) { return storage::MemberRecords(t).Find("none"); })
                   .value()
                   .has_value());
}

TEST_P(OrgSubjectTest, ScoresOfListSave) {
  Tree();
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(Score("D1", 2016, 70));
              }).value());
  EXPECT_EQ(LastAudit("entity"), "score:D1:2016");
  EXPECT_EQ(LastAudit("action"), "score.save");
  EXPECT_EQ(LastAudit("before"), "");
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(Score("D1", 2017, 80, core::Grade::kD));
              }).value());
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(Score("D2A", 2016, 90));
              }).value());
  ASSERT_FALSE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                 return storage::ScoreRecords(t).Save(Score("D1", 2016, 75.5));
               }).value());
  EXPECT_NE(LastAudit("before").find("\"team\":70"), std::string::npos);
  EXPECT_NE(LastAudit("after").find("\"team\":75.5"), std::string::npos);

  core::Result<std::vector<core::ScoreRecord>> of = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).Of("D1"); });
  ASSERT_TRUE(of.ok());
  ASSERT_EQ(of.value().size(), 2u);
  EXPECT_EQ(of.value()[0].year, 2016);
  EXPECT_DOUBLE_EQ(of.value()[0].dimensions[0], 75.5);
  EXPECT_EQ(of.value()[1].committee_grade, core::Grade::kD);
  EXPECT_EQ(of.value()[1].reason, "committee decision");

  OrgFilter f;
  core::Result<Page<core::ScoreRecord>> page = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).List(2016, f); });
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page.value().total, 2);
  f.restrict_to_scope = true;
  f.within = {"D2"};
  page = storage::ReadValue(*store_,
                            [&](storage::Tx& t) { return storage::ScoreRecords(t).List(2016, f); });
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.value().items.size(), 1u);
  EXPECT_EQ(page.value().items[0].code, "D2A");
}

TEST_P(OrgSubjectTest, TableAndStoredReadEveryOrganizationEndedToo) {
  Tree();
  const core::OrgEnd end{core::OrgEndKind::kDissolved, {2016, 3, 1}, "", "撤销"};
  ASSERT_TRUE(
      store_->Write(actor_, [&](Tx& t) { return OrganizationRecords(t).End("D1B", end); }).ok());

  core::Result<core::OrgTable> table =
      ReadValue(*store_, [](Tx& t) { return OrganizationRecords(t).Table(); });
  ASSERT_TRUE(table.ok()) << table.error().message;
  const core::OrgTable& orgs = table.value();
  EXPECT_EQ(orgs.code, (Strings{"D1", "D1A", "D1A1", "D1B", "D2", "D2A"}));
  EXPECT_EQ(orgs.unit_codes, (Strings{"u1", "u2"}));
  EXPECT_EQ(orgs.parent[0], core::kNoParent);
  EXPECT_EQ(orgs.parent[2], 1);  // D1A1 > D1A
  EXPECT_EQ(orgs.parent[5], 4);  // D2A > D2
  EXPECT_EQ(orgs.unit_codes[orgs.unit[5]], "u2");
  EXPECT_EQ(orgs.type[4], OrgType::kCommunity);

  core::Result<core::StoredOrgs> stored =
      ReadValue(*store_, [](Tx& t) { return OrganizationRecords(t).Stored(); });
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored.value().size(), 6u);
  EXPECT_EQ(stored.value().at("D1A1").parent, "D1A");
  EXPECT_EQ(stored.value().at("D1").parent, "");
  EXPECT_EQ(stored.value().at("D2A").unit, "u2");
  EXPECT_TRUE(stored.value().at("D1B").ended);
  EXPECT_FALSE(stored.value().at("D1A").ended);
}

// Codes need not sort after their parent's: Table finds each parent whichever side of its
// child it sorts (the ones before as it reads, the ones after at the end).
TEST_P(OrgSubjectTest, TableFindsParentsThatSortBeforeOrAfterTheirChildren) {
  Upsert({Org("P5"), Org("A1", "P5"), Org("A2", "P5"), Org("P6", "P5"), Org("Q1", "P6"),
          Org("B1", "Q1")});
  core::Result<core::OrgTable> table =
      ReadValue(*store_, [](Tx& t) { return OrganizationRecords(t).Table(); });
  ASSERT_TRUE(table.ok()) << table.error().message;
  const core::OrgTable& orgs = table.value();
  EXPECT_EQ(orgs.code, (Strings{"A1", "A2", "B1", "P5", "P6", "Q1"}));
  EXPECT_EQ(orgs.parent, (std::vector<std::int32_t>{3, 3, 5, core::kNoParent, 3, 4}));
}

TEST_P(OrgSubjectTest, RosterAndSubtreeCountsLeaveOutWhoLeftAndWhatEnded) {
  Tree();
  using core::MemberStatus;
  const std::vector<core::Member> members = {{"M1", "甲", "D1", MemberStatus::kRegular, "", {}},
                                             {"M2", "乙", "D1A", MemberStatus::kMobile, "", {}},
                                             {"M3", "丙", "D1A1", MemberStatus::kMobile, "", {}},
                                             {"M4", "丁", "D1B", MemberStatus::kPocket, "", {}},
                                             {"M5", "戊", "D2", MemberStatus::kRegular, "", {}},
                                             {"M6", "己", "D1A1", MemberStatus::kRegular, "", {}}};
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& t) -> core::Status {
                            MemberRecords records(t);
                            for (const core::Member& m : members) {
                              if (auto saved = records.Save(m); !saved.ok()) return saved.error();
                            }
                            if (core::Status left = records.RecordLeft(
                                    "M6", {core::LeaveKind::kOther, {2016, 5, 1}, "迁出"});
                                !left.ok()) {
                              return left;
                            }
                            return OrganizationRecords(t).End(
                                "D1B", {core::OrgEndKind::kDissolved, {2016, 3, 1}, "", "撤销"});
                          })
                  .ok());

  const auto counts = [&](const std::string& code) {
    auto answer = ReadValue(*store_, [&](Tx& t) { return MemberRecords(t).SubtreeCounts(code); });
    EXPECT_TRUE(answer.ok());
    return answer.ok() ? answer.value() : std::array<std::int64_t, 5>{-1, -1, -1, -1, -1};
  };
  const auto at = [](MemberStatus status) { return static_cast<std::size_t>(status); };
  // D1 with D1A and D1A1; D1B has ended, M6 has left.
  const std::array<std::int64_t, 5> d1 = counts("D1");
  EXPECT_EQ(d1[at(MemberStatus::kRegular)], 1);
  EXPECT_EQ(d1[at(MemberStatus::kMobile)], 2);
  EXPECT_EQ(d1[at(MemberStatus::kPocket)], 0);
  const std::array<std::int64_t, 5> leaf = counts("D1A1");  // no children: its own
  EXPECT_EQ(leaf[at(MemberStatus::kMobile)], 1);
  EXPECT_EQ(leaf[at(MemberStatus::kRegular)], 0);
  EXPECT_EQ(counts("D1B")[at(MemberStatus::kPocket)], 1);  // asked of itself, it counts
  EXPECT_EQ(counts("NOPE"), (std::array<std::int64_t, 5>{}));

  const auto roster = [&](const OrgFilter& filter, std::optional<MemberStatus> status) {
    auto page = ReadValue(*store_, [&](Tx& t) { return MemberRecords(t).Roster(filter, status); });
    EXPECT_TRUE(page.ok());
    std::vector<std::string> rows;
    if (!page.ok()) return rows;
    for (const RosterRow& row : page.value().items) {
      rows.push_back(row.member.id + "@" + row.org_name);
    }
    EXPECT_EQ(page.value().total, static_cast<std::int64_t>(rows.size()));
    return rows;
  };
  OrgFilter any;
  EXPECT_EQ(roster(any, std::nullopt),
            (Strings{"M1@Org D1", "M2@Org D1A", "M3@Org D1A1", "M4@Org D1B", "M5@Org D2"}));
  OrgFilter existing;
  existing.ended = false;
  EXPECT_EQ(roster(existing, MemberStatus::kMobile), (Strings{"M2@Org D1A", "M3@Org D1A1"}));
  EXPECT_EQ(roster(existing, MemberStatus::kPocket), Strings{});
  OrgFilter scoped;
  scoped.restrict_to_scope = true;
  scoped.within = {"D2"};
  EXPECT_EQ(roster(scoped, std::nullopt), Strings{"M5@Org D2"});
  OrgFilter paged;
  paged.offset = 1;
  paged.limit = 2;
  auto page = ReadValue(*store_, [&](Tx& t) { return MemberRecords(t).Roster(paged, {}); });
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().total, 5);
  ASSERT_EQ(page.value().items.size(), 2u);
  EXPECT_EQ(page.value().items[0].member.id, "M2");
}

TEST_P(OrgSubjectTest, ScoreFindCountSheetAndYearAlignedWithTheTable) {
  Tree();
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& t) -> core::Status {
                            ScoreRecords scores(t);
                            for (const core::ScoreRecord& r :
                                 {Score("D1", 2016, 70), Score("D2A", 2016, 60, core::Grade::kD),
                                  Score("D1A", 2017, 80)}) {
                              if (auto saved = scores.Save(r); !saved.ok()) return saved.error();
                            }
                            return OrganizationRecords(t).End(
                                "D1B", {core::OrgEndKind::kDissolved, {2016, 3, 1}, "", "撤销"});
                          })
                  .ok());

  auto found = ReadValue(*store_, [](Tx& t) { return ScoreRecords(t).Find("D2A", 2016); });
  ASSERT_TRUE(found.ok() && found.value());
  EXPECT_EQ(found.value()->committee_grade, core::Grade::kD);
  EXPECT_DOUBLE_EQ(found.value()->dimensions[5], 61);
  EXPECT_FALSE(ReadValue(*store_, [](Tx& t) { return ScoreRecords(t).Find("D1", 2017); }).value());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores WHERE year = 2016"), 2);
  EXPECT_TRUE(ReadValue(*store_, [](Tx& t) { return ScoreRecords(t).Any(2016); }).value());
  EXPECT_FALSE(ReadValue(*store_, [](Tx& t) { return ScoreRecords(t).Any(2015); }).value());

  const auto sheet = [&](int year, SheetRows which) {
    auto page = ReadValue(*store_, [&](Tx& t) { return ScoreRecords(t).Sheet(year, which, {}); });
    EXPECT_TRUE(page.ok()) << page.error().message;
    std::vector<std::string> rows;
    if (!page.ok()) return rows;
    for (const ScoreSheetRow& row : page.value().items) {
      rows.push_back(row.code + (row.score ? "*" : ""));
      EXPECT_EQ(row.name, "Org " + row.code);
      EXPECT_EQ(row.unit, row.code.starts_with("D2") ? "u2" : "u1");
    }
    EXPECT_EQ(page.value().total, static_cast<std::int64_t>(rows.size()));
    return rows;
  };
  EXPECT_EQ(sheet(2016, SheetRows::kScored), (Strings{"D1*", "D2A*"}));
  // D1B ended in 2016: not ranked in 2016, still in 2015.
  EXPECT_EQ(sheet(2016, SheetRows::kUnscored), (Strings{"D1A", "D1A1", "D2"}));
  EXPECT_EQ(sheet(2016, SheetRows::kAll), (Strings{"D1*", "D1A", "D1A1", "D2", "D2A*"}));
  EXPECT_EQ(sheet(2015, SheetRows::kUnscored), (Strings{"D1", "D1A", "D1A1", "D1B", "D2", "D2A"}));

  core::Result<core::YearScores> year =
      ReadValue(*store_, [](Tx& t) -> core::Result<core::YearScores> {
        core::Result<core::OrgTable> orgs = OrganizationRecords(t).Table();
        if (!orgs.ok()) return orgs.error();
        return ScoreRecords(t).OfYear(2016, orgs.value());
      });
  ASSERT_TRUE(year.ok()) << year.error().message;
  // D1 D1A D1A1 D1B D2 D2A
  EXPECT_EQ(year.value().has_score, (std::vector<std::uint8_t>{1, 0, 0, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(year.value().dimensions[0], 70);
  EXPECT_DOUBLE_EQ(year.value().dimensions[5 * core::kDimensionCount + 5], 61);
  EXPECT_EQ(year.value().committee_grade[0], -1);
  EXPECT_EQ(year.value().committee_grade[5], static_cast<std::int8_t>(core::Grade::kD));
  ASSERT_EQ(year.value().committee_reasons.size(), 1u);
  EXPECT_EQ(year.value().committee_reasons[0].org, 5u);
  EXPECT_EQ(year.value().committee_reasons[0].text, "committee decision");
}

TEST_P(OrgSubjectTest, WritesAreRefusedInAReadSnapshotAndLeaveNothing) {
  Tree();
  const std::int64_t entries = test::ListAudit(*store_, 0, 1).value().total;
  core::Status status = store_->Read([](Tx& t) -> core::Status {
    if (OrganizationRecords(t).Save(Org("X")).ok()) return core::Error::Invalid("org saved");
    if (OrganizationRecords(t)
            .End("D2", {core::OrgEndKind::kDissolved, {2016, 1, 1}, "", "r"})
            .ok()) {
      return core::Error::Invalid("org ended");
    }
    if (MemberRecords(t).Save({"M9", "N", "D1", core::MemberStatus::kRegular, "", {}}).ok()) {
      return core::Error::Invalid("member saved");
    }
    if (ScoreRecords(t).Save(Score("D1", 2016, 70)).ok()) return core::Error::Invalid("scored");
    return core::Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(test::ListAudit(*store_, 0, 1).value().total, entries);
  EXPECT_FALSE(ReadValue(*store_, [](Tx& t) { return OrganizationRecords(t).Find("X"); }).value());
  EXPECT_FALSE(ReadValue(*store_, [](Tx& t) { return ScoreRecords(t).Any(2016); }).value());
}

INSTANTIATE_STORE_TESTS(OrgSubjectTest);

// --- Organizations that end and members who leave: the rows stay, their state changes under an
// audit entry, lists and counts tell them apart ---

class LifecycleSubjectTest : public test::StoreTest {
 protected:
  // D1 > D1A, D1B; D2.
  void SetUp() override {
    StoreTest::SetUp();
    Upsert({Org("D1"), Org("D1A", "D1"), Org("D1B", "D1"), Org("D2")});
  }
  std::int64_t AuditEntries() { return test::ListAudit(*store_, 0, 1).value().total; }
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
    auto total = storage::ReadValue(*store_, [&](storage::Tx& t) {
      return storage::OrganizationRecords(t).Visit(
          filter, [&](const OrgRowView& row) { codes.emplace_back(row.code); });
    });
    EXPECT_TRUE(total.ok());
    return codes;
  }
};

TEST_P(LifecycleSubjectTest, AnEndedOrganizationStaysReadableAuditedAndApartInLists) {
  const core::OrgEnd end{core::OrgEndKind::kMerged, {2017, 3, 1}, "D1B", "两村合并"};
  ASSERT_TRUE(
      store_
          ->Write(actor_,
                  [&](storage::Tx& t) { return storage::OrganizationRecords(t).End("D1A", end); })
          .ok());
  auto detail = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("D1A"); });
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
  EXPECT_EQ(
      storage::ReadValue(
          *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("D1"); })
          .value()
          ->children,
      1);  // D1B only
  auto children = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Children("D1"); });
  ASSERT_TRUE(children.ok());
  ASSERT_EQ(children.value().size(), 2u);
  EXPECT_EQ(children.value()[0].second, (core::CivilDate{2017, 3, 1}));
  EXPECT_FALSE(children.value()[1].second.has_value());
  auto ends = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Ends(); });
  ASSERT_TRUE(ends.ok());
  EXPECT_EQ(
      ends.value(),
      (std::vector<std::pair<std::string, core::CivilDate>>{{"D1A", core::CivilDate{2017, 3, 1}}}));
  // An import or an update of the record leaves the end as it is.
  Upsert({Org("D1A", "D1")});
  EXPECT_TRUE(
      storage::ReadValue(
          *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("D1A"); })
          .value()
          ->org.end.has_value());
  EXPECT_TRUE(test::VerifyAudit(*store_, std::nullopt).value().ok);
}

TEST_P(LifecycleSubjectTest, AnOrganizationEndsOnceAndAnUnknownOneIsNotFound) {
  const core::OrgEnd end{core::OrgEndKind::kDissolved, {2017, 3, 1}, "", "撤销"};
  ASSERT_TRUE(
      store_
          ->Write(actor_,
                  [&](storage::Tx& t) { return storage::OrganizationRecords(t).End("D2", end); })
          .ok());
  const std::int64_t entries = AuditEntries();
  core::Status again = store_->Write(
      actor_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).End("D2", end); });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "organization_ended");
  core::Status unknown = store_->Write(
      actor_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).End("NOPE", end); });
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(AuditEntries(), entries);
}

TEST_P(LifecycleSubjectTest, AMemberWhoLeftIsKeptListedAsLeftAndCountedApart) {
  ASSERT_TRUE(ImportBatch(*store_, actor_,
                          {Member("M1", "D1"), Member("M2", "D1"),
                           Member("M3", "D1", core::MemberStatus::kMobile)})
                  .ok());
  const core::MemberLeave leave{core::LeaveKind::kTransferredOut, {2017, 5, 1}, "转往外县"};
  ASSERT_TRUE(
      store_
          ->Write(actor_,
                  [&](storage::Tx& t) { return storage::MemberRecords(t).RecordLeft("M2", leave); })
          .ok());
  const AuditRecord audit = LastAudit();
  EXPECT_EQ(audit.action, "member.leave");
  EXPECT_EQ(audit.entity, "member:M2");
  EXPECT_NE(audit.after_json.find("\"kind\":\"transferred_out\""), std::string::npos);
  auto detail = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("D1"); });
  ASSERT_TRUE(detail.ok() && detail.value());
  EXPECT_EQ(detail.value()->member_counts[0], 1);  // regular: M1
  EXPECT_EQ(detail.value()->member_counts[1], 1);  // mobile: M3
  EXPECT_EQ(detail.value()->members_left, 1);
  auto page = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::MemberRecords(t).List("D1", 0, 50); });
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.value().items.size(), 3u);
  ASSERT_TRUE(page.value().items[1].left.has_value());
  EXPECT_EQ(page.value().items[1].left->on, (core::CivilDate{2017, 5, 1}));
  EXPECT_FALSE(page.value().items[0].left.has_value());
  // Saving the member again (a new name) keeps the departure.
  core::Member renamed = Member("M2", "D1");
  renamed.name = "新名字";
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::MemberRecords(t).Save(renamed);
              }).ok());
  EXPECT_TRUE(storage::ReadValue(
                  *store_, [&](storage::Tx& t) { return storage::MemberRecords(t).Find("M2"); })
                  .value()
                  ->left.has_value());
  core::Status again = store_->Write(
      actor_, [&](storage::Tx& t) { return storage::MemberRecords(t).RecordLeft("M2", leave); });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "member_left");
  EXPECT_EQ(
      store_
          ->Write(actor_,
                  [&](storage::Tx& t) { return storage::MemberRecords(t).RecordLeft("M9", leave); })
          .error()
          .code,
      core::ErrorCode::kNotFound);
}

INSTANTIATE_STORE_TESTS(LifecycleSubjectTest);

}  // namespace
}  // namespace grassroots::storage
