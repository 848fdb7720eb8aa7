// The demo database's five-level support (issue 12): demo/support_demo.h's values for the
// organizations selected in the demo's last year, recorded through app::RecordSupport.
#pragma once

#include <string>
#include <vector>

#include "config/policy_file.h"
#include "core/error.h"
#include "core/organization.h"
#include "demo/support_demo.h"
#include "storage/store.h"

namespace grassroots::cli {

core::Status RecordDemoSupport(storage::Store& store, const config::LoadedPolicy& policy,
                               const std::vector<core::Organization>& selected, int year,
                               const demo::SupportAccounts& accounts, std::uint64_t seed);

}  // namespace grassroots::cli
