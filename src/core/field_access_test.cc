#include "core/field_access.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/permissions.h"
#include "core/test_support.h"

namespace grassroots::core {
namespace {

const Principal kAdmin = Who(Role::kAdmin);
const Principal kUnitAdmin = Who(Role::kUnitAdmin, {"D1"});

Organization Stored() {
  return {"B1", "一支部", OrgType::kVillage, OrgKind::kBranch, "D1", "王", "U1", {}};
}

ScoreRecord Graded() { return {"B1", 2016, {70, 70, 70, 70, 70, 70}, Grade::kC, "审定"}; }

// "field" of a refusal (admin_only_field), or "ok".
std::string Refused(const Status& status) {
  if (status.ok()) return "ok";
  EXPECT_EQ(status.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(status.error().reason, "admin_only_field");
  EXPECT_EQ(status.error().params, (Params{{"field", status.error().field}}));
  return status.error().field;
}

TEST(FieldAccess, OnlyAdminChangesWhatDecidesTheRankingGroup) {
  const struct {
    const char* what;
    void (*change)(Organization&);
    const char* unit_admin;  // what a unit_admin is told; admin may always
  } cases[] = {
      {"name", [](Organization& o) { o.name = "新名"; }, "ok"},
      {"kind", [](Organization& o) { o.kind = OrgKind::kGeneralBranch; }, "ok"},
      {"secretary", [](Organization& o) { o.secretary = "李"; }, "ok"},
      {"type", [](Organization& o) { o.type = OrgType::kCommunity; }, "type"},
      {"parent", [](Organization& o) { o.parent = "B2"; }, "parent"},
      {"unit", [](Organization& o) { o.unit = "U2"; }, "unit"},
  };
  const Organization before = Stored();
  for (const auto& c : cases) {
    Organization after = Stored();
    c.change(after);
    EXPECT_EQ(Refused(CheckOrganizationChange(kUnitAdmin, &before, after, "")), c.unit_admin)
        << c.what;
    EXPECT_EQ(Refused(CheckOrganizationChange(kAdmin, &before, after, "")), "ok") << c.what;
  }
}

TEST(FieldAccess, ANewOrganizationTakesItsParentsUnitUnlessAdminNamesAnother) {
  Organization created = Stored();
  EXPECT_EQ(Refused(CheckOrganizationChange(kUnitAdmin, nullptr, created, "U1")), "ok");
  EXPECT_EQ(Refused(CheckOrganizationChange(kUnitAdmin, nullptr, created, "U9")), "unit");
  EXPECT_EQ(Refused(CheckOrganizationChange(kAdmin, nullptr, created, "U9")), "ok");
}

TEST(FieldAccess, NobodyButAdminSetsChangesOrClearsACommitteeGrade) {
  const ScoreRecord before = Graded();
  ScoreRecord dims_only = Graded();
  dims_only.dimensions[0] = 99;
  EXPECT_EQ(Refused(CheckScoreChange(kUnitAdmin, &before, dims_only)), "ok")
      << "the stored grade kept as it was";
  ScoreRecord self_graded = Graded();
  self_graded.committee_grade = Grade::kA;
  self_graded.reason = "自评优秀";
  EXPECT_EQ(Refused(CheckScoreChange(kUnitAdmin, &before, self_graded)), "grade");
  ScoreRecord cleared = Graded();
  cleared.committee_grade.reset();
  cleared.reason.clear();
  EXPECT_EQ(Refused(CheckScoreChange(kUnitAdmin, &before, cleared)), "grade");
  ScoreRecord reworded = Graded();
  reworded.reason = "另一理由";
  EXPECT_EQ(Refused(CheckScoreChange(kUnitAdmin, &before, reworded)), "reason");
  EXPECT_EQ(Refused(CheckScoreChange(kUnitAdmin, nullptr, self_graded)), "grade")
      << "nor on a first score";
  ScoreRecord plain = Graded();
  plain.committee_grade.reset();
  plain.reason.clear();
  EXPECT_EQ(Refused(CheckScoreChange(kUnitAdmin, nullptr, plain)), "ok");
  for (const ScoreRecord& after : {self_graded, cleared, reworded}) {
    EXPECT_EQ(Refused(CheckScoreChange(kAdmin, &before, after)), "ok");
  }
  EXPECT_EQ(Refused(CheckFieldChange(Who(Role::kAuditor), GuardedField::kCommitteeGrade)), "grade");
}

std::map<std::string, bool> AsMap(const std::vector<Permission>& permissions) {
  std::map<std::string, bool> out;
  for (const Permission& p : permissions) out[std::string(p.name)] = p.allowed;
  return out;
}

TEST(Permissions, EachRoleIsToldWhatTheRulesAllowIt) {
  const std::map<std::string, bool> admin = AsMap(PermissionsOf(kAdmin));
  EXPECT_EQ(admin.size(), 21u);
  for (const auto& [name, allowed] : admin) EXPECT_TRUE(allowed) << name;

  const std::map<std::string, bool> unit_admin = AsMap(PermissionsOf(kUnitAdmin));
  EXPECT_TRUE(unit_admin.at("what_if"));
  EXPECT_TRUE(unit_admin.at("write_scores"));
  EXPECT_TRUE(unit_admin.at("write_organizations"));
  EXPECT_FALSE(unit_admin.at("import"));
  EXPECT_FALSE(unit_admin.at("set_committee_grade"));
  EXPECT_FALSE(unit_admin.at("change_org_type"));

  const std::map<std::string, bool> secretary = AsMap(PermissionsOf(Who(Role::kSecretary, {"B1"})));
  EXPECT_TRUE(secretary.at("write_members"));
  EXPECT_FALSE(secretary.at("write_scores"));
  EXPECT_FALSE(secretary.at("what_if"));

  const std::map<std::string, bool> auditor = AsMap(PermissionsOf(Who(Role::kAuditor)));
  EXPECT_TRUE(auditor.at("read_audit"));
  EXPECT_TRUE(auditor.at("read_all_assessments"));
  EXPECT_TRUE(auditor.at("read_interviews"));
  EXPECT_FALSE(auditor.at("record_interviews"));
  EXPECT_TRUE(auditor.at("read_reminders"));
  EXPECT_FALSE(auditor.at("run_reminders"));
  EXPECT_FALSE(unit_admin.at("read_reminders"));
  EXPECT_FALSE(auditor.at("write_members"));
  EXPECT_FALSE(auditor.at("run_assessment"));
  // 进修班: the department and unit admins record classes and their lists (issue 14).
  EXPECT_TRUE(unit_admin.at("manage_training"));
  EXPECT_FALSE(secretary.at("manage_training"));
  EXPECT_FALSE(auditor.at("manage_training"));
}

TEST(Permissions, WhoeverMayImportMaySetWhatFilesCarry) {
  // Score files carry grades, organization files types, units and parents: the import right
  // must not reach past the field rules.
  for (Role role : {Role::kAdmin, Role::kUnitAdmin, Role::kSecretary, Role::kFirstSecretary,
                    Role::kLeader, Role::kAuditor}) {
    const Principal who = Who(role, {"D1"});
    if (!MayDo(who, GlobalAction::kImport)) continue;
    for (GuardedField field : kAllGuardedFields) {
      EXPECT_TRUE(MayChangeField(who, field)) << ToString(role) << " " << FieldName(field);
    }
  }
}

}  // namespace
}  // namespace grassroots::core
