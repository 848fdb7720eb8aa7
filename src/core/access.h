// Who may read and change what (issue 3): roles and organization scope, decided in this one
// place for every handler. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace grassroots::core {

enum class Role : std::uint8_t {
  kAdmin,           // the organization department: everything
  kUnitAdmin,       // a direct organization: its own subtree
  kSecretary,       // one organization
  kFirstSecretary,  // 第一书记: the villages posted to
  kLeader,          // 处级领导: reads the organizations followed
  kAuditor,         // reads everything, changes nothing
};
std::string_view ToString(Role role);
std::string_view ChineseLabel(Role role);
std::optional<Role> ParseRole(std::string_view text);

// The user a request acts for.
struct Principal {
  std::int64_t user_id = 0;
  std::string name;
  Role role = Role::kAuditor;
  std::vector<std::string> scope;  // organization codes; meaning depends on the role
};

// What is done to one organization (or to its members or scores). kEnd dissolves it or merges
// it into another (core/lifecycle.h).
enum class OrgAction : std::uint8_t {
  kRead,
  kWriteOrganization,
  kWriteMembers,
  kWriteScores,
  kEnd,
  // Records the decision on a proposed removal of its secretary (组织调整, core/adjustment.h):
  // admin anywhere, a unit_admin below its direct organization, like kEnd.
  kDecideAdjustment,
};

// Secrecy (issue 9). For a caller whose scope does not cover an organization, it and what
// belongs to it (members, scores, results) do not exist: every route, read or write, single or
// bulk, answers exactly as it would for a code never used (the same status, reason and message,
// naming only the code the caller gave), and an organization out of scope named inside a body
// (a parent, a member's organization, a merge target, a row of a bulk write) is unknown like
// a code never used. A caller who may read an organization but not do what was asked is told
// 403: they know it exists. The one exception is a key taken out of scope: organization codes
// and member ids are unique across the deployment, so creating one that is taken cannot
// succeed whoever holds it. That answers 409 "code_unavailable" or "member_id_unavailable"
// whether the holder is in scope or not, and says nothing of the holder (not its organization,
// name, unit or data): that the key is taken is the least a refusal can reveal, and the caller
// would learn it by trying anyway. Reading, changing or ending that code still answers 404.
//
// `ancestry` is the organization's code first, then its parent's, up to the direct
// organization. unit_admin: anything within the subtree of a scope organization, but ending
// only the organizations below its direct one; secretary and first_secretary: exactly their
// scope organizations (read, and members); leader: read exactly the scope organizations;
// auditor: read all; admin: all.
bool MayAccessOrganization(const Principal& who, std::span<const std::string> ancestry,
                           OrgAction action);

// Whether every organization is in sight (admin, auditor): no scope to apply to a list.
bool ReadsEveryOrganization(const Principal& who);

// Actions not about one organization.
enum class GlobalAction : std::uint8_t {
  kRunAssessment,             // run, override a grade, include/exclude by hand: admin
  kWhatIf,                    // admin, auditor, leader, unit_admin (reads only)
  kImport,                    // CSV imports: admin
  kCreateDirectOrganization,  // admin
  kManageUsers,               // admin
  kReadAudit,                 // admin, auditor
  kReadAllAssessments,        // the whole list, unfiltered: admin, auditor
  kRecordInterview,           // 约谈 records (core/interview_rules.h): admin
  kReadInterviews,            // interviews and eligibility: admin, auditor
  kRunReminders,              // record a week's reminder (每周一提示): admin
  kReadReminders,             // every digest of a week, whom it told: admin, auditor
  kManageTraining,            // 进修班: create classes, edit lists in scope: admin, unit_admin
};
bool MayDo(const Principal& who, GlobalAction action);

}  // namespace grassroots::core
