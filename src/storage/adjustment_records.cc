#include "storage/adjustment_records.h"

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kDecisionColumns =
    "id, year, org_code, outcome, done_on, successor, reason, decided_by, decided_at";

StoredDecision ReadAdjustmentDecision(const Statement& s) {
  StoredDecision out;
  out.id = s.Int(0);
  out.year = static_cast<int>(s.Int(1));
  out.org = TextOrEmpty(s, 2);
  out.decision.outcome =
      core::ParseAdjustmentOutcome(s.Text(3)).value_or(core::AdjustmentOutcome::kNotDone);
  if (!s.IsNull(4)) out.decision.on = core::ParseIsoDate(s.Text(4));
  out.decision.successor = TextOrEmpty(s, 5);
  out.decision.reason = TextOrEmpty(s, 6);
  out.decision.decided_by = TextOrEmpty(s, 7);
  out.decision.decided_at = TextOrEmpty(s, 8);
  return out;
}

std::string DecisionJson(const StoredDecision& d) {
  return JsonObject(
      {{"year", std::to_string(d.year)},
       {"org", JsonQuote(d.org)},
       {"outcome", JsonQuote(core::ToString(d.decision.outcome))},
       {"on", d.decision.on ? JsonQuote(core::FormatIsoDate(*d.decision.on)) : "null"},
       {"successor", JsonQuote(d.decision.successor)},
       {"reason", JsonQuote(d.decision.reason)}});
}

SecretaryChange ReadSecretaryChange(const Statement& s) {
  SecretaryChange out;
  out.id = s.Int(0);
  out.org = TextOrEmpty(s, 1);
  out.on = core::ParseIsoDate(s.Text(2)).value_or(core::CivilDate{});
  out.previous = TextOrEmpty(s, 3);
  out.successor = TextOrEmpty(s, 4);
  if (!s.IsNull(5)) out.year = static_cast<int>(s.Int(5));
  out.recorded_by = TextOrEmpty(s, 6);
  out.recorded_at = TextOrEmpty(s, 7);
  return out;
}

}  // namespace

core::Result<std::vector<StoredDecision>> AdjustmentRecords::Decisions(int year) {
  return QueryAll<StoredDecision>(tx_.db(),
                                  "SELECT " + std::string(kDecisionColumns) +
                                      " FROM adjustment_decisions WHERE year = ? ORDER BY org_code",
                                  {std::int64_t{year}}, ReadAdjustmentDecision);
}

core::Result<StoredDecision> AdjustmentRecords::Decide(int year, const std::string& org,
                                                       core::AdjustmentDecision decision) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  core::Result<std::int64_t> taken =
      QueryCount(db, "SELECT COUNT(*) FROM adjustment_decisions WHERE year = ? AND org_code = ?",
                 {std::int64_t{year}, org});
  if (!taken.ok()) return taken.error();
  if (taken.value() > 0) {
    return core::Error::Conflict("the removal of " + org + "'s secretary proposed by " +
                                     std::to_string(year) + " was decided already",
                                 "code")
        .With("adjustment_already_decided", {{"code", org}, {"year", std::to_string(year)}});
  }
  decision.decided_by = tx_.actor().name;
  decision.decided_at = core::FormatUtc(db.clock().Now());
  if (core::Status s = Execute(
          db,
          "INSERT INTO adjustment_decisions (year, org_code, outcome, done_on, successor, reason,"
          " decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {std::int64_t{year}, org, std::string(core::ToString(decision.outcome)),
           decision.on ? SqlParam(core::FormatIsoDate(*decision.on)) : SqlParam(std::monostate()),
           decision.successor, decision.reason, decision.decided_at, decision.decided_by});
      !s.ok()) {
    return s.error();
  }
  StoredDecision stored{0, year, org, std::move(decision)};
  core::Result<std::optional<StoredDecision>> row =
      QueryOne<StoredDecision>(db,
                               "SELECT " + std::string(kDecisionColumns) +
                                   " FROM adjustment_decisions WHERE year = ? AND org_code = ?",
                               {std::int64_t{year}, org}, ReadAdjustmentDecision);
  if (!row.ok()) return row.error();
  if (row.value()) stored.id = row.value()->id;
  if (core::Status s =
          tx_.Audit("adjustment.decide", "adjustment:" + std::to_string(year) + ":" + org,
                    std::nullopt, DecisionJson(stored));
      !s.ok()) {
    return s.error();
  }
  return stored;
}

core::Status AdjustmentRecords::AddSecretaryChange(const SecretaryChange& change,
                                                   std::int64_t decision_id) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  const std::string on = core::FormatIsoDate(change.on);
  if (core::Status s = Execute(
          tx_.db(),
          "INSERT INTO secretary_changes (org_code, changed_on, previous, successor, decision_id,"
          " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {change.org, on, change.previous, change.successor,
           decision_id != 0 ? SqlParam(decision_id) : SqlParam(std::monostate()),
           core::FormatUtc(tx_.db().clock().Now()), tx_.actor().name});
      !s.ok()) {
    return s;
  }
  return tx_.Audit("secretary.change", "organization:" + change.org,
                   JsonObject({{"secretary", JsonQuote(change.previous)}}),
                   JsonObject({{"secretary", JsonQuote(change.successor)}, {"on", JsonQuote(on)}}));
}

core::Result<std::vector<SecretaryChange>> AdjustmentRecords::SecretaryHistory(
    const std::string& org) {
  return QueryAll<SecretaryChange>(
      tx_.db(),
      "SELECT c.id, c.org_code, c.changed_on, c.previous, c.successor, d.year, c.created_by,"
      " c.created_at FROM secretary_changes c LEFT JOIN adjustment_decisions d"
      " ON d.id = c.decision_id WHERE c.org_code = ? ORDER BY c.id",
      {org}, ReadSecretaryChange);
}

}  // namespace grassroots::storage
