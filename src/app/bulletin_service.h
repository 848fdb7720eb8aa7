// The quarterly bulletin (每季一通报, issue 13) as use cases for the CLI and the HTTP API. An
// answer about the past comes from what was stored then: a finished quarter's bulletin, once
// issued, is read back from its stored figures (migration 018), never recounted; a unit's bulletin
// is read from its own issue, else from the county's issue narrowed to it. A finished quarter not
// issued yet is a draft, a running one a preview: both counted now (core::ComputeBulletin) and
// stored nowhere. Issuing is explicit (POST /bulletins/{quarter}/issue, `bulletin --issue`),
// an admin's act: a read never writes, and the department issues once the quarter's records are
// complete. Who reads which unit is core's (core::BulletinUnitFor).
#pragma once

#include <string>
#include <vector>

#include "core/access.h"
#include "core/bulletin.h"
#include "core/clock.h"
#include "core/error.h"
#include "storage/bulletin_records.h"
#include "storage/store.h"

namespace grassroots::app {

struct BulletinQuery {
  std::string quarter;  // "2016-Q2" as given
  std::string unit;     // a direct organization's code, or "" (the county; a unit admin's own)
};

// kInvalid naming "quarter" (not_a_period, quarter_not_begun); core::BulletinUnitFor's refusals;
// kNotFound unit_not_found for a unit that is not a direct organization.
core::Result<core::BulletinDocument> ReadBulletin(storage::Store& store, const core::Principal& who,
                                                  const BulletinQuery& query,
                                                  const std::string& office, core::UnixSeconds now);

// Counts and stores the bulletin of a finished quarter and answers it as issued. kForbidden
// bulletin_issue_not_permitted unless admin; kConflict quarter_not_finished {quarter};
// kConflict bulletin_already_issued; and ReadBulletin's refusals.
core::Result<core::BulletinDocument> IssueBulletin(
    storage::Store& store, const core::Principal& who, const BulletinQuery& query,
    const std::string& office, const storage::Actor& actor, core::UnixSeconds now);

// The issued bulletins the caller may read (figures left out): all for admin and auditor, the
// county's and its own units' for a unit admin; kForbidden bulletin_not_permitted for others.
core::Result<std::vector<storage::IssuedBulletin>> ListBulletins(storage::Store& store,
                                                                 const core::Principal& who);

// Writes `doc` to `path` as "html" (one self-contained page), "xlsx" (a sheet per section) or
// "pdf" (the HTML printed by headless Chromium: kUnavailable chromium_not_found without one).
// On failure nothing is left at `path`. kInvalid naming "format" for another format.
core::Status WriteBulletin(const core::BulletinDocument& doc, std::string_view format,
                           const std::string& path);

// "2016-Q2-bulletin" (+ "-UNIT"): a file name's stem.
std::string BulletinFileStem(const core::BulletinDocument& doc);

}  // namespace grassroots::app
