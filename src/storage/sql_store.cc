#include "storage/sql_store.h"

#include <utility>

#include "storage/audit_chain.h"
#include "storage/migrations.h"
#include "storage/sqlite_db.h"
#include "storage/tx.h"

namespace grassroots::storage {
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

core::Status SqlStore::Write(const Actor& actor, const std::function<core::Status(Tx&)>& fn,
                             WriteSize size) {
  if (db_.InTransaction()) return core::Error::Internal("a write inside an open transaction");
  core::Result<Transaction> txn = size == WriteSize::kBulk && exclusive_bulk_writes_
                                      ? Transaction::BeginBulk(db_)
                                      : Transaction::Begin(db_);
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

}  // namespace grassroots::storage
