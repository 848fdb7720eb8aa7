#include "app/digest_files.h"

#include <filesystem>
#include <fstream>

#include "core/ledger_rules.h"

namespace grassroots::app {
namespace {

std::string_view StateLabel(const std::string& state) {
  const auto parsed = core::ParseItemState(state);
  return parsed ? core::LedgerStateLabel(*parsed) : std::string_view(state);
}

void AppendList(std::string& out, const storage::DigestRecord& d, std::string_view list,
                std::string_view heading) {
  std::int64_t n = 0;
  for (const storage::DigestItemRecord& i : d.items) n += i.list == list ? 1 : 0;
  out += std::string(heading) + "（" + std::to_string(n) + "项）\n";
  for (const storage::DigestItemRecord& i : d.items) {
    if (i.list != list) continue;
    out += "  - " + i.org_name + "（" + i.org_code + "）：" + i.measure + "；责任人 " +
           i.responsible + "；完成时限 " + i.deadline + "；" + std::string(StateLabel(i.state)) +
           "\n";
  }
}

std::string_view KindLabel(const std::string& kind) {
  if (kind == "work_plan") return "月初工作计划";
  if (kind == "duty_ledger") return "月末履职台账";
  return kind;
}

void AppendReports(std::string& out, const storage::DigestRecord& d) {
  out += "未报送的第一书记报告（" + std::to_string(d.reports.size()) + "份）\n";
  for (const storage::DigestReportRecord& r : d.reports) {
    out += "  - " + r.org_name + "（" + r.org_code + "）：" + r.month + " " +
           std::string(KindLabel(r.kind)) + "；第一书记 " + r.person + "；应报送日期 " + r.due +
           "\n";
  }
}

}  // namespace

std::string DigestText(const storage::DigestRecord& d) {
  std::string out = "每周一提示 " + d.week + "\n";
  out += d.kind == "unit" ? "致：直属党组织 " + d.name + "\n" : "致：责任人 " + d.name + "\n";
  out += "生成时间：" + d.created_at + "\n\n";
  AppendList(out, d, "due", "本周到期事项");
  out += "\n";
  AppendList(out, d, "overdue", "已逾期事项");
  out += "\n";
  AppendReports(out, d);
  return out;
}

std::string DigestFileName(const storage::DigestRecord& d) {
  std::string safe;
  for (char c : d.name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (ok && safe.size() < 40) safe += c;
  }
  std::string kind;
  for (char c : d.kind) kind += (c >= 'a' && c <= 'z') ? c : '_';
  return d.week + "-" + kind + (safe.empty() ? "" : "-" + safe) + "-" + std::to_string(d.id) +
         ".txt";
}

core::Status DigestFileWriter::Send(const storage::DigestRecord& digest) {
  const std::filesystem::path path = std::filesystem::path(dir_) / DigestFileName(digest);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  const std::string text = DigestText(digest);
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
  file.close();
  if (!file) return core::Error::Unavailable("cannot write " + path.string(), "--out");
  return core::Status::Ok();
}

}  // namespace grassroots::app
