#include "storage/sql_store.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "storage/audit_chain.h"
#include "storage/migrations.h"
#include "storage/sqlite_db.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

// Stored types are core::ToString names (the schema's CHECK keeps them so); comparing
// against the six is faster than the general parser, which also accepts Chinese names.
std::optional<core::OrgType> StoredType(std::string_view text) {
  for (core::OrgType type : core::kAllOrgTypes) {
    if (core::ToString(type) == text) return type;
  }
  return std::nullopt;
}

// The units that have organizations, sorted: OrgTable::unit indexes into this list.
core::Status ReadUnits(Database& db, core::OrgTable& table,
                       std::unordered_map<std::string, std::uint32_t>& index) {
  core::Result<Statement> stmt = db.Prepare(
      "SELECT code FROM units u"
      " WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.unit_code = u.code) ORDER BY code");
  if (!stmt.ok()) return stmt.error();
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return core::Status::Ok();
    index.emplace(stmt.value().Text(0), static_cast<std::uint32_t>(table.unit_codes.size()));
    table.unit_codes.emplace_back(stmt.value().Text(0));
  }
}

struct PendingParent {
  std::uint32_t child = 0;
  std::string parent;
};

// Parents may sort after their children, so they are resolved once all codes are in. The
// table is sorted by code, so a binary search replaces a hash map of 5 million entries;
// siblings are usually adjacent, so the last answer is tried first.
core::Status ResolveParents(core::OrgTable& table, const std::vector<PendingParent>& pending) {
  std::string_view last_code;
  std::int32_t last_index = core::kNoParent;
  for (const PendingParent& p : pending) {
    if (p.parent != last_code) {
      const auto it = std::lower_bound(table.code.begin(), table.code.end(), p.parent);
      if (it == table.code.end() || *it != p.parent) {
        return core::Error::Internal("organization " + table.code[p.child] + " names parent " +
                                     p.parent + ", which is not stored");
      }
      last_code = p.parent;
      last_index = static_cast<std::int32_t>(it - table.code.begin());
    }
    table.parent[p.child] = last_index;
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                     const core::Clock& clock) {
  return Guarded("opening " + path, [&]() -> core::Result<std::unique_ptr<Store>> {
    core::Result<Database> db = OpenSqliteDatabase(path, clock);
    if (!db.ok()) return db.error();
    return std::unique_ptr<Store>(std::make_unique<SqlStore>(std::move(db).value(), Migrations()));
  });
}

core::Status SqlStore::BeginReading() {
  if (db_.InTransaction()) return core::Error::Internal("a transaction is already open");
  core::Result<Transaction> snapshot = Transaction::BeginRead(db_);
  if (!snapshot.ok()) return snapshot.error();
  reading_.emplace(std::move(snapshot).value());
  return core::Status::Ok();
}

void SqlStore::EndReading() {
  // Nothing was written, so committing and rolling back are the same: a commit that fails is
  // rolled back as the transaction goes.
  if (reading_) (void)reading_->Commit();
  reading_.reset();
}

core::Status SqlStore::Read(const std::function<core::Status(Tx&)>& fn) {
  Tx tx(db_, nullptr);
  if (reading_) return Guarded("reading", [&] { return fn(tx); });
  core::Result<Transaction> snapshot = Transaction::BeginRead(db_);
  if (!snapshot.ok()) return snapshot.error();
  core::Status status = Guarded("reading", [&] { return fn(tx); });
  (void)snapshot.value().Commit();  // nothing was written: commit and rollback are the same
  return status;
}

core::Status SqlStore::Write(const Actor& actor, const std::function<core::Status(Tx&)>& fn) {
  if (db_.InTransaction()) return core::Error::Internal("a write inside an open transaction");
  core::Result<Transaction> txn = Transaction::Begin(db_);
  if (!txn.ok()) return txn.error();
  Tx tx(db_, &actor);
  if (core::Status status = Guarded("writing", [&] { return fn(tx); }); !status.ok()) {
    return status;  // rolled back as `txn` goes
  }
  return txn.value().Commit();
}

core::Result<YearLock> SqlStore::LockYear(int year) {
  if (db_.InTransaction()) return core::Error::Internal("a year's run lock inside a transaction");
  DatabaseImpl* db = &db_.impl();
  if (core::Status locked = db->LockYear(year); !locked.ok()) return locked.error();
  return YearLock([db, year] { db->UnlockYear(year); });
}

core::Status SqlStore::Migrate() {
  return Guarded("migrating", [&]() -> core::Status {
    core::Status status = ApplyMigrations(db_, migrations_);
    if (!status.ok()) return WithContext(status.error(), "migrating " + db_.path());
    // A database filled before statistics were kept gets them once.
    for (const char* table : {"organizations", "assessment_results"}) {
      core::Result<bool> kept = HasStatistics(db_, table);
      if (kept.ok() && !kept.value()) (void)RefreshStatistics(db_, table);
    }
    return status;
  });
}

core::Result<bool> SqlStore::IsEmpty() {
  return Guarded("checking for data", [&]() -> core::Result<bool> {
    core::Result<bool> exists = db_.TableExists("organizations");
    if (!exists.ok()) return exists;
    if (!exists.value()) return true;  // not migrated yet
    // Members and scores need organizations, so these two tables tell.
    core::Result<std::int64_t> any = db_.QueryInt(
        "SELECT EXISTS (SELECT 1 FROM organizations) OR EXISTS (SELECT 1 FROM assessments)");
    if (!any.ok()) return any.error();
    return any.value() == 0;
  });
}

core::Result<bool> SqlStore::IsDemo() {
  return Guarded("checking the demo flag", [&]() -> core::Result<bool> {
    core::Result<bool> exists = db_.TableExists("meta");
    if (!exists.ok() || !exists.value()) return exists;
    core::Result<std::int64_t> demo =
        db_.QueryInt("SELECT COUNT(*) FROM meta WHERE key = 'demo' AND value = '1'");
    if (!demo.ok()) return demo.error();
    return demo.value() > 0;
  });
}

core::Status SqlStore::MarkDemo() {
  return Guarded("marking the demo database", [&]() -> core::Status {
    core::Result<Transaction> txn = Transaction::Begin(db_);
    if (!txn.ok()) return txn.error();
    if (core::Status status = db_.Exec("INSERT INTO meta (key, value) VALUES ('demo', '1')"
                                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                       "marking the demo database");
        !status.ok()) {
      return status;
    }
    AuditEntry entry;
    entry.actor = "system";
    entry.origin = "demo";
    entry.action = "demo.mark";
    entry.entity = "meta/demo";
    entry.after_json = R"({"demo":true})";
    if (core::Status status = AppendAudit(db_, std::move(entry)); !status.ok()) return status;
    return txn.value().Commit();
  });
}

core::Result<core::StoredOrgs> SqlStore::StoredOrganizations() {
  return Guarded("reading organizations", [&]() -> core::Result<core::StoredOrgs> {
    core::Result<Statement> stmt =
        db_.Prepare("SELECT code, parent_code, unit_code, ended_on IS NOT NULL FROM organizations");
    if (!stmt.ok()) return stmt.error();
    core::StoredOrgs orgs;
    for (;;) {
      core::Result<bool> row = stmt.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) return orgs;
      const Statement& s = stmt.value();
      orgs.emplace(s.Text(0),
                   core::StoredOrg{std::string(s.Text(1)), std::string(s.Text(2)), s.Int(3) != 0});
    }
  });
}

