#include "app/list_export.h"

#include <array>
#include <string>
#include <vector>

#include "app/audit_trail.h"
#include "app/ledger_service.h"
#include "core/assessment.h"
#include "core/file_columns.h"
#include "storage/assessment_records.h"
#include "storage/organization_subject.h"
#include "storage/score_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using exporting::Cell;
using exporting::ColumnKind;
using exporting::TableColumn;

// Rows read from the store at a time: its largest page.
constexpr std::int64_t kPage = 1000;

// Reads a paged list to its end: `read(offset)` answers one page's items.
template <typename T, typename Read, typename Write>
core::Status EachPage(Read read, Write write) {
  for (std::int64_t offset = 0;; offset += kPage) {
    core::Result<std::vector<T>> items = read(offset);
    if (!items.ok()) return items.error();
    for (const T& item : items.value()) {
      if (core::Status written = write(item); !written.ok()) return written;
    }
    if (static_cast<std::int64_t>(items.value().size()) < kPage) return core::Status::Ok();
  }
}

// The names of the organizations in scope, walked in code order beside a list that is also in
// code order (a merge join): the scores and assessment rows carry no names.
class NameCursor {
 public:
  NameCursor(storage::Store& store, const storage::OrgFilter& list_filter) : store_(store) {
    scope_.within = list_filter.within;
    scope_.only = list_filter.only;
    scope_.restrict_to_scope = list_filter.restrict_to_scope;
    scope_.limit = kPage;
  }

  // The name of `code`, which must not sort before the code asked for last; empty when unknown.
  core::Result<std::string> NameOf(const std::string& code) {
    for (;;) {
      while (next_ < page_.size() && page_[next_].first < code) ++next_;
      if (next_ < page_.size()) return page_[next_].first == code ? page_[next_].second : "";
      if (done_) return std::string();
      if (core::Status read = ReadPage(); !read.ok()) return read.error();
    }
  }

 private:
  core::Status ReadPage() {
    page_.clear();
    next_ = 0;
    auto total = storage::ReadValue(store_, [&](storage::Tx& t) {
      return storage::OrganizationRecords(t).Visit(scope_, [&](const storage::OrgRowView& org) {
        page_.emplace_back(std::string(org.code), std::string(org.name));
      });
    });
    if (!total.ok()) return total.error();
    scope_.offset += kPage;
    done_ = static_cast<std::int64_t>(page_.size()) < kPage;
    return core::Status::Ok();
  }

  storage::Store& store_;
  storage::OrgFilter scope_;
  std::vector<std::pair<std::string, std::string>> page_;
  std::size_t next_ = 0;
  bool done_ = false;
};

Cell TextOrEmpty(std::string_view text) { return text.empty() ? Cell() : Cell::Text(text); }

// The Chinese label of a stored vocabulary value; the value itself when unknown.
template <typename T>
std::string_view Label(std::string_view stored, std::optional<T> (*parse)(std::string_view)) {
  const std::optional<T> value = parse(stored);
  return value ? core::ChineseLabel(*value) : stored;
}

std::string_view YesNo(bool value) { return value ? "是" : "否"; }

// Why an organization was selected, in the words of the assessment page.
std::string ReasonsText(std::uint8_t reasons) {
  constexpr std::pair<core::Reason, std::string_view> kWords[] = {
      {core::kReasonBottomQuota, "倒序排名在比例内"},
      {core::kReasonGradeD, "评为较差（D）"},
      {core::kReasonManual, "委员会人工确定"}};
  std::string text;
  for (const auto& [bit, words] : kWords) {
    if ((reasons & bit) == 0) continue;
    if (!text.empty()) text += "、";
    text += words;
  }
  return text;
}

// A stored "2016-05-01T04:00:00Z" as the county's local time (UTC+8); the date alone, at
// midnight, when the text has no time.
std::optional<exporting::LocalDateTime> CountyTime(std::string_view utc) {
  const std::optional<core::CivilDate> day = core::ParseIsoDate(utc.substr(0, 10));
  if (!day) return std::nullopt;
  int seconds = 0;
  if (utc.size() >= 19 && utc[10] == 'T') {
    const auto digits = [&](std::size_t at) { return (utc[at] - '0') * 10 + (utc[at + 1] - '0'); };
    seconds = digits(11) * 3600 + digits(14) * 60 + digits(17);
  }
  constexpr std::int64_t kCountyOffset = 8 * 3600;
  const std::int64_t at = core::DaysFromCivil(*day) * 86400 + seconds + kCountyOffset;
  const std::int64_t days = at >= 0 ? at / 86400 : (at - 86399) / 86400;
  return exporting::LocalDateTime{core::CivilFromDays(days), static_cast<int>(at - days * 86400)};
}

}  // namespace

