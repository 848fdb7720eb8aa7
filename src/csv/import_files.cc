#include "csv/import_files.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "core/field_rules.h"
#include "core/organization_rules.h"
#include "core/score_rules.h"
#include "core/text.h"
#include "csv/csv_scanner.h"
#include "csv/field_values.h"
#include "csv/row_reader.h"

namespace grassroots::csv {
namespace {

// The columns are core's tables (core/file_columns.h); the enums index them.
namespace orgs {
enum : std::size_t { kCode, kName, kType, kKind, kParent, kSecretary, kUnit };
constexpr std::span<const Column> kColumns = core::kOrganizationFileColumns;
static_assert(core::kOrganizationFileColumns[kUnit].name == "unit");
}  // namespace orgs

namespace members {
enum : std::size_t { kId, kName, kOrg, kStatus, kJoined };
constexpr std::span<const Column> kColumns = core::kMemberFileColumns;
static_assert(core::kMemberFileColumns[kJoined].name == "joined");
}  // namespace members

namespace scores {
enum : std::size_t { kCode, kYear, kFirstDimension, kGrade = kFirstDimension + 6, kReason };
constexpr std::span<const Column> kColumns = core::kScoreFileColumns;
static_assert(kGrade - kFirstDimension == core::kDimensionCount);
static_assert(core::kScoreFileColumns[kFirstDimension].name == core::kDimensionKeys[0]);
static_assert(core::kScoreFileColumns[kReason].name == "reason");
}  // namespace scores

// The value of a vocabulary column (read by core), or T{} after reporting why not.
template <typename T>
T Vocabulary(RowReader& row, core::Result<T> read) {
  if (read.ok()) return read.value();
  row.Report(read.error());
  return T{};
}

void ReportAll(RowReader& row, const std::vector<core::Error>& errors) {
  for (const core::Error& error : errors) row.Report(error);
}

// Columns are read as text here; what each value may be is core's (organization_rules.h,
// score_rules.h), as for every other way in.
core::Organization ReadOrganization(RowReader& row) {
  core::Organization org;
  org.code = row[orgs::kCode];
  org.name = row[orgs::kName];
  org.type = Vocabulary(row, core::ReadOrgType(row[orgs::kType]));
  org.kind = Vocabulary(row, core::ReadOrgKind(row[orgs::kKind]));
  org.parent = row[orgs::kParent];
  org.secretary = row[orgs::kSecretary];
  org.unit = row[orgs::kUnit];
  ReportAll(row, core::CheckOrganization(org));
  return org;
}

core::Member ReadMember(RowReader& row, const core::CivilDate& today) {
  core::Member member;
  member.id = row[members::kId];
  member.name = row[members::kName];
  member.org = row[members::kOrg];
  member.status = Vocabulary(row, core::ReadMemberStatus(row[members::kStatus]));
  member.joined = row[members::kJoined];
  ReportAll(row, core::CheckMember(member, today));
  return member;
}

// A whole number in the year column; its range is core's.
int ReadYear(RowReader& row) {
  const std::string_view text = row[scores::kYear];
  const std::optional<long long> year = ParseWholeNumber(text);
  if (!year) {
    row.Fail(scores::kYear, "year: " + core::Quoted(text) + " is not a whole number",
             "not_a_whole_number", {{"value", core::Excerpt(text)}});
    return 0;
  }
  if (const core::Status range = core::CheckYear("year", *year); !range.ok()) {
    row.Report(range.error());
    return 0;
  }
  return static_cast<int>(*year);
}

// A plain decimal in a dimension's column; its range is core's.
double ReadScore(RowReader& row, std::size_t column) {
  const std::string_view text = row[column];
  const std::string name(row.name(column));
  const std::optional<double> value = ParseDecimal(text);
  if (value) return *value;
  if (text.empty()) {
    row.Fail(column, name + " is empty", "empty");
  } else {
    row.Fail(column, name + ": " + core::Quoted(text) + " is not a number", "not_a_number",
             {{"value", core::Excerpt(text)}});
  }
  return 0;
}

core::ScoreRecord ReadScoreRecord(RowReader& row) {
  core::ScoreRecord score;
  score.code = row[scores::kCode];
  score.year = ReadYear(row);
  for (std::size_t i = 0; i < score.dimensions.size(); ++i) {
    score.dimensions[i] = ReadScore(row, scores::kFirstDimension + i);
  }
  // An empty grade cell is no grade; the reason is checked with it by core.
  if (const std::string_view grade = row[scores::kGrade]; !grade.empty()) {
    if (auto read = core::ReadGrade(grade); read.ok()) {
      score.committee_grade = read.value();
    } else {
      row.Report(read.error());
    }
  }
  score.reason = row[scores::kReason];
  ReportAll(row, core::CheckScore(score));
  return score;
}

// Reads every row with `read` and hands it to `fn`.
template <typename T, typename Read>
void StreamRows(std::string_view content, std::span<const Column> columns,
                std::vector<core::LineError>& errors, Read read, const RowFn<T>& fn) {
  RowReader row(content, columns, errors);
  StreamedRow<T> streamed;
  while (row.Next()) {
    streamed.value = read(row);
    streamed.line = row.line();
    streamed.failed = row.failed();
    streamed.offset = row.offset();
    fn(streamed);
  }
  // Already in line order as read; kept as a guarantee rather than an accident.
  std::ranges::stable_sort(errors, {}, &core::LineError::line);
}

// Reads every row with `read`, keeping the rows that raised no error.
template <typename T, typename Read>
Parsed<T> ParseRows(std::string_view content, std::span<const Column> columns, Read read) {
  Parsed<T> parsed;
  parsed.rows.reserve(EstimateRecords(content));
  StreamRows<T>(content, columns, parsed.errors, read, [&](StreamedRow<T>& row) {
    if (!row.failed) parsed.rows.push_back({row.line, std::move(row.value)});
  });
  return parsed;
}

}  // namespace

Parsed<core::Organization> ParseOrganizationsCsv(std::string_view content) {
  return ParseRows<core::Organization>(content, orgs::kColumns, ReadOrganization);
}

Parsed<core::Member> ParseMembersCsv(std::string_view content, const core::CivilDate& today) {
  return ParseRows<core::Member>(content, members::kColumns,
                                 [&today](RowReader& row) { return ReadMember(row, today); });
}

Parsed<core::ScoreRecord> ParseScoresCsv(std::string_view content) {
  return ParseRows<core::ScoreRecord>(content, scores::kColumns, ReadScoreRecord);
}

void StreamOrganizationsCsv(std::string_view content, std::vector<core::LineError>& errors,
                            const RowFn<core::Organization>& fn) {
  StreamRows<core::Organization>(content, orgs::kColumns, errors, ReadOrganization, fn);
}

void StreamMembersCsv(std::string_view content, const core::CivilDate& today,
                      std::vector<core::LineError>& errors, const RowFn<core::Member>& fn) {
  StreamRows<core::Member>(
      content, members::kColumns, errors,
      [&today](RowReader& row) { return ReadMember(row, today); }, fn);
}

void StreamScoresCsv(std::string_view content, std::vector<core::LineError>& errors,
                     const RowFn<core::ScoreRecord>& fn) {
  StreamRows<core::ScoreRecord>(content, scores::kColumns, errors, ReadScoreRecord, fn);
}

}  // namespace grassroots::csv
