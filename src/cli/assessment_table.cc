#include "cli/assessment_table.h"

#include <fmt/format.h>

#include "export/assessment_json.h"

namespace grassroots::cli {
namespace {

std::string ReasonsText(std::uint8_t reasons) {
  std::string text;
  for (const auto& reason : exporting::ReasonsToJson(reasons)) {
    if (!text.empty()) text += ",";
    text += reason.get<std::string>();
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
  for (std::uint32_t i : exporting::ByCode(orgs)) {
    const bool scored = result.score_cents[i] != core::kNoScore;
    out << fmt::format("{:<16} {:<12} {:>7} {:>5} {:>5} {:>8}  {:<24} {}\n", orgs.code[i],
                       core::ToString(orgs.type[i]),
                       scored ? fmt::format("{:.2f}", result.score_cents[i] / 100.0) : "-",
                       scored ? core::ToString(static_cast<core::Grade>(result.grade[i])) : "-",
                       scored ? std::to_string(result.rank[i]) : "-",
                       result.selected[i] ? "yes" : "", ReasonsText(result.reasons[i]),
                       ActionsText(orgs, result, i));
  }
  out << fmt::format("\n{} selected of {} organizations\n", result.SelectedCount(), orgs.size());
}

}  // namespace grassroots::cli
