#include "storage/audit_log.h"

#include <utility>

#include "storage/audit_chain.h"
#include "storage/audit_verify.h"
#include "storage/audited_rows.h"
#include "storage/row_json.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kEntryColumns =
    "a.id, a.at, a.actor, a.origin, a.action, a.entity, a.before_json, a.after_json,"
    " a.prev_hash, a.hash, a.change_count";

// Columns as kEntryColumns, with entity, before and after from a change record `c` instead,
// then 1 (ReadAuditOrChange).
constexpr std::string_view kAuditChangeColumns =
    "a.id, a.at, a.actor, a.origin, a.action, c.entity, c.before_json, c.after_json,"
    " a.prev_hash, a.hash, a.change_count, 1";

AuditRecord ReadAudit(const Statement& s) {
  AuditRecord r;
  r.id = s.Int(0);
  r.at = s.Text(1);
  r.actor = s.Text(2);
  r.origin = s.Text(3);
  r.action = s.Text(4);
  r.entity = s.Text(5);
  if (!s.IsNull(6)) r.before_json = s.Text(6);
  if (!s.IsNull(7)) r.after_json = s.Text(7);
  r.prev_hash = s.Text(8);
  r.hash = s.Text(9);
  r.change_count = s.IsNull(10) ? 0 : s.Int(10);
  return r;
}

// A row of kEntryColumns followed by 0, or of kAuditChangeColumns: a change record's rows are
// given as objects, however they were stored (row_json.h).
AuditRecord ReadAuditOrChange(const Statement& s) {
  AuditRecord r = ReadAudit(s);
  if (s.Int(11) == 1) {
    r.before_json = ExpandedRowJson(r.before_json);
    r.after_json = ExpandedRowJson(r.after_json);
  }
  return r;
}

}  // namespace

core::Status AuditLog::RecordEvent(const std::string& action, const std::string& entity,
                                   const std::string& after_json) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  AuditEntry entry = NewEntry(tx_->actor(), action, entity);
  if (!after_json.empty()) entry.after_json = after_json;
  entry.data_change = false;
  return AppendAudit(tx_->db(), std::move(entry));
}

core::Result<Page<AuditRecord>> AuditLog::List(std::int64_t offset, std::int64_t limit) {
  if (core::Status s = CheckPaging(offset, limit); !s.ok()) return s.error();
  core::Result<std::int64_t> total = QueryCount(tx_->db(), "SELECT COUNT(*) FROM audit_log", {});
  if (!total.ok()) return total.error();
  core::Result<std::vector<AuditRecord>> items =
      QueryAll<AuditRecord>(tx_->db(),
                            "SELECT " + std::string(kEntryColumns) +
                                " FROM audit_log a ORDER BY a.id DESC LIMIT ? OFFSET ?",
                            {limit, offset}, ReadAudit);
  if (!items.ok()) return items.error();
  return Page<AuditRecord>{std::move(items).value(), total.value()};
}

core::Result<Page<AuditRecord>> AuditLog::Changes(std::int64_t entry_id, std::int64_t offset,
                                                  std::int64_t limit) {
  if (core::Status s = CheckPaging(offset, limit); !s.ok()) return s.error();
  core::Result<std::int64_t> total =
      QueryCount(tx_->db(), "SELECT COUNT(*) FROM audit_changes WHERE entry_id = ?", {entry_id});
  if (!total.ok()) return total.error();
  core::Result<std::vector<AuditRecord>> items =
      QueryAll<AuditRecord>(tx_->db(),
                            "SELECT " + std::string(kAuditChangeColumns) +
                                " FROM audit_changes c JOIN audit_log a ON a.id = c.entry_id"
                                " WHERE c.entry_id = ? ORDER BY c.seq LIMIT ? OFFSET ?",
                            {entry_id, limit, offset}, ReadAuditOrChange);
  if (!items.ok()) return items.error();
  return Page<AuditRecord>{std::move(items).value(), total.value()};
}

core::Result<std::vector<AuditRecord>> AuditLog::ChangesOf(const std::string& entity,
                                                           std::int64_t after_id) {
  // Single writes name the row as the entry's entity; bulk writes in a change record, found
  // through the index that files them by year first (migration 034).
  return QueryAll<AuditRecord>(tx_->db(),
                               "SELECT " + std::string(kEntryColumns) +
                                   ", 0 FROM audit_log a WHERE a.id > ? AND a.entity = ?"
                                   " UNION ALL SELECT " +
                                   std::string(kAuditChangeColumns) +
                                   " FROM audit_changes c JOIN audit_log a ON a.id = c.entry_id"
                                   " WHERE c.entity_year = ? AND c.entity = ? AND c.entry_id > ?"
                                   " ORDER BY 1",
                               {after_id, entity, EntityYear(entity), entity, after_id},
                               ReadAuditOrChange);
}

core::Result<ChainHead> AuditLog::Head() { return ReadAuditHead(tx_->db()); }

core::Result<AuditVerification> AuditLog::Verify(const std::optional<ChainHead>& expect) {
  return VerifyAuditTrail(tx_->db(), tx_->db().HeadFile(), expect);
}

}  // namespace grassroots::storage
