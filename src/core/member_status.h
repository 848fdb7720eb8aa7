// A member's changes of status (issue 14; SPEC.md §1: regular, mobile 流动党员, lost_contact
// 失联党员, pocket 口袋党员, retired), the one rule every change obeys wherever it enters — the
// status API, the member write (POST /members) and the demo — and the status a member had on a
// day, from which an organization's counts and their trend are derived. Pure.
//
// Reasons (besides field_rules.h's): status_unchanged {status}, status_change_before_previous
// {on, previous}, status_change_before_joined {on, joined}, member_left {id}.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/organization.h"

namespace grassroots::core {

inline constexpr std::size_t kMaxStatusNote = 1000;

struct StatusChange {
  std::int64_t id = 0;  // 0 until stored
  std::string member_id;
  CivilDate on;  // the day it took effect (the county's calendar)
  MemberStatus from = MemberStatus::kRegular;
  MemberStatus to = MemberStatus::kRegular;
  std::string note;
  std::string recorded_by;  // account name, set when stored
  std::string recorded_at;  // ISO 8601 UTC, set when stored
};

// A change as sent: the new status by API or Chinese name, the day as text, a note.
struct StatusChangeInput {
  std::string status;
  std::string on;
  std::string note;
};

// THE RULE of a change of status. `member` as stored (its current status), `previous` the day
// of its latest recorded change if any, `today` the county's day. The first rule broken, in
// field order, as an Invalid error naming the field: a member who left changes no more
// (member_left, field status); the status one of the vocabulary and not the current one
// (status_unchanged); the day a real day not after today, not before the member joined
// (status_change_before_joined) and not before the previous change
// (status_change_before_previous, field on) — the same day is allowed, ordered after it; the
// note bounded. Else the change to store (from = the current status).
Result<StatusChange> CheckStatusChange(const StatusChangeInput& input, const Member& member,
                                       const std::optional<CivilDate>& previous,
                                       const CivilDate& today);

// The status a member had on `day`: the `to` of their last change on or before it, else the
// `from` of their first change (what they were before any was recorded), else `current`.
// `changes` oldest first (by day, then as recorded).
MemberStatus StatusOn(std::span<const StatusChange> changes, MemberStatus current,
                      const CivilDate& day);

// A member with their changes, oldest first.
struct MemberHistory {
  Member member;
  std::vector<StatusChange> changes;
};

// Members by MemberStatus (its order) on `day`: those on the roll that day — joined on or
// before it (or no joined day known) and not left on or before it — by StatusOn.
using StatusCounts = std::array<std::int64_t, 5>;
StatusCounts CountsOn(std::span<const MemberHistory> members, const CivilDate& day);

// The days a year's trend is read on: each quarter's last day not after `today`, and `today`
// itself when it falls in `year` and is no quarter's last day. Empty for a year after today's.
std::vector<CivilDate> TrendDays(int year, const CivilDate& today);

}  // namespace grassroots::core
