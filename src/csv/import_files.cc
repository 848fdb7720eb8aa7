#include "csv/import_files.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "csv/csv_scanner.h"
#include "csv/field_values.h"
#include "csv/row_reader.h"

namespace grassroots::csv {
namespace {

// What each vocabulary accepts, as told to a person who got it wrong: the API names and
// the Chinese names of SPEC.md §7 (core accepts a few more synonyms, listed nowhere).
constexpr std::string_view kTypeNames =
    "village, community, soe, nonpublic, agency, institution or 农村, 行政村, 社区, 国企, 非公, "
    "机关, 事业单位";
constexpr std::string_view kKindNames = "committee, general_branch, branch or 党委, 党总支, 党支部";
constexpr std::string_view kStatusNames =
    "regular, mobile, lost_contact, pocket, retired or 正式党员, 流动党员, 失联党员, 口袋党员, "
    "退休党员";
constexpr std::string_view kGradeNames = "A, B, C, D or 优秀, 良好, 一般, 较差";

constexpr long long kMinYear = 1900;
constexpr long long kMaxYear = 2200;

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

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The value of a column that must not be empty.
std::string Required(RowReader& row, std::size_t column) {
  const std::string_view value = row[column];
  if (value.empty()) row.Fail(column, std::string(row.name(column)) + " is empty");
  return std::string(value);
}

// The value of a column holding one of a vocabulary's names; `parse` is core's parser.
template <typename T>
T Vocabulary(RowReader& row, std::size_t column, std::optional<T> (*parse)(std::string_view),
             std::string_view expected) {
  const std::string_view text = row[column];
  if (const std::optional<T> value = parse(text)) return *value;
  const std::string name(row.name(column));
  const std::string problem =
      text.empty() ? name + " is empty" : "unknown " + name + " " + Quoted(text);
  row.Fail(column, problem + " (expected " + std::string(expected) + ")");
  return T{};
}

core::Organization ReadOrganization(RowReader& row) {
  core::Organization org;
  org.code = Required(row, orgs::kCode);
  org.name = Required(row, orgs::kName);
  org.type = Vocabulary(row, orgs::kType, core::ParseOrgType, kTypeNames);
  org.kind = Vocabulary(row, orgs::kKind, core::ParseOrgKind, kKindNames);
  org.parent = row[orgs::kParent];
  org.secretary = row[orgs::kSecretary];
  org.unit = row[orgs::kUnit];
  if (!org.code.empty() && org.code == org.parent) {
    row.Fail(orgs::kParent, "organization " + Quoted(org.code) + " cannot be its own parent");
  }
  return org;
}

core::Member ReadMember(RowReader& row) {
  core::Member member;
  member.id = Required(row, members::kId);
  member.name = Required(row, members::kName);
  member.org = Required(row, members::kOrg);
  member.status = Vocabulary(row, members::kStatus, core::ParseMemberStatus, kStatusNames);
  member.joined = row[members::kJoined];
  if (!member.joined.empty() && !IsCalendarDate(member.joined)) {
    row.Fail(members::kJoined,
             "joined: " + Quoted(member.joined) + " is not a date (expected YYYY-MM-DD)");
  }
  return member;
}

int ReadYear(RowReader& row) {
  const std::string_view text = row[scores::kYear];
  const std::optional<long long> year = ParseWholeNumber(text);
  if (!year) {
    row.Fail(scores::kYear, "year: " + Quoted(text) + " is not a whole number");
  } else if (*year < kMinYear || *year > kMaxYear) {
    row.Fail(scores::kYear, "year: " + std::string(text) + " is outside [" +
                                std::to_string(kMinYear) + ", " + std::to_string(kMaxYear) + "]");
  } else {
    return static_cast<int>(*year);
  }
  return 0;
}

double ReadScore(RowReader& row, std::size_t column) {
  const std::string_view text = row[column];
  const std::string name(row.name(column));
  const std::optional<double> value = ParseDecimal(text);
  if (!value) {
    row.Fail(column,
             text.empty() ? name + " is empty" : name + ": " + Quoted(text) + " is not a number");
    return 0;
  }
  if (*value < core::kMinScore || *value > core::kMaxScore) {
    row.Fail(column, name + ": " + std::string(text) + " is outside [0, 100]");
  }
  return *value;
}

// A committee grade overrides the computed one, so it must say why (SPEC.md §7); a reason
// alone would be silently dropped, so it is refused too.
void ReadCommitteeGrade(RowReader& row, core::ScoreRecord& score) {
  const std::string_view grade = row[scores::kGrade];
  score.reason = row[scores::kReason];
  if (grade.empty()) {
    if (!score.reason.empty()) row.Fail(scores::kGrade, "reason given without a grade");
    return;
  }
  score.committee_grade = core::ParseGrade(grade);
  if (!score.committee_grade) {
    row.Fail(scores::kGrade,
             "unknown grade " + Quoted(grade) + " (expected " + std::string(kGradeNames) + ")");
  } else if (score.reason.empty()) {
    row.Fail(scores::kReason, "grade " + Quoted(grade) + " needs a reason");
  }
}

core::ScoreRecord ReadScoreRecord(RowReader& row) {
  core::ScoreRecord score;
  score.code = Required(row, scores::kCode);
  score.year = ReadYear(row);
  for (std::size_t i = 0; i < score.dimensions.size(); ++i) {
    score.dimensions[i] = ReadScore(row, scores::kFirstDimension + i);
  }
  ReadCommitteeGrade(row, score);
  return score;
}

// Reads every row with `read`, keeping the rows that raised no error.
template <typename T>
Parsed<T> ParseRows(std::string_view content, std::span<const Column> columns,
                    T (*read)(RowReader&)) {
  Parsed<T> parsed;
  RowReader row(content, columns, parsed.errors);
  parsed.rows.reserve(EstimateRecords(content));
  while (row.Next()) {
    T value = read(row);
    if (!row.failed()) parsed.rows.push_back({row.line(), std::move(value)});
  }
  // Already in line order as read; kept as a guarantee rather than an accident.
  std::ranges::stable_sort(parsed.errors, {}, &core::LineError::line);
  return parsed;
}

}  // namespace

Parsed<core::Organization> ParseOrganizationsCsv(std::string_view content) {
  return ParseRows(content, orgs::kColumns, ReadOrganization);
}

Parsed<core::Member> ParseMembersCsv(std::string_view content) {
  return ParseRows(content, members::kColumns, ReadMember);
}

Parsed<core::ScoreRecord> ParseScoresCsv(std::string_view content) {
  return ParseRows(content, scores::kColumns, ReadScoreRecord);
}

}  // namespace grassroots::csv
