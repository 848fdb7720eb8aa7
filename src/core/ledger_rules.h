// The rectification ledger (台账, issue 12, SPEC §3): every item of a year's plans with its
// state, deadline, overdue days and evidence, filtered by state, unit, type and overdue. Pure:
// what "overdue" selects, so that the ledger's filter and each row's overdue days
// (core::OverdueDays) never disagree, and the words a ledger file shows.
#pragma once

#include <string_view>

#include "core/clock.h"
#include "core/rectification_item.h"

namespace grassroots::core {

// The overdue filter as a bound on the deadline: an item that is not closed is overdue at `now`
// exactly when its deadline is before the answer (the county's day at `now`, UTC+8), i.e. when
// OverdueDays(deadline, state, now) > 0. Storage compares ISO dates as text: `deadline < cut`.
CivilDate OverdueCut(UnixSeconds now);

// The Chinese name of an item's state in a ledger file: 未启动, 整改中, 待销号, 已销号.
std::string_view LedgerStateLabel(ItemState state);

}  // namespace grassroots::core
