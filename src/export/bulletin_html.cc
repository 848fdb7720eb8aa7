#include "export/bulletin_html.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace grassroots::exporting {
namespace {

void Escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

std::string Esc(std::string_view text) {
  std::string out;
  Escaped(out, text);
  return out;
}

std::string Percent(const core::UnitFigures& u) {
  if (!u.HasProgress()) return "—";
  const int bp = u.ProgressBasisPoints();
  char text[16];
  std::snprintf(text, sizeof text, "%d.%d%%", bp / 100, (bp % 100) / 10);
  return text;
}

constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 25mm 20mm 22mm 22mm; }
* { box-sizing: border-box; }
body { font-family: "Source Han Serif SC", "Noto Serif CJK SC", "Source Han Sans SC",
  "Noto Sans CJK SC", "WenQuanYi Micro Hei", SimSun, "Songti SC", serif; font-size: 12pt;
  line-height: 1.75; color: #000; margin: 0 auto; max-width: 170mm; }
.redhead { text-align: center; color: #c00; font-size: 24pt; font-weight: bold;
  letter-spacing: 0.15em; margin: 0 0 6mm; font-family: "Source Han Sans SC", "Noto Sans CJK SC",
  "WenQuanYi Micro Hei", SimHei, sans-serif; }
.issue { display: flex; justify-content: space-between; font-size: 12pt; }
.rule { border: 0; border-top: 2px solid #c00; margin: 2mm 0 8mm; }
h1 { text-align: center; font-size: 18pt; line-height: 1.5; margin: 0 0 6mm;
  font-family: "Source Han Sans SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", SimHei, sans-serif; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid;
  font-family: "Source Han Sans SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", SimHei, sans-serif; }
p { text-indent: 2em; margin: 0 0 2mm; }
.draft { color: #c00; border: 2px solid #c00; padding: 1mm 4mm; font-weight: bold; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; line-height: 1.4; margin: 2mm 0 4mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; text-align: center; }
td { white-space: nowrap; }
td.text { text-align: left; white-space: normal; }
figure { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { text-align: center; font-size: 10pt; }
.notes { font-size: 10pt; border-top: 1px solid #000; margin-top: 8mm; padding-top: 2mm; }
.notes p { text-indent: 0; }
.signature { text-align: right; margin-top: 10mm; }
)";

// Horizontal bars of each unit's progress, 0..100%.
void ProgressChart(std::string& out, const core::BulletinFigures& f) {
  const int rows = static_cast<int>(f.units.size());
  if (rows == 0) return;
  const int row_h = 18, left = 150, width = 600, bar_w = 380;
  const int height = rows * row_h + 30;
  out +=
      "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 "
      "0 ";
  out += std::to_string(width) + " " + std::to_string(height) +
         "\" font-size=\"11\" font-family=\"sans-serif\">";
  for (int pct : {0, 50, 100}) {
    const int x = left + bar_w * pct / 100;
    out += "<line x1=\"" + std::to_string(x) + "\" y1=\"0\" x2=\"" + std::to_string(x) +
           "\" y2=\"" + std::to_string(rows * row_h) + "\" stroke=\"#bbb\"/>";
    out += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(rows * row_h + 14) +
           "\" text-anchor=\"middle\">" + std::to_string(pct) + "%</text>";
  }
  for (int i = 0; i < rows; ++i) {
    const core::UnitFigures& u = f.units[static_cast<std::size_t>(i)];
    const int y = i * row_h;
    const int w = bar_w * u.ProgressBasisPoints() / 10000;
    out += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(y + 13) +
           "\" text-anchor=\"end\">" + Esc(u.unit_name) + "</text>";
    out += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
           std::to_string(w) + "\" height=\"12\" fill=\"#c00\"/>";
    out += "<text x=\"" + std::to_string(left + w + 4) + "\" y=\"" + std::to_string(y + 13) +
           "\">" + Percent(u) + "</text>";
  }
  out += "</svg><figcaption>图1 各单位整改进度（到期事项销号率）</figcaption></figure>";
}

// Stacked bars per unit: closed, open not overdue, overdue.
void StateChart(std::string& out, const core::BulletinFigures& f) {
  const int rows = static_cast<int>(f.units.size());
  if (rows == 0) return;
  int most = 1;
  for (const core::UnitFigures& u : f.units) most = std::max(most, u.items);
  const int row_h = 18, left = 150, width = 600, bar_w = 380;
  const int height = rows * row_h + 30;
  out +=
      "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 "
      "0 ";
  out += std::to_string(width) + " " + std::to_string(height) +
         "\" font-size=\"11\" font-family=\"sans-serif\">";
  for (int i = 0; i < rows; ++i) {
    const core::UnitFigures& u = f.units[static_cast<std::size_t>(i)];
    const int y = i * row_h;
    out += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(y + 13) +
           "\" text-anchor=\"end\">" + Esc(u.unit_name) + "</text>";
    const int parts[3] = {u.closed, u.open - u.overdue, u.overdue};
    const char* colours[3] = {"#2e7d32", "#9e9e9e", "#c00"};
    int x = left;
    for (int k = 0; k < 3; ++k) {
      const int w = bar_w * parts[k] / most;
      out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
             std::to_string(w) + "\" height=\"12\" fill=\"" + colours[k] + "\"/>";
      x += w;
    }
    out += "<text x=\"" + std::to_string(x + 4) + "\" y=\"" + std::to_string(y + 13) + "\">" +
           std::to_string(u.closed) + "/" + std::to_string(u.open - u.overdue) + "/" +
           std::to_string(u.overdue) + "</text>";
  }
  const int ly = rows * row_h + 14;
  const char* labels[3] = {"已销号", "未到期未销号", "逾期"};
  const char* colours[3] = {"#2e7d32", "#9e9e9e", "#c00"};
  for (int k = 0; k < 3; ++k) {
    const int x = left + k * 120;
    out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(ly - 9) +
           "\" width=\"10\" height=\"10\" fill=\"" + colours[k] + "\"/><text x=\"" +
           std::to_string(x + 14) + "\" y=\"" + std::to_string(ly) + "\">" + labels[k] + "</text>";
  }
  out += "</svg><figcaption>图2 各单位整改事项状态（已销号/未到期/逾期）</figcaption></figure>";
}

void Header(std::string& out, const core::BulletinDocument& doc) {
  const bool issued = doc.status == core::BulletinDocument::Status::kIssued;
  out += "<div class=\"redhead\">" + Esc(doc.office) + "</div>";
  out += "<div class=\"issue\"><span>";
  if (issued) {
    out += std::to_string(doc.figures.quarter.year) + "年第" + std::to_string(doc.number) + "期";
  } else {
    out += "<span class=\"draft\">" +
           std::string(doc.status == core::BulletinDocument::Status::kPreview
                           ? "预览稿（季度未结束，未签发）"
                           : "草稿（未签发）") +
           "</span>";
  }
  out += "</span><span>";
  if (issued) {
    const auto at = core::ParseIsoInstant(doc.issued_at);
    if (at) out += ChineseDate(core::CountyDate(*at));
  }
  out += "</span></div><hr class=\"rule\">";
  out += "<h1>" + Esc(core::BulletinTitle(doc)) + "</h1>";
}

void Summary(std::string& out, const core::BulletinDocument& doc) {
  const core::BulletinFigures& f = doc.figures;
  const core::UnitFigures& t = f.total;
  out += "<h2>一、总体情况</h2><p>截至" + ChineseDate(f.as_of) + "，" +
         (doc.unit_name.empty() ? std::string("全县") : Esc(doc.unit_name)) +
         "软弱涣散基层党组织整改事项共" + std::to_string(t.items) + "项，本季度销号" +
         std::to_string(t.closed_in_quarter) + "项，累计销号" + std::to_string(t.closed) +
         "项，尚未销号" + std::to_string(t.open) + "项；到期事项" + std::to_string(t.due) +
         "项，其中按期销号" + std::to_string(t.due_closed) + "项，逾期未销号" +
         std::to_string(t.overdue) + "项，整改进度" + Percent(t) + "。</p>";
}

void UnitTable(std::string& out, const core::BulletinFigures& f) {
  out += "<h2>二、各单位整改进展及排名</h2>";
  if (f.units.empty()) {
    out += "<p>本季度无整改事项。</p>";
    return;
  }
  out +=
      "<table><thead><tr><th>排名</th><th>单位</th><th>事项总数</th><th>本季度销号</th>"
      "<th>累计销号</th><th>未销号</th><th>到期事项</th><th>逾期事项</th><th>整改进度</th>"
      "</tr></thead><tbody>";
  for (const core::UnitFigures& u : f.units) {
    out += "<tr><td>" + (u.rank ? std::to_string(*u.rank) : std::string("—")) +
           "</td><td class=\"text\">" + Esc(u.unit_name) + "</td><td>" + std::to_string(u.items) +
           "</td><td>" + std::to_string(u.closed_in_quarter) + "</td><td>" +
           std::to_string(u.closed) + "</td><td>" + std::to_string(u.open) + "</td><td>" +
           std::to_string(u.due) + "</td><td>" + std::to_string(u.overdue) + "</td><td>" +
           Percent(u) + "</td></tr>";
  }
  out += "</tbody></table>";
  ProgressChart(out, f);
  StateChart(out, f);
}

void OverdueTable(std::string& out, const core::BulletinFigures& f) {
  out += "<h2>三、逾期未销号事项</h2>";
  if (f.overdue.empty()) {
    out += "<p>截至" + ChineseDate(f.as_of) + "，无逾期未销号事项。</p>";
    return;
  }
  out += "<p>以下" + std::to_string(f.overdue.size()) +
         "项整改事项已超过完成时限仍未销号，请相关单位督促责任人限期完成。</p>";
  out +=
      "<table><thead><tr><th>序号</th><th>单位</th><th>党组织</th><th>整改措施</th>"
      "<th>责任人</th><th>完成时限</th><th>逾期天数</th></tr></thead><tbody>";
  int n = 0;
  for (const core::OverdueItem& o : f.overdue) {
    out += "<tr><td>" + std::to_string(++n) + "</td><td class=\"text\">" + Esc(o.unit_name) +
           "</td><td class=\"text\">" + Esc(o.org_name) + "</td><td class=\"text\">" +
           Esc(o.measure) + "</td><td>" + Esc(o.responsible) + "</td><td>" +
           core::FormatIsoDate(o.deadline) + "</td><td>" + std::to_string(o.overdue_days) +
           "</td></tr>";
  }
  out += "</tbody></table>";
}

void Findings(std::string& out, const core::BulletinDocument& doc) {
  out += "<h2>四、本季度抽查发现</h2>";
  if (doc.findings.empty()) {
    out += "<p>本季度无抽查发现记录。</p>";
    return;
  }
  out +=
      "<table><thead><tr><th>序号</th><th>党组织</th><th>抽查日期</th><th>结果</th>"
      "<th>发现情况</th></tr></thead><tbody>";
  int n = 0;
  for (const core::BulletinFinding& x : doc.findings) {
    out += "<tr><td>" + std::to_string(++n) + "</td><td class=\"text\">" + Esc(x.org_name) +
           "</td><td>" + core::FormatIsoDate(x.on) + "</td><td>" +
           (x.problem ? "发现问题" : "未发现问题") + "</td><td class=\"text\">" + Esc(x.text) +
           "</td></tr>";
  }
  out += "</tbody></table>";
}

void Notes(std::string& out, const core::BulletinDocument& doc) {
  out +=
      "<div class=\"notes\"><p>说明：到期事项指完成时限在统计截止日（含）以前的事项；"
      "整改进度＝到期事项中已销号数÷到期事项数；进度相同的单位并列同一名次，"
      "无到期事项的单位不参加排名。逾期天数按县域日历（UTC+8）计至统计截止日末。</p>";
  if (doc.status == core::BulletinDocument::Status::kIssued) {
    out += "<p>签发：" + Esc(doc.issued_by) + "；审计链头：" + Esc(doc.audit_head) + "</p>";
  }
  out += "</div><div class=\"signature\">" + Esc(doc.office) + "</div>";
}

}  // namespace

std::string ChineseDate(const core::CivilDate& day) {
  return std::to_string(day.year) + "年" + std::to_string(day.month) + "月" +
         std::to_string(day.day) + "日";
}

std::string BulletinHtml(const core::BulletinDocument& doc) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>";
  Escaped(out, core::BulletinTitle(doc));
  out += "</title><style>";
  out += kStyle;
  out += "</style></head><body>";
  Header(out, doc);
  Summary(out, doc);
  UnitTable(out, doc.figures);
  OverdueTable(out, doc.figures);
  Findings(out, doc);
  Notes(out, doc);
  out += "</body></html>\n";
  return out;
}

}  // namespace grassroots::exporting
