#include "app/import_service.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "core/field_access.h"
#include "core/file_columns.h"
#include "csv/file_preview.h"
#include "csv/import_files.h"

namespace grassroots::app {
namespace {

template <typename T>
std::vector<T> Values(std::vector<core::Row<T>>& rows) {
  std::vector<T> values;
  values.reserve(rows.size());
  for (auto& row : rows) values.push_back(std::move(row.value));
  return values;
}

void Report(const ProgressFn& progress, std::string_view stage) {
  if (progress) progress(stage);
}

// Where an import stops: after validation (a dry run) or after the write.
enum class Stop { kBeforeWrite, kAfterWrite };

// After a parse with errors, the rows that parsed are still checked against each other and the
// store, so one pass reports the unknown parents beside the bad fields. The rows that failed are
// left out, but their codes (and parents) count as known: a child of a row with a bad field is
// not told its parent does not exist.
core::Result<ImportOutcome> AlsoValidateParsed(storage::Store& store, std::string_view content,
                                               std::vector<core::Row<core::Organization>>& rows,
                                               ImportOutcome outcome) {
  if (rows.empty()) return outcome;
  auto stored = store.StoredOrganizations();
  if (!stored.ok()) return stored.error();
  core::StoredOrgs known = std::move(stored).value();
  const csv::FilePreview file = csv::PreviewFile(content, core::kOrganizationFileColumns, SIZE_MAX);
  const auto code = std::ranges::find(file.columns, "code");
  const auto parent = std::ranges::find(file.columns, "parent");
  if (code != file.columns.end()) {
    const auto code_at = static_cast<std::size_t>(code - file.columns.begin());
    const auto parent_at = static_cast<std::size_t>(parent - file.columns.begin());
    for (const csv::PreviewRow& row : file.rows) {
      if (row.values[code_at].empty()) continue;
      known.try_emplace(row.values[code_at],
                        core::StoredOrg{parent == file.columns.end() ? "" : row.values[parent_at],
                                        std::string(core::kDefaultUnit)});
    }
  }
  std::vector<core::LineError> invalid = core::ValidateOrganizations(rows, known);
  outcome.errors.insert(outcome.errors.end(), std::make_move_iterator(invalid.begin()),
                        std::make_move_iterator(invalid.end()));
  std::ranges::stable_sort(outcome.errors, {}, &core::LineError::line);
  return outcome;
}

core::Result<ImportOutcome> ImportOrganizations(storage::Store& store, std::string_view content,
                                                const storage::Actor& actor,
                                                const ProgressFn& progress, Stop stop) {
  auto parsed = csv::ParseOrganizationsCsv(content);
  ImportOutcome outcome{parsed.rows.size(), std::move(parsed.errors), {}};
  Report(progress, "parsed " + std::to_string(outcome.rows) + " rows");
  if (!outcome.errors.empty()) {
    return AlsoValidateParsed(store, content, parsed.rows, std::move(outcome));
  }
  auto stored = store.StoredOrganizations();
  if (!stored.ok()) return stored.error();
  outcome.errors = core::ValidateOrganizations(parsed.rows, stored.value());
  if (!outcome.errors.empty() || stop == Stop::kBeforeWrite) return outcome;
  Report(progress, "validated; writing");
  auto written = store.UpsertOrganizations(Values(parsed.rows), actor);
  if (!written.ok()) return written.error();
  outcome.written = written.value();
  return outcome;
}

// Members and scores are checked against the stored organizations even when some rows failed
// to parse, so that one pass reports every bad row: a row that failed is left out, which can
// hide a duplicate of it but invent no error. (Organizations do the same in
// AlsoValidateParsed, with the codes of the rows that failed counted as known.)
template <typename T, typename ParseFn, typename ValidateFn, typename UpsertFn>
core::Result<ImportOutcome> ImportAgainstOrgs(storage::Store& store, std::string_view content,
                                              ParseFn parse, ValidateFn validate, UpsertFn upsert,
                                              const ProgressFn& progress, Stop stop) {
  auto parsed = parse(content);
  ImportOutcome outcome{parsed.rows.size(), std::move(parsed.errors), {}};
  Report(progress, "parsed " + std::to_string(outcome.rows) + " rows");
  if (!parsed.rows.empty()) {
    auto codes = store.OrganizationCodes();
    if (!codes.ok()) return codes.error();
    std::vector<core::LineError> invalid = validate(parsed.rows, codes.value());
    if (!invalid.empty()) {
      outcome.errors.insert(outcome.errors.end(), std::make_move_iterator(invalid.begin()),
                            std::make_move_iterator(invalid.end()));
      std::ranges::stable_sort(outcome.errors, {}, &core::LineError::line);
    }
  }
  if (!outcome.errors.empty() || stop == Stop::kBeforeWrite) return outcome;
  Report(progress, "validated; writing");
  std::vector<T> values = Values(parsed.rows);
  auto written = upsert(values);
  if (!written.ok()) return written.error();
  outcome.written = written.value();
  return outcome;
}

}  // namespace

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

namespace {

core::Result<ImportOutcome> Import(storage::Store& store, ImportKind kind, std::string_view content,
                                   const storage::Actor& actor, const ProgressFn& progress,
                                   Stop stop) {
  switch (kind) {
    case ImportKind::kOrganizations:
      return ImportOrganizations(store, content, actor, progress, stop);
    case ImportKind::kMembers:
      return ImportAgainstOrgs<core::Member>(
          store, content,
          [](std::string_view text) {
            return csv::ParseMembersCsv(text, core::CountyDate(core::DefaultClock().Now()));
          },
          core::ValidateMembers,
          [&](const std::vector<core::Member>& v) { return store.UpsertMembers(v, actor); },
          progress, stop);
    case ImportKind::kScores:
      return ImportAgainstOrgs<core::ScoreRecord>(
          store, content, csv::ParseScoresCsv, core::ValidateScores,
          [&](const std::vector<core::ScoreRecord>& v) { return store.UpsertScores(v, actor); },
          progress, stop);
  }
  return core::Error::Internal("unknown import kind");
}

}  // namespace

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
  return Import(store, kind, content, actor, progress, Stop::kAfterWrite);
}

core::Result<ImportOutcome> DryRunCsv(storage::Store& store, ImportKind kind,
                                      std::string_view content) {
  return Import(store, kind, content, storage::Actor{}, {}, Stop::kBeforeWrite);
}

}  // namespace grassroots::app
