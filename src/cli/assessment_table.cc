#include "cli/assessment_table.h"

#include <fmt/format.h>

#include <iterator>

#include "export/assessment_json.h"

namespace grassroots::cli {
namespace {

// Written to the stream a buffer at a time: a country's table is 5.2 million lines.
constexpr std::size_t kFlushBytes = 64 * 1024;

void Flush(std::ostream& out, fmt::memory_buffer& buffer) {
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

std::string ReasonsText(std::uint8_t reasons) {
  std::string text;
  for (std::string_view reason : exporting::ReasonNames(reasons)) {
    if (!text.empty()) text += ",";
    text += reason;
  }
  return text;
}

std::string ActionsText(const core::OrgTable& orgs, const core::AssessmentResult& result,
                        std::uint32_t i) {
  std::string text;
  for (const core::Action& action : core::ProposedActions(orgs, result, i)) {
    if (!text.empty()) text += " ";
    text += fmt::format("{}({})", core::ToString(action.kind), orgs.code[action.org]);
  }
  return text;
}

void AppendOrganization(fmt::memory_buffer& buffer, const core::OrgTable& orgs,
                        const core::AssessmentResult& result, std::uint32_t i) {
  const auto out = std::back_inserter(buffer);
  if (result.score_cents[i] == core::kNoScore) {
    fmt::format_to(out, "{:<16} {:<12} {:>7} {:>5} {:>5} {:>8}  {:<24} {}\n", orgs.code[i],
                   core::ToString(orgs.type[i]), "-", "-", "-", result.selected[i] ? "yes" : "",
                   ReasonsText(result.reasons[i]), ActionsText(orgs, result, i));
    return;
  }
  fmt::format_to(out, "{:<16} {:<12} {:>7.2f} {:>5} {:>5} {:>8}  {:<24} {}\n", orgs.code[i],
                 core::ToString(orgs.type[i]), result.score_cents[i] / 100.0,
                 core::ToString(static_cast<core::Grade>(result.grade[i])), result.rank[i],
                 result.selected[i] ? "yes" : "", ReasonsText(result.reasons[i]),
                 ActionsText(orgs, result, i));
}

}  // namespace

void PrintAssessmentTable(std::ostream& out, const core::OrgTable& orgs,
                          const core::AssessmentResult& result, const std::string& policy_version) {
  out << fmt::format("Assessment {} (policy {})\n\n", result.year, policy_version);
  out << fmt::format("{:<10} {:<12} {:>6} {:>6} {:>6}  {:<6} {:>6}\n", "unit", "type", "count",
                     "ratio", "quota", "cut", "taken");
  for (const auto& quota : result.quotas) {
    const std::string cut =
        quota.cut_cents < 0 ? "-" : fmt::format("{:.2f}", quota.cut_cents / 100.0);
    out << fmt::format("{:<10} {:<12} {:>6} {:>6.2f} {:>6}  {:<6} {:>6}\n",
                       orgs.unit_codes[quota.unit], core::ToString(quota.type), quota.count,
                       static_cast<double>(quota.ratio_ppm) / core::kPpm, quota.quota, cut,
                       quota.taken);
  }
  out << fmt::format("\n{:<16} {:<12} {:>7} {:>5} {:>5} {:>8}  {:<24} {}\n", "code", "type",
                     "score", "grade", "rank", "selected", "reasons", "actions");
  fmt::memory_buffer buffer;
  for (std::uint32_t i : exporting::ByCode(orgs)) {
    AppendOrganization(buffer, orgs, result, i);
    if (buffer.size() >= kFlushBytes) Flush(out, buffer);
  }
  Flush(out, buffer);
  out << fmt::format("\n{} selected of {} organizations\n", result.SelectedCount(), orgs.size());
}

}  // namespace grassroots::cli
