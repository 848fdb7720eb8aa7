#include "core/access.h"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/test_support.h"

namespace grassroots::core {
namespace {

// Two direct organizations; D1 has a branch B1 with a group G1 below it (depth 2).
const std::map<std::string, std::vector<std::string>> kAncestry = {
    {"D1", {"D1"}}, {"B1", {"B1", "D1"}}, {"G1", {"G1", "B1", "D1"}},
    {"D2", {"D2"}}, {"B2", {"B2", "D2"}}, {"unknown", {}},
};

constexpr std::array<OrgAction, 5> kActions = {OrgAction::kRead, OrgAction::kWriteOrganization,
                                               OrgAction::kWriteMembers, OrgAction::kWriteScores,
                                               OrgAction::kEnd};

// One letter per action in kActions order (r, o, m, s, e) when allowed, '-' when refused.
std::string Allowed(const Principal& who, const std::string& code) {
  const char letters[] = "romse";
  std::string out;
  for (std::size_t i = 0; i < kActions.size(); ++i) {
    out += MayAccessOrganization(who, kAncestry.at(code), kActions[i]) ? letters[i] : '-';
  }
  return out;
}

// Every organization of kAncestry against what `who` may do there.
void ExpectMatrix(const Principal& who, const std::map<std::string, std::string>& expected) {
  for (const auto& [code, want] : expected) {
    EXPECT_EQ(Allowed(who, code), want) << ToString(who.role) << " on " << code;
  }
  EXPECT_EQ(expected.size(), kAncestry.size()) << "every organization is checked";
}

TEST(Access, AdminMayDoEverythingEverywhere) {
  ExpectMatrix(Who(Role::kAdmin, {}), {{"D1", "romse"},
                                       {"B1", "romse"},
                                       {"G1", "romse"},
                                       {"D2", "romse"},
                                       {"B2", "romse"},
                                       {"unknown", "romse"}});
}

TEST(Access, AuditorReadsEverythingAndWritesNothing) {
  ExpectMatrix(Who(Role::kAuditor, {}), {{"D1", "r----"},
                                         {"B1", "r----"},
                                         {"G1", "r----"},
                                         {"D2", "r----"},
                                         {"B2", "r----"},
                                         {"unknown", "r----"}});
}

TEST(Access, UnitAdminManagesItsWholeSubtreeAndNothingElse) {
  ExpectMatrix(Who(Role::kUnitAdmin, {"D1"}), {{"D1", "roms-"},
                                               {"B1", "romse"},
                                               {"G1", "romse"},
                                               {"D2", "-----"},
                                               {"B2", "-----"},
                                               {"unknown", "-----"}});
}

TEST(Access, UnitAdminOfABranchDoesNotReachItsParent) {
  ExpectMatrix(Who(Role::kUnitAdmin, {"B1"}), {{"D1", "-----"},
                                               {"B1", "romse"},
                                               {"G1", "romse"},
                                               {"D2", "-----"},
                                               {"B2", "-----"},
                                               {"unknown", "-----"}});
}

TEST(Access, SecretaryReadsItsOrganizationAndKeepsItsMembers) {
  ExpectMatrix(Who(Role::kSecretary, {"B1"}), {{"D1", "-----"},
                                               {"B1", "r-m--"},
                                               {"G1", "-----"},
                                               {"D2", "-----"},
                                               {"B2", "-----"},
                                               {"unknown", "-----"}});
}

TEST(Access, SecretaryOfACommitteeDoesNotReachItsBranches) {
  ExpectMatrix(Who(Role::kSecretary, {"D1"}), {{"D1", "r-m--"},
                                               {"B1", "-----"},
                                               {"G1", "-----"},
                                               {"D2", "-----"},
                                               {"B2", "-----"},
                                               {"unknown", "-----"}});
}

TEST(Access, FirstSecretaryWorksInEachVillagePostedTo) {
  ExpectMatrix(Who(Role::kFirstSecretary, {"G1", "B2"}), {{"D1", "-----"},
                                                          {"B1", "-----"},
                                                          {"G1", "r-m--"},
                                                          {"D2", "-----"},
                                                          {"B2", "r-m--"},
                                                          {"unknown", "-----"}});
}

TEST(Access, LeaderOnlyReadsTheOrganizationsFollowed) {
  ExpectMatrix(Who(Role::kLeader, {"B1", "D2"}), {{"D1", "-----"},
                                                  {"B1", "r----"},
                                                  {"G1", "-----"},
                                                  {"D2", "r----"},
                                                  {"B2", "-----"},
                                                  {"unknown", "-----"}});
}

TEST(Access, ScopedRolesWithoutScopeGetNothing) {
  for (Role role : {Role::kUnitAdmin, Role::kSecretary, Role::kFirstSecretary, Role::kLeader}) {
    for (const auto& [code, ancestry] : kAncestry) {
      EXPECT_EQ(Allowed(Who(role, {}), code), "-----") << ToString(role) << " on " << code;
    }
  }
}

TEST(Access, GlobalActionsByRole) {
  // One letter per column when allowed: run assessment, what-if, import, create direct
  // organization, manage users, read audit, list all assessments.
  const char letters[] = "rwicmal";
  const std::map<Role, std::string> expected = {
      {Role::kAdmin, "rwicmal"},     {Role::kUnitAdmin, "-w-----"},
      {Role::kSecretary, "-------"}, {Role::kFirstSecretary, "-------"},
      {Role::kLeader, "-w-----"},    {Role::kAuditor, "-w---al"},
  };
  const std::array<GlobalAction, 7> actions = {GlobalAction::kRunAssessment,
                                               GlobalAction::kWhatIf,
                                               GlobalAction::kImport,
                                               GlobalAction::kCreateDirectOrganization,
                                               GlobalAction::kManageUsers,
                                               GlobalAction::kReadAudit,
                                               GlobalAction::kReadAllAssessments};
  for (const auto& [role, want] : expected) {
    std::string got;
    for (std::size_t i = 0; i < actions.size(); ++i) {
      got += MayDo(Who(role, {"D1"}), actions[i]) ? letters[i] : '-';
    }
    EXPECT_EQ(got, want) << ToString(role);
  }
}

TEST(Access, RoleNamesRoundTripInEnglishAndChinese) {
  for (Role role : {Role::kAdmin, Role::kUnitAdmin, Role::kSecretary, Role::kFirstSecretary,
                    Role::kLeader, Role::kAuditor}) {
    EXPECT_EQ(ParseRole(ToString(role)), role);
    EXPECT_EQ(ParseRole(ChineseLabel(role)), role);
  }
  EXPECT_EQ(ToString(Role::kFirstSecretary), "first_secretary");
  EXPECT_EQ(ChineseLabel(Role::kFirstSecretary), "第一书记");
  EXPECT_EQ(ChineseLabel(Role::kUnitAdmin), "直属党组织管理员");
  EXPECT_EQ(ParseRole("Admin"), std::nullopt);
  EXPECT_EQ(ParseRole(""), std::nullopt);
  EXPECT_EQ(ParseRole("root"), std::nullopt);
}

TEST(Access, AdjustmentsAreDecidedByAdminAndByAUnitAdminBelowItsDirectOrganization) {
  const auto may = [](const Principal& who, const std::string& code) {
    return MayAccessOrganization(who, kAncestry.at(code), OrgAction::kDecideAdjustment);
  };
  EXPECT_TRUE(may(Who(Role::kAdmin, {}), "D1"));
  EXPECT_FALSE(may(Who(Role::kUnitAdmin, {"D1"}), "D1"));
  EXPECT_TRUE(may(Who(Role::kUnitAdmin, {"D1"}), "B1"));
  EXPECT_FALSE(may(Who(Role::kUnitAdmin, {"D1"}), "B2"));
  for (Role role : {Role::kSecretary, Role::kFirstSecretary, Role::kLeader, Role::kAuditor}) {
    EXPECT_FALSE(may(Who(role, {"B1"}), "B1")) << ToString(role);
  }
}

TEST(Access, InterviewsAreRecordedByAdminAndReadByAdminAndAuditor) {
  for (Role role : {Role::kAdmin, Role::kUnitAdmin, Role::kSecretary, Role::kFirstSecretary,
                    Role::kLeader, Role::kAuditor}) {
    const Principal who = Who(role, {"D1"});
    EXPECT_EQ(MayDo(who, GlobalAction::kRecordInterview), role == Role::kAdmin);
    EXPECT_EQ(MayDo(who, GlobalAction::kReadInterviews),
              role == Role::kAdmin || role == Role::kAuditor);
  }
}

}  // namespace
}  // namespace grassroots::core
