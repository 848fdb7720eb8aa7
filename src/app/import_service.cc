#include "app/import_service.h"

#include "app/import_stream.h"
#include "core/field_access.h"

namespace grassroots::app {

std::string_view ToString(ImportKind kind) {
  switch (kind) {
    case ImportKind::kOrganizations:
      return "orgs";
    case ImportKind::kMembers:
      return "members";
    case ImportKind::kScores:
      return "scores";
  }
  return "";
}

core::Status CheckMayImport(const core::Principal& who, ImportKind kind) {
  if (!core::MayDo(who, core::GlobalAction::kImport)) {
    return core::Error::Forbidden("your role may not import files");
  }
  switch (kind) {
    case ImportKind::kOrganizations:
      for (core::GuardedField field : {core::GuardedField::kOrgType, core::GuardedField::kOrgUnit,
                                       core::GuardedField::kOrgParent}) {
        if (auto status = core::CheckFieldChange(who, field); !status.ok()) return status;
      }
      return core::Status::Ok();
    case ImportKind::kMembers:
      return core::Status::Ok();
    case ImportKind::kScores:
      return core::CheckFieldChange(who, core::GuardedField::kCommitteeGrade);
  }
  return core::Status::Ok();
}

std::optional<ImportKind> ParseImportKind(std::string_view text) {
  for (ImportKind kind : {ImportKind::kOrganizations, ImportKind::kMembers, ImportKind::kScores}) {
    if (text == ToString(kind)) return kind;
  }
  return std::nullopt;
}

core::Result<ImportOutcome> ImportCsv(storage::Store& store, ImportKind kind,
                                      std::string_view content, const storage::Actor& actor,
                                      const ProgressFn& progress) {
  return StreamImport(store, kind, content, &actor, {progress, {}});
}

core::Result<ImportOutcome> DryRunCsv(storage::Store& store, ImportKind kind,
                                      std::string_view content) {
  return StreamImport(store, kind, content, nullptr);
}

}  // namespace grassroots::app
