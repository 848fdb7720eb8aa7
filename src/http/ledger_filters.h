// The ledger's filters (?unit, ?type, ?q, ?state, ?overdue, ?org), shared by GET /ledger and its
// export (export_routes.cc), so a list and its file always hold the same rows. Scope is applied
// here too: the caller's (ApplyScope).
#pragma once

#include <httplib.h>

#include "app/ledger_service.h"
#include "core/access.h"

namespace grassroots::http {

// Fills `query` (its year aside) from the request and the caller's scope; false after writing
// 422 naming the parameter when one is malformed: state (unknown_value), overdue
// (not_a_boolean), org (invalid_code).
bool LedgerParams(const httplib::Request& req, const core::Principal& who, app::LedgerQuery& query,
                  httplib::Response& res);

}  // namespace grassroots::http
