// The filters of the standardized-branch list and its export (standards_routes.cc,
// export_routes.cc): ?year, ?state, the organization filters, the page and the caller's scope.
#pragma once

#include "http/route.h"
#include "storage/standard_records.h"

namespace grassroots::http {

// False (after writing 422) when a parameter is malformed.
bool DesignationParams(Call& call, storage::DesignationFilter& filter);

}  // namespace grassroots::http
