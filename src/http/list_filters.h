// The filters of the organization and assessment lists beyond OrgFilterParams (?state;
// ?grade and ?selected), shared by each list route and its export (export_routes.cc), so a
// list and its export always select the same rows, and ?year as the lists of a year read it.
// Each writes a 422 and answers false when a value is malformed.
#pragma once

#include <httplib.h>

#include "http/read_memo.h"
#include "storage/store.h"

namespace grassroots::http {

// ?unit, ?type, ?parent, ?q, ?direct (true|false) and ?state (active, the default; ended; all).
bool OrganizationListParams(const httplib::Request& req, storage::OrgFilter& filter,
                            httplib::Response& res);

// ?unit, ?type, ?parent, ?q, ?grade (A..D or 优秀..较差) and ?selected (true|false).
bool AssessmentListParams(const httplib::Request& req, storage::OrgFilter& filter,
                          httplib::Response& res);

// Every field of a parsed filter, in a fixed order, as parts of a remembered answer's key
// (http/read_memo.h): the key names what the list reads, never the request's raw query.
void AddFilterKey(MemoKey& key, const storage::OrgFilter& filter);

// ?year as a year (core::CheckYear); when absent, 0 unless `required` (then 422 "empty").
bool QueryYear(const httplib::Request& req, bool required, int& year, httplib::Response& res);

}  // namespace grassroots::http
