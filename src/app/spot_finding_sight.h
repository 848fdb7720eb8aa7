#pragma once
// What a caller may do with an organization's spot check findings: one reading shared by the
// spot check service and the findings' evidence, so both refuse alike.
#include <cstdint>
#include <string>

#include "core/access.h"
#include "core/error.h"
#include "storage/tx.h"

namespace grassroots::app {

// Whether the caller may read organization `code`, and record findings for it.
struct SpotSight {
  bool read = false, record = false;
};
core::Result<SpotSight> SpotSightOf(storage::Tx& tx, const core::Principal& who,
                                    const std::string& code);

// 404 for a finding that does not exist or that the caller may not read: the same answer.
core::Error SpotFindingNotFound(std::int64_t id);

}  // namespace grassroots::app
