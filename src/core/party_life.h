// Party life (三会一课, issue 14): the meetings a branch logs, the rule every logged meeting obeys
// wherever it enters (the API, the CSV import, the demo), and the quarter's tally of each kind
// against the policy's required count ([party_life], core/policy.h), shortfalls flagged once the
// quarter has ended. The tally is the evidence offered for the `routine` dimension. Pure.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/file_columns.h"
#include "core/organization.h"
#include "core/periods.h"
#include "core/policy.h"

namespace grassroots::core {

// 支部党员大会, 支委会, 党小组会, 党课.
enum class MeetingKind : std::uint8_t {
  kBranchMeeting,
  kCommitteeMeeting,
  kGroupMeeting,
  kPartyLecture
};
inline constexpr std::array<MeetingKind, 4> kAllMeetingKinds = {
    MeetingKind::kBranchMeeting, MeetingKind::kCommitteeMeeting, MeetingKind::kGroupMeeting,
    MeetingKind::kPartyLecture};
inline constexpr std::string_view kMeetingKindNames =
    "branch_meeting, committee_meeting, group_meeting, party_lecture";

std::string_view ToString(MeetingKind kind);      // "branch_meeting"
std::string_view ChineseLabel(MeetingKind kind);  // "支部党员大会"
// The API name or the Chinese label (also 党员大会, 党小组会议); surrounding spaces ignored.
std::optional<MeetingKind> ParseMeetingKind(std::string_view text);

// The policy's required count of `kind` per quarter.
int RequiredPerQuarter(const PartyLifeRequirements& required, MeetingKind kind);

inline constexpr std::size_t kMaxMeetingTopic = 200;  // characters
inline constexpr std::int64_t kMaxAttendance = 100000;

struct MeetingRecord {
  std::int64_t id = 0;  // 0 until stored
  std::string org_code;
  MeetingKind kind = MeetingKind::kBranchMeeting;
  CivilDate on;               // the day it was held (the county's calendar)
  std::int64_t attended = 0;  // members present
  std::int64_t expected = 0;  // members expected; 0 when not given
  std::string topic;          // 主题
  std::string recorded_by;    // account name, set when stored
  std::string recorded_at;    // ISO 8601 UTC, set when stored
};

// A meeting as sent: the kind and the day as text; `expected` absent when not given.
struct MeetingInput {
  std::string org_code;
  std::string kind;
  std::string on;
  std::int64_t attended = 0;
  std::optional<std::int64_t> expected;
  std::string topic;
};

// Every rule `input` breaks, in field order (org_code, kind, date, attended, expected, topic), as
// Invalid errors naming the field: invalid_code, unknown_value {value, accepted}, empty,
// not_a_date, date_out_of_range (a meeting is logged after it was held: not after `today`),
// number_out_of_range {min, max}, attendance_over_expected {attended, expected}, too_long.
std::vector<Error> MeetingErrors(const MeetingInput& input, const CivilDate& today);
// The first of MeetingErrors, or the record to store.
Result<MeetingRecord> CheckMeeting(const MeetingInput& input, const CivilDate& today);

// A quarter's meetings as a file (`grassroots meetings import`, POST /meetings/import): one
// meeting a row, English keys or the Chinese headers; `expected` may be left out (then the
// branch's members on the roll). docs/contract.md documents it.
inline constexpr FileColumn kMeetingFileColumns[] = {{"org_code", "组织代码"},
                                                     {"kind", "会议类型"},
                                                     {"date", "召开日期"},
                                                     {"attended", "实到人数"},
                                                     {"expected", "应到人数", false},
                                                     {"topic", "主题"}};

// Meetings are a branch's: 党支部 and 党总支 log them, a 党委 does not (its branches do).
bool HoldsPartyLife(OrgKind kind);
// kInvalid field org_code, reason party_life_branches_only {code}, unless HoldsPartyLife.
Status CheckHoldsPartyLife(const Organization& org);

// Who logs an organization's meetings: whoever keeps its members (its own secretary or first
// secretary, the unit admin above it, admin) — core::OrgAction::kWriteMembers. `ancestry` as
// for MayAccessOrganization.
bool MayLogMeetings(const Principal& who, std::span<const std::string> ancestry);

// Whether `who` may log meetings for every branch they may read (lists, the summary's `can_log`):
// the roles that keep members keep them wherever they read (admin everywhere, a unit admin its
// subtree, a secretary or first secretary their own organizations), leader and auditor nowhere.
// The same answer as MayLogMeetings for every organization MayAccessOrganization lets `who` read.
bool MayLogMeetingsWhereRead(const Principal& who);

struct KindTally {
  MeetingKind kind = MeetingKind::kBranchMeeting;
  int held = 0;
  int required = 0;
  int missing = 0;  // required - held, at least 0
};

struct QuarterTally {
  Quarter quarter;
  std::array<KindTally, 4> kinds{};  // in kAllMeetingKinds order
  bool ended = false;                // the quarter's last day is before `today`
  bool short_of_required = false;    // ended, and some kind held fewer than required
};

// The quarter's tally of `meetings` (those of other quarters are ignored) against `required`.
// A shortfall is flagged only once the quarter has ended: until then `missing` is what is
// still to be held.
QuarterTally TallyQuarter(std::span<const MeetingRecord> meetings, const Quarter& quarter,
                          const PartyLifeRequirements& required, const CivilDate& today);

// The four quarters of `year`, each tallied as above: the `routine` dimension's evidence.
std::array<QuarterTally, 4> TallyYear(std::span<const MeetingRecord> meetings, int year,
                                      const PartyLifeRequirements& required,
                                      const CivilDate& today);

// The quarter a day lies in.
Quarter QuarterOf(const CivilDate& day);

}  // namespace grassroots::core