core::Result<std::unordered_set<std::string>> SqlStore::OrganizationCodes() {
  using Codes = std::unordered_set<std::string>;
  return Guarded("reading organization codes", [&]() -> core::Result<Codes> {
    core::Result<Statement> stmt = db_.Prepare("SELECT code FROM organizations");
    if (!stmt.ok()) return stmt.error();
    Codes codes;
    for (;;) {
      core::Result<bool> row = stmt.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) return codes;
      codes.emplace(stmt.value().Text(0));
    }
  });
}

core::Result<core::OrgTable> SqlStore::LoadOrgTable() {
  return Guarded("loading organizations", [&] { return ReadOrgTable(); });
}

core::Result<core::OrgTable> SqlStore::ReadOrgTable() {
  core::Result<Transaction> snapshot = Transaction::BeginRead(db_);
  if (!snapshot.ok()) return snapshot.error();
  core::OrgTable table;
  std::unordered_map<std::string, std::uint32_t> unit_index;
  if (core::Status status = ReadUnits(db_, table, unit_index); !status.ok()) return status.error();
  core::Result<std::int64_t> count = db_.QueryInt("SELECT COUNT(*) FROM organizations");
  if (!count.ok()) return count.error();
  table.Reserve(static_cast<std::size_t>(count.value()));

  core::Result<Statement> stmt =
      db_.Prepare("SELECT code, type, unit_code, parent_code FROM organizations ORDER BY code");
  if (!stmt.ok()) return stmt.error();
  const Statement& s = stmt.value();
  std::vector<PendingParent> pending;
  std::string last_unit;
  std::uint32_t last_unit_index = 0;
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const std::optional<core::OrgType> type = StoredType(s.Text(1));
    if (!type) {
      return core::Error::Internal("organization " + std::string(s.Text(0)) +
                                   " has an unknown type " + std::string(s.Text(1)));
    }
    // Organizations of a unit cluster by code, so the last unit is usually the one.
    if (s.Text(2) != last_unit) {
      last_unit = s.Text(2);
      last_unit_index = unit_index.at(last_unit);  // ReadUnits listed every referenced unit
    }
    if (!s.IsNull(3)) {
      pending.push_back({static_cast<std::uint32_t>(table.size()), std::string(s.Text(3))});
    }
    table.Add(std::string(s.Text(0)), *type, last_unit_index, core::kNoParent);
  }
  if (core::Status status = ResolveParents(table, pending); !status.ok()) return status.error();
  if (core::Status status = snapshot.value().Commit(); !status.ok()) return status.error();
  return table;
}

}  // namespace grassroots::storage
