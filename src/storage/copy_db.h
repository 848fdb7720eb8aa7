// `grassroots copy-db FROM TO`: everything a database holds — organizations, members, scores,
// policies, stored assessments, hand decisions, accounts and their sessions, and the audit trail
// with its change records and checkpoints — copied into an empty database of either backend
// (a county's SQLite file into PostgreSQL, or back). Rows are copied as stored: ids, hashes and
// times stay, so the audit chain verifies on the other side with the same head, and scores
// arrive as the same doubles. The copy appends nothing to the trail. All or nothing: TO is
// written in one transaction.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::storage {

struct CopySummary {
  std::int64_t rows = 0;  // over every table
  ChainHead head;         // the audit chain's head, the same on both sides
};

// Migrates both databases (URLs as OpenStore takes them), then copies FROM into TO.
// kConflict naming "TO" when TO already holds organizations, accounts or audit entries.
core::Result<CopySummary> CopyDatabase(const std::string& from, const std::string& to,
                                       const core::Clock& clock = core::DefaultClock());

}  // namespace grassroots::storage
