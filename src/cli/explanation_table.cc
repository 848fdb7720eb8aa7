#include "cli/explanation_table.h"

#include <fmt/format.h>

namespace grassroots::cli {
namespace {

// A fixed-point value without its trailing zeros: 1950000 in millionths is "1.95".
std::string Decimal(std::int64_t value, std::int64_t scale, int digits) {
  std::string text = fmt::format("{}.{:0{}}", value / scale, value % scale, digits);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string Score(std::optional<std::int32_t> cents) {
  return cents && *cents >= 0 ? core::CentsText(*cents) : "-";
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

void Line(std::ostream& out, std::string_view label, const std::string& text) {
  out << fmt::format("  {:<14}{}\n", label, text);
}

std::string GradeText(const core::Explanation& e) {
  if (!e.grade) return "-";
  std::string text(core::ToString(*e.grade));
  if (!e.inputs) return text;
  if (!e.inputs->committee_grade) return text + " (by score)";
  return text + " (by the committee: " + Quoted(e.inputs->committee_reason) + ")";
}

void PrintGroup(std::ostream& out, const core::Explanation& e) {
  if (!e.group) {
    Line(out, "quota", "-");
    return;
  }
  const core::ExplainedGroup& g = *e.group;
  Line(out, "rank", e.rank ? fmt::format("{} of {} scored in the group", *e.rank, g.count) : "-");
  Line(out, "quota",
       fmt::format("{} × {}% = {}, rounded up to {}", g.count, Decimal(g.ratio_ppm, 10'000, 4),
                   Decimal(g.count * g.ratio_ppm, core::kPpm, 6), g.quota));
  Line(out, "cut score", fmt::format("{} ({} taken by the quota)", Score(g.cut_cents), g.taken));
}

void PrintSelection(std::ostream& out, const core::Explanation& e) {
  const std::string reasons = core::ReasonsText(e.reasons);
  Line(out, "selected", e.selected ? "yes (" + reasons + ")" : "no");
  if (e.inputs && e.inputs->manual) {
    Line(out, "hand decision",
         std::string(e.inputs->manual->include ? "include" : "exclude") + ": " +
             Quoted(e.inputs->manual->reason));
  }
  std::string consecutive = e.consecutive ? "yes" : "no";
  if (e.inputs && !e.inputs->previous_selected_years.empty()) {
    consecutive +=
        fmt::format(" (selected in {})", fmt::join(e.inputs->previous_selected_years, ", "));
  }
  Line(out, "consecutive", consecutive);
  std::vector<std::string> actions;
  for (const auto& [kind, org] : e.actions) {
    actions.push_back(fmt::format("{} {}", core::ToString(kind), org));
  }
  Line(out, "actions", actions.empty() ? "none" : fmt::format("{}", fmt::join(actions, ", ")));
}

void PrintInputs(std::ostream& out, const core::Explanation& e) {
  if (!e.inputs) {
    Line(out, "inputs", "not kept (stored before assessments kept their inputs)");
    return;
  }
  if (!e.inputs->dimensions) {
    Line(out, "dimensions", "no score");
    return;
  }
  std::vector<std::string> values;
  for (int d = 0; d < core::kDimensionCount; ++d) {
    values.push_back(fmt::format("{} {}", core::kDimensionKeys[d], (*e.inputs->dimensions)[d]));
  }
  Line(out, "dimensions", fmt::format("{}", fmt::join(values, ", ")));
}

void PrintChanges(std::ostream& out, const core::Explanation& e) {
  if (e.changed_since.empty()) {
    out << "changed since the run: nothing\n";
    return;
  }
  out << "changed since the run:\n";
  for (const core::RecordChange& change : e.changed_since) {
    out << fmt::format("  #{} {} {} {} ({})\n", change.audit_id, change.at, change.actor,
                       change.action, core::ToString(change.subject));
    out << "    before: " << change.before_json.value_or("-") << "\n";
    out << "    after:  " << change.after_json.value_or("-") << "\n";
  }
}

}  // namespace

void PrintExplanation(std::ostream& out, const core::Explanation& e) {
  out << fmt::format("{} in the assessment of {}: {}, unit {}, {}\n", e.code, e.year, e.type,
                     e.unit, e.parent.empty() ? "direct" : "parent " + e.parent);
  Line(out, "score", Score(e.score_cents));
  Line(out, "grade", GradeText(e));
  PrintGroup(out, e);
  PrintSelection(out, e);
  PrintInputs(out, e);
  Line(out, "policy", e.policy_version);
  Line(out, "run at", e.run_at);
  Line(out, "audit head", e.audit_hash.empty() ? "-" : e.audit_hash);
  PrintChanges(out, e);
}

void PrintDifference(std::ostream& out, const core::ResultDifference& d) {
  const auto value = [](const std::string& text) { return text.empty() ? "(none)" : text; };
  std::string where;
  if (!d.code.empty()) {
    where = d.code + " ";
  } else if (!d.unit.empty()) {
    where = "group " + d.unit + "/" + d.type + " ";
  }
  out << fmt::format("different: {}{}: stored {}, recomputed {}\n", where, d.field, value(d.stored),
                     value(d.recomputed));
}

}  // namespace grassroots::cli
