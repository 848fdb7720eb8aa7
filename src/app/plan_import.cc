#include "app/plan_import.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "app/named_accounts.h"
#include "app/rectification_access.h"
#include "app/rectification_service.h"
#include "core/field_rules.h"
#include "core/file_columns.h"
#include "core/score.h"
#include "csv/file_text.h"
#include "csv/row_reader.h"
#include "storage/rectification_records.h"

namespace grassroots::app {
namespace {

enum Col : std::size_t {
  kOrg,
  kYear,
  kDimension,
  kProblem,
  kMeasure,
  kResponsible,
  kResponsibleUser,
  kSupportRole,
  kDeadline
};

struct PlanRow {
  int line = 0;
  std::string org_code;
  int year = 0;
  std::string dimension, problem;
  NewItem item;
};

bool IsDimension(std::string_view text) {
  for (std::string_view key : core::kDimensionKeys) {
    if (key == text) return true;
  }
  return false;
}

std::optional<PlanRow> ReadRow(csv::RowReader& in) {
  PlanRow row;
  row.line = in.line();
  row.org_code = in[kOrg];
  if (core::Status s = core::CheckCode("org_code", row.org_code); !s.ok()) in.Report(s.error());
  const std::string year(in[kYear]);
  try {
    std::size_t used = 0;
    const long long value = year.empty() ? 0 : std::stoll(year, &used);
    if (year.empty() || used != year.size() || !core::IsValidYear(value)) throw 0;
    row.year = static_cast<int>(value);
  } catch (...) {
    in.Fail(kYear, "year must be a year such as 2016", "invalid_year", {{"value", year}});
  }
  row.dimension = in[kDimension];
  row.problem = in[kProblem];
  if (!row.dimension.empty() && !IsDimension(row.dimension)) {
    in.Fail(
        kDimension, "dimension must be one of team, leader, venue, routine, service, members",
        "unknown_value",
        {{"value", row.dimension}, {"accepted", "team, leader, venue, routine, service, members"}});
  }
  if (row.dimension.empty() && !row.problem.empty()) {
    in.Fail(kDimension, "a problem needs its dimension", "required");
  }
  row.item.measure = in[kMeasure];
  row.item.responsible = in[kResponsible];
  row.item.responsible_user = in[kResponsibleUser];
  row.item.support_role = in[kSupportRole];
  row.item.deadline = in[kDeadline];
  for (const core::Error& error : core::CheckItemFields(row.item)) in.Report(error);
  if (in.failed()) return std::nullopt;
  return row;
}

std::string ProblemText(const PlanRow& row) {
  if (!row.problem.empty()) return row.problem;
  for (std::size_t d = 0; d < core::kDimensionKeys.size(); ++d) {
    if (core::kDimensionKeys[d] == row.dimension) return std::string(core::kDimensionLabels[d]);
  }
  return row.dimension;
}

// Writes the rows' items, each to its plan, in `records`' transaction; the rows that cannot
// be written go to `errors`.
core::Status WriteRows(storage::Tx& tx, const core::Principal& who,
                       const std::vector<PlanRow>& rows, PlanImportOutcome& outcome) {
  storage::RectificationRecords records(tx);
  std::map<std::pair<std::string, int>, std::optional<storage::PlanRecord>> plans;
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> problems;  // (plan, dim+text)
  for (const PlanRow& row : rows) {
    auto key = std::make_pair(row.org_code, row.year);
    if (!plans.contains(key)) {
      core::Result<std::optional<storage::PlanRecord>> plan =
          records.PlanOf(row.org_code, row.year);
      if (!plan.ok()) return plan.error();
      std::optional<storage::PlanRecord> seen = plan.value();
      if (seen) {
        core::Result<core::ItemRelation> relation =
            internal::RelationTo(records, who, seen->org_code, seen->year);
        if (!relation.ok()) return relation.error();
        if (relation.value() == core::ItemRelation::kNone)
          seen.reset();
        else if (!internal::MayEditPlan(relation.value())) {
          outcome.errors.emplace_back(row.line,
                                      "not permitted to change the plan of " + row.org_code,
                                      "org_code", "plan_edit_not_permitted");
          continue;
        }
      }
      plans[key] = seen;
      if (seen) {
        core::Result<std::vector<storage::ProblemRecord>> existing = records.Problems(seen->id);
        if (!existing.ok()) return existing.error();
        for (const storage::ProblemRecord& p : existing.value()) {
          problems[{seen->id, p.dimension + "\n" + p.description}] = p.id;
        }
      }
    }
    if (core::Status known =
            internal::RequireAccount(tx, "responsible_user", row.item.responsible_user);
        !known.ok()) {
      const core::Error& e = known.error();
      if (e.code != core::ErrorCode::kInvalid) return known;
      outcome.errors.emplace_back(row.line, e.message, e.field, e.reason, e.params);
      continue;
    }
    const std::optional<storage::PlanRecord>& plan = plans[key];
    if (!plan) {
      outcome.errors.emplace_back(
          row.line,
          "no plan of " + row.org_code + " for " + std::to_string(row.year) +
              " (grassroots plan create --year " + std::to_string(row.year) + " makes them)",
          "org_code", "plan_not_found",
          core::Params{{"org", row.org_code}, {"year", std::to_string(row.year)}});
      continue;
    }
    storage::ItemRecord item;
    item.plan_id = plan->id;
    item.year = plan->year;
    item.org_code = plan->org_code;
    if (!row.dimension.empty()) {
      const std::string text = ProblemText(row);
      auto found = problems.find({plan->id, row.dimension + "\n" + text});
      if (found == problems.end()) {
        core::Result<std::int64_t> id =
            records.AddProblem({0, plan->id, row.dimension, text, false});
        if (!id.ok()) return id.error();
        ++outcome.problems;
        found = problems.emplace(std::make_pair(plan->id, row.dimension + "\n" + text), id.value())
                    .first;
      }
      item.problem_id = found->second;
    }
    item.measure = row.item.measure;
    item.responsible = row.item.responsible;
    item.responsible_user = row.item.responsible_user;
    item.support_role = row.item.support_role;
    item.deadline = row.item.deadline;
    if (core::Result<std::int64_t> id = records.AddItem(item); !id.ok()) return id.error();
    ++outcome.items;
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<PlanImportOutcome> ImportPlanItems(storage::Store& store, const core::Principal& who,
                                                std::string_view bytes,
                                                const storage::Actor& actor) {
  core::Result<csv::FileText> text = csv::ReadFileText(bytes);
  if (!text.ok()) return text.error();
  PlanImportOutcome outcome;
  if (text.value().refused) {
    outcome.errors.push_back(*text.value().refused);
    return outcome;
  }
  std::vector<PlanRow> rows;
  {
    csv::RowReader in(text.value().csv, core::kPlanItemFileColumns, outcome.errors);
    while (in.Next()) {
      if (std::optional<PlanRow> row = ReadRow(in)) rows.push_back(std::move(*row));
    }
  }
  for (core::LineError& error : outcome.errors) error.line = text.value().SourceLine(error.line);
  for (PlanRow& row : rows) row.line = text.value().SourceLine(row.line);
  if (!outcome.errors.empty()) return outcome;
  const core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    if (core::Status s = WriteRows(tx, who, rows, outcome); !s.ok()) return s;
    if (!outcome.errors.empty()) {
      return core::Error::Invalid("rows refused").With("rows_invalid");  // rolls back
    }
    return core::Status::Ok();
  });
  if (!outcome.errors.empty()) {
    outcome.items = 0;
    outcome.problems = 0;
    return outcome;
  }
  if (!status.ok()) return status.error();
  return outcome;
}

}  // namespace grassroots::app
