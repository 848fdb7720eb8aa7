#include "app/spot_finding_evidence.h"

#include "app/spot_finding_sight.h"
#include "core/evidence.h"
#include "core/spot_check_rules.h"
#include "storage/rectification_records.h"

namespace grassroots::app {
namespace {

using storage::Tx;

core::Error FileNotFound(std::int64_t id) {
  return core::Error::NotFound("no finding evidence with id " + std::to_string(id), "id")
      .With("finding_evidence_not_found", {{"id", std::to_string(id)}});
}

// The finding and what the caller may do with it; kNotFound when none or out of scope.
core::Result<SpotSight> SeenFinding(Tx& tx, const core::Principal& who, std::int64_t id) {
  auto finding = storage::SpotCheckRecords(tx).Finding(id);
  if (!finding.ok()) return finding.error();
  if (!finding.value()) return SpotFindingNotFound(id);
  core::Result<SpotSight> sight = SpotSightOf(tx, who, finding.value()->org_code);
  if (!sight.ok()) return sight.error();
  if (!sight.value().read) return SpotFindingNotFound(id);
  return sight;
}

}  // namespace

core::Result<storage::EvidenceRecord> AddFindingEvidence(
    storage::Store& store, const core::Principal& who, std::int64_t finding_id,
    const std::string& file_name, std::string_view bytes, const storage::Actor& actor) {
  storage::EvidenceRecord stored;
  core::Status status = store.Write(actor, [&](Tx& tx) -> core::Status {
    core::Result<SpotSight> sight = SeenFinding(tx, who, finding_id);
    if (!sight.ok()) return sight.error();
    if (!sight.value().record) {
      return core::Error::Forbidden(
                 "only the department or the organization's unit admin adds a finding's evidence")
          .With("spot_finding_not_permitted");
    }
    core::Result<std::string> type = core::CheckEvidenceFile(file_name, bytes);
    if (!type.ok()) return type.error();
    auto added = storage::EvidenceStore(tx, storage::kFindingEvidence)
                     .Add(finding_id, file_name, type.value(), bytes);
    if (!added.ok()) return added.error();
    stored = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<std::vector<storage::EvidenceRecord>> FindingEvidence(storage::Store& store,
                                                                   const core::Principal& who,
                                                                   std::int64_t finding_id) {
  std::vector<storage::EvidenceRecord> files;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    core::Result<SpotSight> sight = SeenFinding(tx, who, finding_id);
    if (!sight.ok()) return sight.error();
    auto found = storage::EvidenceStore(tx, storage::kFindingEvidence).OfItem(finding_id);
    if (!found.ok()) return found.error();
    files = std::move(found).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return files;
}

core::Result<std::map<std::int64_t, std::vector<storage::EvidenceRecord>>> EvidenceOfFindings(
    storage::Store& store, const std::vector<storage::FindingRecord>& findings) {
  std::map<std::int64_t, std::vector<storage::EvidenceRecord>> out;
  if (findings.empty()) return out;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    storage::EvidenceStore files(tx, storage::kFindingEvidence);
    for (const storage::FindingRecord& f : findings) {
      auto found = files.OfItem(f.id);
      if (!found.ok()) return found.error();
      out[f.id] = std::move(found).value();
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<FindingEvidenceFile> FindingEvidenceFileOf(storage::Store& store,
                                                        const core::Principal& who,
                                                        std::int64_t id) {
  std::optional<FindingEvidenceFile> found;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    storage::EvidenceStore files(tx, storage::kFindingEvidence);
    auto evidence = files.Get(id);
    if (!evidence.ok()) return evidence.error();
    if (!evidence.value()) return core::Status::Ok();
    core::Result<SpotSight> sight = SeenFinding(tx, who, evidence.value()->item_id);
    if (!sight.ok()) {
      return sight.error().code == core::ErrorCode::kNotFound ? core::Status::Ok()
                                                              : core::Status(sight.error());
    }
    auto bytes = files.Content(*evidence.value());
    if (!bytes.ok()) return bytes.error();
    found = FindingEvidenceFile{*evidence.value(), std::move(bytes).value()};
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  if (!found) return FileNotFound(id);
  return std::move(*found);
}

}  // namespace grassroots::app
