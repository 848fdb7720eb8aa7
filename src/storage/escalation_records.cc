#include "storage/escalation_records.h"

#include "storage/server_sql.h"

namespace grassroots::storage {

core::Result<std::vector<EscalationRecord>> EscalationRecords::OfItem(std::int64_t item_id) {
  return QueryAll<EscalationRecord>(
      tx_.db(),
      "SELECT id, item_id, step, overdue_days, decided_at, decided_by FROM item_escalations"
      " WHERE item_id = ? ORDER BY id",
      {item_id}, [](const Statement& s) {
        return EscalationRecord{s.Int(0),
                                s.Int(1),
                                std::string(s.Text(2)),
                                static_cast<int>(s.Int(3)),
                                std::string(s.Text(4)),
                                std::string(s.Text(5))};
      });
}

core::Status EscalationRecords::Add(EscalationRecord& step) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  Database& db = tx_.db();
  auto taken =
      QueryCount(db, "SELECT COUNT(*) FROM item_escalations WHERE item_id = ? AND step = ?",
                 {step.item_id, step.step});
  if (!taken.ok()) return taken.error();
  if (taken.value() > 0) {
    return core::Error::Conflict("item " + std::to_string(step.item_id) + " has had the step " +
                                     step.step + " already",
                                 "step")
        .With("escalation_recorded", {{"step", step.step}});
  }
  auto max = db.QueryInt("SELECT COALESCE(MAX(id), 0) FROM item_escalations");
  if (!max.ok()) return max.error();
  step.id = max.value() + 1;
  step.decided_at = core::FormatUtc(db.clock().Now());
  step.decided_by = tx_.actor().name;
  if (core::Status s = Execute(db,
                               "INSERT INTO item_escalations (id, item_id, step, overdue_days,"
                               " decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)",
                               {step.id, step.item_id, step.step, std::int64_t{step.overdue_days},
                                step.decided_at, step.decided_by});
      !s.ok()) {
    return s;
  }
  return tx_.Audit("item.escalate", "item:" + std::to_string(step.item_id), std::nullopt,
                   JsonObject({{"escalation", std::to_string(step.id)},
                               {"step", JsonQuote(step.step)},
                               {"overdue_days", std::to_string(step.overdue_days)}}));
}

}  // namespace grassroots::storage
