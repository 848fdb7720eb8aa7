// Members' changes of status and an organization's counts by status over time (issue 14), for
// the HTTP API, the member write and the demo: core/member_status.h over what is stored. Every
// change of an existing member's status goes through ChangeMemberStatusIn — the status route
// with the day given, POST /members (SaveMemberEntry) with the county's today — so one rule
// decides them all. The caller has checked that the principal may change (or read) the
// member's organization.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/member_status.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::app {

// Inside a write transaction: checks `input` against the member as stored and their latest
// change (core::CheckStatusChange), then records it with the member's new status. kNotFound
// ("member_not_found", field id) when there is no such member.
core::Result<core::StatusChange> ChangeMemberStatusIn(storage::Tx& tx, const std::string& id,
                                                      const core::StatusChangeInput& input,
                                                      const core::CivilDate& today);

// The same in a transaction of its own.
core::Result<core::StatusChange> ChangeMemberStatus(storage::Store& store, const std::string& id,
                                                    const core::StatusChangeInput& input,
                                                    const core::CivilDate& today,
                                                    const storage::Actor& actor);

// The member's changes, oldest first.
core::Result<std::vector<core::StatusChange>> MemberStatusHistory(storage::Store& store,
                                                                  const std::string& id);

// An organization's members by status (core::StatusCounts) on each of `year`'s trend days
// (core::TrendDays), derived from the history (core::CountsOn); `now` the counts today.
struct MemberTrendPoint {
  core::CivilDate on;
  core::StatusCounts counts{};
};
struct MemberTrend {
  std::vector<MemberTrendPoint> points;
  core::StatusCounts now{};
};
core::Result<MemberTrend> MemberTrendOf(storage::Store& store, const std::string& org, int year,
                                        const core::CivilDate& today);

}  // namespace grassroots::app