std::string_view ToString(ExportList list) {
  switch (list) {
    case ExportList::kOrganizations:
      return "organizations";
    case ExportList::kScores:
      return "scores";
    case ExportList::kAssessment:
      return "assessment";
    case ExportList::kAudit:
      return "audit";
    case ExportList::kLedger:
      return "ledger";
    case ExportList::kPartyLife:
      return "meetings";
    case ExportList::kStandardBranches:
      return "standardized-branches";
  }
  return "";
}

std::optional<ExportList> ParseExportList(std::string_view text) {
  for (ExportList list : {ExportList::kOrganizations, ExportList::kScores, ExportList::kAssessment,
                          ExportList::kAudit, ExportList::kLedger, ExportList::kPartyLife,
                          ExportList::kStandardBranches}) {
    if (text == ToString(list)) return list;
  }
  return std::nullopt;
}

std::string ExportTitle(ExportList list, int year) {
  switch (list) {
    case ExportList::kOrganizations:
      return "组织";
    case ExportList::kScores:
      return std::to_string(year) + "年评分";
    case ExportList::kAssessment:
      return std::to_string(year) + "年评定结果";
    case ExportList::kAudit:
      return "审计日志";
    case ExportList::kLedger:
      return LedgerTitle(year);
    case ExportList::kPartyLife:
      return std::to_string(year) + "年三会一课";
    case ExportList::kStandardBranches:
      return year > 0 ? std::to_string(year) + "年标准化党支部" : "标准化党支部";
  }
  return "";
}

core::Status ExportOrganizations(storage::Store& store, storage::OrgFilter filter,
                                 exporting::TableWriter& out) {
  constexpr auto& c = core::kOrganizationFileColumns;
  const TableColumn columns[] = {
      {c[0].label, ColumnKind::kCode, 14}, {c[1].label, ColumnKind::kText, 32},
      {c[2].label, ColumnKind::kText, 10}, {c[3].label, ColumnKind::kText, 10},
      {c[4].label, ColumnKind::kCode, 14}, {c[5].label, ColumnKind::kText, 10},
      {c[6].label, ColumnKind::kCode, 12}};
  if (core::Status begun = out.Begin(columns); !begun.ok()) return begun;
  filter.limit = kPage;
  for (filter.offset = 0;; filter.offset += kPage) {
    core::Status written;
    std::int64_t rows = 0;
    auto total = storage::ReadValue(store, [&](storage::Tx& t) {
      return storage::OrganizationRecords(t).Visit(filter, [&](const storage::OrgRowView& org) {
        ++rows;
        if (!written.ok()) return;
        const Cell cells[] = {Cell::Text(org.code),
                              Cell::Text(org.name),
                              Cell::Text(Label(org.type, core::ParseOrgType)),
                              Cell::Text(Label(org.kind, core::ParseOrgKind)),
                              TextOrEmpty(org.parent),
                              TextOrEmpty(org.secretary),
                              TextOrEmpty(org.unit)};
        written = out.Row(cells);
      });
    });
    if (!total.ok()) return total.error();
    if (!written.ok()) return written;
    if (rows < kPage) break;
  }
  return out.Finish();
}

core::Status ExportScores(storage::Store& store, int year, storage::OrgFilter filter,
                          exporting::TableWriter& out) {
  constexpr auto& c = core::kScoreFileColumns;
  std::vector<TableColumn> columns = {{c[0].label, ColumnKind::kCode, 14},
                                      {"名称", ColumnKind::kText, 32},
                                      {c[1].label, ColumnKind::kInteger, 8}};
  for (int d = 0; d < core::kDimensionCount; ++d) {
    columns.push_back({c[2 + d].label, ColumnKind::kNumber, 10, 1});
  }
  columns.push_back({c[8].label, ColumnKind::kText, 6});
  columns.push_back({c[9].label, ColumnKind::kText, 40});
  if (core::Status begun = out.Begin(columns); !begun.ok()) return begun;
  NameCursor names(store, filter);
  filter.limit = kPage;
  core::Status listed = EachPage<core::ScoreRecord>(
      [&](std::int64_t offset) -> core::Result<std::vector<core::ScoreRecord>> {
        filter.offset = offset;
        auto page = storage::ReadValue(
            store, [&](storage::Tx& t) { return storage::ScoreRecords(t).List(year, filter); });
        if (!page.ok()) return page.error();
        return std::move(page.value().items);
      },
      [&](const core::ScoreRecord& score) -> core::Status {
        auto name = names.NameOf(score.code);
        if (!name.ok()) return name.error();
        std::vector<Cell> cells = {Cell::Text(score.code), TextOrEmpty(name.value()),
                                   Cell::Number(score.year)};
        for (double dimension : score.dimensions) cells.push_back(Cell::Number(dimension));
        cells.push_back(score.committee_grade ? Cell::Text(core::ToString(*score.committee_grade))
                                              : Cell());
        cells.push_back(TextOrEmpty(score.reason));
        return out.Row(cells);
      });
  if (!listed.ok()) return listed;
  return out.Finish();
}

