// How organizations end and members leave (issue 9): the record stays, its state changes. An
// organization is dissolved (撤销) or merged (合并) into another from a date; a member leaves
// (转出 transferred out, 死亡 died, or for another reason) on a date. Nothing an assessment or
// the audit log refers to is ever deleted. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace grassroots::core {

struct OrgTable;  // core/org_table.h

enum class OrgEndKind : std::uint8_t { kDissolved, kMerged };
enum class LeaveKind : std::uint8_t { kTransferredOut, kDied, kOther };

// API names ("dissolved", "merged"; "transferred_out", "died", "other") and Chinese labels
// (撤销, 合并; 转出, 死亡, 其他), both accepted by the parsers.
std::string_view ToString(OrgEndKind kind);
std::string_view ChineseLabel(OrgEndKind kind);
std::optional<OrgEndKind> ParseOrgEndKind(std::string_view text);
std::string_view ToString(LeaveKind kind);
std::string_view ChineseLabel(LeaveKind kind);
std::optional<LeaveKind> ParseLeaveKind(std::string_view text);

// The most a reason for an end or a departure may hold.
inline constexpr std::size_t kMaxLifecycleReasonBytes = 1000;

struct OrgEnd {
  OrgEndKind kind = OrgEndKind::kDissolved;
  CivilDate on;
  std::string merged_into;  // the code of the organization that took it over; merged only
  std::string reason;
};

struct MemberLeave {
  LeaveKind kind = LeaveKind::kOther;
  CivilDate on;
  std::string reason;
};

// THE RULE of which years assess an organization that ended. An organization dissolved or
// merged on date D is assessed in the years before D's year and left out of the assessment of
// D's year and of every later year: it is not ranked, not counted in its group's quota, not
// graded, and cannot be selected, not even by the committee's hand. A year's list names the
// organizations to rectify during the following year, which one that ended cannot be; and the
// assessment of year Y is made after Y ends, when an organization that ended during Y no
// longer exists. Its scores, members and past results stay stored, and re-running an earlier
// year assesses it as before.
bool AssessedIn(const std::optional<CivilDate>& ended_on, int year);

// The organizations `all` holds that AssessedIn(year), with the parent links re-indexed; a
// parent that is left out (never the case when children are moved or ended first, see
// CheckOrgEnd) leaves its child without one. `ended` names the organizations that ended, with
// their dates, in any order.
OrgTable OrganizationsAssessedIn(const OrgTable& all,
                                 const std::vector<std::pair<std::string, CivilDate>>& ended,
                                 int year);

// What CheckOrgEnd needs to know of the stored organizations.
struct EndContext {
  CivilDate today;             // the county's day: an end is recorded, not planned
  bool already_ended = false;  // the organization itself
  std::vector<std::pair<std::string, std::optional<CivilDate>>> children;  // code, ended on
  bool target_known = false;  // merged_into names an organization the caller sees
  bool target_ended = false;
};

// Checks `end` of organization `code` before it is recorded. kConflict when the organization
// has already ended ("organization_ended") or has a child that has not ended by that date
// ("organization_has_children", params count and first: move or end them first); kInvalid
// naming "on" for a day after today ("end_date_in_future"), "merged_into" for a merge without
// a known, different, existing target ("merge_target_missing", "merge_into_itself",
// "merge_target_unknown", "merge_target_ended") or a dissolution with one
// ("merge_target_not_allowed"), "reason" when blank or too long ("reason_required",
// "reason_too_long").
Status CheckOrgEnd(const std::string& code, const OrgEnd& end, const EndContext& context);

// Checks a departure of a member who joined on `joined` (nullopt when unknown) and has
// `already_left` or not. kConflict "member_left" when already left; kInvalid naming "on" for a
// day after `today` or before `joined` ("leave_date_in_future", "leave_before_joined"), and
// "reason" as for CheckOrgEnd.
Status CheckMemberLeave(const MemberLeave& leave, const std::optional<CivilDate>& joined,
                        bool already_left, const CivilDate& today);

}  // namespace grassroots::core
