#include "export/bulletin_xlsx.h"

#include <array>

#include "export/xlsx_table.h"

namespace grassroots::exporting {
namespace {

constexpr std::array<TableColumn, 2> kSummary = {{
    {"项目", ColumnKind::kText, 16},
    {"内容", ColumnKind::kText, 60},
}};

constexpr std::array<TableColumn, 11> kUnits = {{
    {"排名", ColumnKind::kInteger, 6},
    {"单位代码", ColumnKind::kCode, 14},
    {"单位", ColumnKind::kText, 30},
    {"事项总数", ColumnKind::kInteger, 10},
    {"本季度销号", ColumnKind::kInteger, 10},
    {"累计销号", ColumnKind::kInteger, 10},
    {"未销号", ColumnKind::kInteger, 8},
    {"到期事项", ColumnKind::kInteger, 10},
    {"到期已销号", ColumnKind::kInteger, 10},
    {"逾期事项", ColumnKind::kInteger, 10},
    {"整改进度(%)", ColumnKind::kNumber, 12, 2},
}};

constexpr std::array<TableColumn, 8> kOverdue = {{
    {"序号", ColumnKind::kInteger, 6},
    {"单位", ColumnKind::kText, 24},
    {"组织代码", ColumnKind::kCode, 14},
    {"党组织", ColumnKind::kText, 30},
    {"整改措施", ColumnKind::kText, 40},
    {"责任人", ColumnKind::kText, 12},
    {"完成时限", ColumnKind::kDate, 12},
    {"逾期天数", ColumnKind::kInteger, 10},
}};

constexpr std::array<TableColumn, 7> kFindings = {{
    {"序号", ColumnKind::kInteger, 6},
    {"单位代码", ColumnKind::kCode, 14},
    {"组织代码", ColumnKind::kCode, 14},
    {"党组织", ColumnKind::kText, 30},
    {"抽查日期", ColumnKind::kDate, 12},
    {"结果", ColumnKind::kText, 12},
    {"发现情况", ColumnKind::kText, 50},
}};

core::Status Pair(XlsxTable& out, std::string_view name, const Cell& value) {
  const std::array<Cell, 2> cells = {Cell::Text(name), value};
  return out.Row(cells);
}

core::Status SummarySheet(XlsxTable& out, const core::BulletinDocument& doc) {
  using S = core::BulletinDocument::Status;
  const core::UnitFigures& t = doc.figures.total;
  const std::string title = core::BulletinTitle(doc);
  const std::string quarter = core::FormatQuarter(doc.figures.quarter);
  const std::string status =
      doc.status == S::kIssued
          ? std::to_string(doc.figures.quarter.year) + "年第" + std::to_string(doc.number) + "期"
          : (doc.status == S::kPreview ? "预览稿（未签发）" : "草稿（未签发）");
  const std::string scope = doc.unit_name.empty() ? std::string("全县") : doc.unit_name;
  const std::pair<std::string_view, Cell> rows[] = {
      {"发文机关", Cell::Text(doc.office)},
      {"标题", Cell::Text(title)},
      {"季度", Cell::Text(quarter)},
      {"范围", Cell::Text(scope)},
      {"期号", Cell::Text(status)},
      {"统计截止日", Cell::Date(doc.figures.as_of)},
      {"事项总数", Cell::Number(t.items)},
      {"本季度销号", Cell::Number(t.closed_in_quarter)},
      {"累计销号", Cell::Number(t.closed)},
      {"未销号", Cell::Number(t.open)},
      {"到期事项", Cell::Number(t.due)},
      {"到期已销号", Cell::Number(t.due_closed)},
      {"逾期事项", Cell::Number(t.overdue)},
      {"签发人", Cell::Text(doc.issued_by)},
      {"签发时间", Cell::Text(doc.issued_at)},
      {"审计链头", Cell::Text(doc.audit_head)},
  };
  for (const auto& [name, value] : rows) {
    if (core::Status s = Pair(out, name, value); !s.ok()) return s;
  }
  return core::Status::Ok();
}

core::Status UnitsSheet(XlsxTable& out, const core::BulletinFigures& f) {
  for (const core::UnitFigures& u : f.units) {
    const std::array<Cell, kUnits.size()> cells = {
        u.rank ? Cell::Number(*u.rank) : Cell(),
        Cell::Text(u.unit_code),
        Cell::Text(u.unit_name),
        Cell::Number(u.items),
        Cell::Number(u.closed_in_quarter),
        Cell::Number(u.closed),
        Cell::Number(u.open),
        Cell::Number(u.due),
        Cell::Number(u.due_closed),
        Cell::Number(u.overdue),
        u.HasProgress() ? Cell::Number(u.ProgressBasisPoints() / 100.0) : Cell(),
    };
    if (core::Status s = out.Row(cells); !s.ok()) return s;
  }
  return core::Status::Ok();
}

core::Status OverdueSheet(XlsxTable& out, const core::BulletinFigures& f) {
  int n = 0;
  for (const core::OverdueItem& o : f.overdue) {
    const std::array<Cell, kOverdue.size()> cells = {
        Cell::Number(++n),      Cell::Text(o.unit_name),      Cell::Text(o.org_code),
        Cell::Text(o.org_name), Cell::Text(o.measure),        Cell::Text(o.responsible),
        Cell::Date(o.deadline), Cell::Number(o.overdue_days),
    };
    if (core::Status s = out.Row(cells); !s.ok()) return s;
  }
  return core::Status::Ok();
}

core::Status FindingsSheet(XlsxTable& out, const core::BulletinDocument& doc) {
  int n = 0;
  for (const core::BulletinFinding& x : doc.findings) {
    const std::array<Cell, kFindings.size()> cells = {
        Cell::Number(++n),      Cell::Text(x.unit_code),
        Cell::Text(x.org_code), Cell::Text(x.org_name),
        Cell::Date(x.on),       Cell::Text(x.problem ? "发现问题" : "未发现问题"),
        Cell::Text(x.text),
    };
    if (core::Status s = out.Row(cells); !s.ok()) return s;
  }
  return core::Status::Ok();
}

}  // namespace

core::Status WriteBulletinXlsx(const core::BulletinDocument& doc, const std::string& path,
                               const std::string& temp_dir) {
  XlsxTable out(path, std::string(kBulletinSheets[0]), temp_dir);
  out.SetPrintFooter(core::FormatQuarter(doc.figures.quarter));
  if (core::Status s = out.Begin(kSummary); !s.ok()) return s;
  if (core::Status s = SummarySheet(out, doc); !s.ok()) return s;
  if (core::Status s = out.NextSheet(std::string(kBulletinSheets[1]), kUnits); !s.ok()) return s;
  if (core::Status s = UnitsSheet(out, doc.figures); !s.ok()) return s;
  if (core::Status s = out.NextSheet(std::string(kBulletinSheets[2]), kOverdue); !s.ok()) return s;
  if (core::Status s = OverdueSheet(out, doc.figures); !s.ok()) return s;
  if (core::Status s = out.NextSheet(std::string(kBulletinSheets[3]), kFindings); !s.ok()) return s;
  if (core::Status s = FindingsSheet(out, doc); !s.ok()) return s;
  return out.Finish();
}

}  // namespace grassroots::exporting