core::Status ExportAssessment(storage::Store& store, int year, storage::OrgFilter filter,
                              exporting::TableWriter& out) {
  const TableColumn columns[] = {
      {"代码", ColumnKind::kCode, 14},          {"名称", ColumnKind::kText, 32},
      {"类型", ColumnKind::kText, 10},          {"考核单位", ColumnKind::kCode, 12},
      {"综合得分", ColumnKind::kNumber, 10, 2}, {"等次", ColumnKind::kText, 6},
      {"倒序名次", ColumnKind::kInteger, 10},   {"列为整顿对象", ColumnKind::kText, 12},
      {"原因", ColumnKind::kText, 30},          {"连续两年", ColumnKind::kText, 10}};
  if (core::Status begun = out.Begin(columns); !begun.ok()) return begun;
  NameCursor names(store, filter);
  filter.limit = kPage;
  core::Status listed = EachPage<storage::AssessmentRow>(
      [&](std::int64_t offset) -> core::Result<std::vector<storage::AssessmentRow>> {
        filter.offset = offset;
        auto page = storage::ReadValue(store, [&](storage::Tx& tx) {
          return storage::AssessmentRecords(tx).Rows(year, filter);
        });
        if (!page.ok()) return page.error();
        return std::move(page.value().items);
      },
      [&](const storage::AssessmentRow& row) -> core::Status {
        auto name = names.NameOf(row.code);
        if (!name.ok()) return name.error();
        const std::string reasons = ReasonsText(row.reasons);
        const bool scored = row.score_cents && *row.score_cents >= 0;
        const Cell cells[] = {Cell::Text(row.code),
                              TextOrEmpty(name.value()),
                              Cell::Text(Label(row.type, core::ParseOrgType)),
                              TextOrEmpty(row.unit),
                              scored ? Cell::Number(*row.score_cents / 100.0) : Cell(),
                              row.grade ? Cell::Text(*row.grade) : Cell(),
                              row.rank ? Cell::Number(*row.rank) : Cell(),
                              Cell::Text(YesNo(row.selected)),
                              TextOrEmpty(reasons),
                              Cell::Text(YesNo(row.consecutive))};
        return out.Row(cells);
      });
  if (!listed.ok()) return listed;
  return out.Finish();
}

core::Status ExportAudit(storage::Store& store, exporting::TableWriter& out) {
  const TableColumn columns[] = {
      {"编号", ColumnKind::kInteger, 8}, {"时间（北京时间）", ColumnKind::kDateTime, 20},
      {"操作人", ColumnKind::kText, 14}, {"来源地址", ColumnKind::kText, 16},
      {"操作", ColumnKind::kText, 20},   {"对象", ColumnKind::kText, 24},
      {"修改前", ColumnKind::kText, 40}, {"修改后", ColumnKind::kText, 40},
      {"哈希", ColumnKind::kCode, 20}};
  if (core::Status begun = out.Begin(columns); !begun.ok()) return begun;
  core::Status listed = EachPage<storage::AuditRecord>(
      [&](std::int64_t offset) -> core::Result<std::vector<storage::AuditRecord>> {
        auto page = ListAudit(store, offset, kPage);
        if (!page.ok()) return page.error();
        return std::move(page.value().items);
      },
      [&](const storage::AuditRecord& entry) -> core::Status {
        const std::optional<exporting::LocalDateTime> at = CountyTime(entry.at);
        const Cell cells[] = {Cell::Number(static_cast<double>(entry.id)),
                              at ? Cell::DateTime(*at) : TextOrEmpty(entry.at),
                              TextOrEmpty(entry.actor),
                              TextOrEmpty(entry.origin),
                              TextOrEmpty(entry.action),
                              TextOrEmpty(entry.entity),
                              TextOrEmpty(entry.before_json),
                              TextOrEmpty(entry.after_json),
                              TextOrEmpty(entry.hash)};
        return out.Row(cells);
      });
  if (!listed.ok()) return listed;
  return out.Finish();
}

}  // namespace grassroots::app
