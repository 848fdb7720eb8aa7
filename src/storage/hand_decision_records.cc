#include "storage/hand_decision_records.h"

#include "storage/code_index.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

std::string Entity(int year, const std::string& code) {
  return "manual:" + code + ":" + std::to_string(year);
}

std::string DecisionJson(int year, const StoredManualDecision& d) {
  return JsonObject({{"year", std::to_string(year)},
                     {"code", JsonQuote(d.code)},
                     {"include", d.include ? "true" : "false"},
                     {"reason", JsonQuote(d.reason)},
                     {"decided_by", JsonQuote(d.decided_by)},
                     {"decided_at", JsonQuote(d.decided_at)}});
}

StoredManualDecision ReadManualDecision(const Statement& s) {
  return {std::string(s.Text(0)), s.Int(1) != 0, std::string(s.Text(2)), std::string(s.Text(3)),
          std::string(s.Text(4))};
}

core::Result<std::optional<StoredManualDecision>> FindDecision(Database& db, int year,
                                                               const std::string& code) {
  return QueryOne<StoredManualDecision>(
      db,
      "SELECT org_code, include, reason, decided_by, decided_at FROM manual_decisions"
      " WHERE year = ? AND org_code = ?",
      {std::int64_t{year}, code}, ReadManualDecision);
}

}  // namespace

core::Result<std::vector<StoredManualDecision>> HandDecisionRecords::List(int year) {
  return QueryAll<StoredManualDecision>(
      tx_->db(),
      "SELECT org_code, include, reason, decided_by, decided_at FROM manual_decisions"
      " WHERE year = ? ORDER BY org_code",
      {std::int64_t{year}}, ReadManualDecision);
}

core::Result<std::vector<core::ManualDecision>> HandDecisionRecords::Aligned(
    int year, const core::OrgTable& orgs) {
  core::Result<Statement> stmt = tx_->db().Prepare(
      "SELECT org_code, include, reason FROM manual_decisions WHERE year = ?"
      " ORDER BY org_code");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindInt(1, year);
  std::vector<core::ManualDecision> decisions;
  core::Status status =
      ForEachOrgRow(stmt.value(), orgs, [&](std::uint32_t org, const Statement& s) {
        decisions.push_back({org, s.Int(1) != 0, std::string(s.Text(2))});
        return core::Status::Ok();
      });
  if (!status.ok()) return status.error();
  return decisions;
}

core::Status HandDecisionRecords::Save(int year, const StoredManualDecision& wanted) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  if (wanted.reason.empty()) return core::Error::Invalid("a reason is required", "reason");
  Database& db = tx_->db();
  StoredManualDecision decision = wanted;
  if (decision.decided_at.empty()) decision.decided_at = core::FormatUtc(db.clock().Now());
  core::Result<std::optional<StoredManualDecision>> before = FindDecision(db, year, decision.code);
  if (!before.ok()) return before.error();
  if (core::Status s =
          Execute(db,
                  "INSERT INTO manual_decisions (year, org_code, include, reason, decided_by,"
                  " decided_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, org_code) DO UPDATE"
                  " SET include = excluded.include, reason = excluded.reason,"
                  " decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                  {std::int64_t{year}, decision.code, std::int64_t{decision.include ? 1 : 0},
                   decision.reason, decision.decided_by, decision.decided_at});
      !s.ok()) {
    return s;
  }
  std::optional<std::string> before_json;
  if (before.value()) before_json = DecisionJson(year, *before.value());
  return tx_->Audit("assessment.manual", Entity(year, decision.code), std::move(before_json),
                    DecisionJson(year, decision));
}

core::Status HandDecisionRecords::Delete(int year, const std::string& code) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  Database& db = tx_->db();
  core::Result<std::optional<StoredManualDecision>> before = FindDecision(db, year, code);
  if (!before.ok()) return before.error();
  if (!before.value()) return core::Error::NotFound("no manual decision for " + code, "code");
  if (core::Status s = Execute(db, "DELETE FROM manual_decisions WHERE year = ? AND org_code = ?",
                               {std::int64_t{year}, code});
      !s.ok()) {
    return s;
  }
  return tx_->Audit("assessment.manual.delete", Entity(year, code),
                    DecisionJson(year, *before.value()), std::nullopt);
}

}  // namespace grassroots::storage
