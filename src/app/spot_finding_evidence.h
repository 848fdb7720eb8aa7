// The evidence files of a spot-check finding (issue 13: findings recorded "with evidence"):
// photos and documents kept by storage::EvidenceStore (kFindingEvidence, migration 022), checked
// by core::CheckEvidenceFile as an item's evidence is. Who may add one is who may record a
// finding on the organization (core::MayRecordSpotFinding); who reads them is whoever's scope
// covers it. A finding or file out of the caller's scope is answered exactly as an id never used
// (kNotFound spot_finding_not_found / finding_evidence_not_found {id}).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "storage/evidence_store.h"
#include "storage/spot_check_records.h"
#include "storage/store.h"

namespace grassroots::app {

// Adds a file to finding `finding_id`: kNotFound spot_finding_not_found when there is no such
// finding or it is out of scope; kForbidden spot_finding_not_permitted unless the caller may
// record findings on its organization; CheckEvidenceFile's kInvalid errors. Nothing is stored
// when any check fails.
core::Result<storage::EvidenceRecord> AddFindingEvidence(
    storage::Store& store, const core::Principal& who, std::int64_t finding_id,
    const std::string& file_name, std::string_view bytes, const storage::Actor& actor);

// A finding's files, oldest first; kNotFound spot_finding_not_found as above.
core::Result<std::vector<storage::EvidenceRecord>> FindingEvidence(storage::Store& store,
                                                                   const core::Principal& who,
                                                                   std::int64_t finding_id);

// The files of each of `findings` (already the caller's: ListFindings, GetSpotCheck), by id.
core::Result<std::map<std::int64_t, std::vector<storage::EvidenceRecord>>> EvidenceOfFindings(
    storage::Store& store, const std::vector<storage::FindingRecord>& findings);

struct FindingEvidenceFile {
  storage::EvidenceRecord evidence;
  std::string bytes;
};
// One file with its bytes; kNotFound finding_evidence_not_found {id} when there is none or the
// caller's scope does not cover the finding's organization.
core::Result<FindingEvidenceFile> FindingEvidenceFileOf(storage::Store& store,
                                                        const core::Principal& who,
                                                        std::int64_t id);

}  // namespace grassroots::app
