// The implementation of Store (store.h) over a Database handle (database.h): the SQL of every
// subject, shared by the backends. Internal to src/storage: callers use OpenSqliteStore. Its
// methods: sql_store.cc (schema, flags, transactions), sql_imports.cc (upserts) and sql_audit.cc
// (the data version). Organizations, members and scores (organization_subject.h,
// score_subject.h), accounts, sessions and the audit log (account_records.h, session_records.h,
// audit_log.h), stored assessments, hand decisions and policies (assessment_records.h,
// hand_decision_records.h, policy_records.h) are subjects over Tx.
#pragma once

#include <exception>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/store.h"

namespace grassroots::storage {

class SqlStore final : public Store {
 public:
  // `migrations` are the backend's (Migrations(), PgMigrations()).
  SqlStore(Database db, std::span<const Migration> migrations)
      : db_(std::move(db)), migrations_(migrations) {}

  core::Status BeginReading() override;
  void EndReading() override;
  core::Result<std::int64_t> DataVersion() override;
  core::Status Read(const std::function<core::Status(Tx&)>& fn) override;
  using Store::Write;
  core::Status Write(const Actor& actor, const std::function<core::Status(Tx&)>& fn,
                     WriteSize size) override;
  void AllowExclusiveBulkWrites() override { exclusive_bulk_writes_ = true; }
  core::Result<YearLock> LockYear(int year) override;

  core::Status Migrate() override;
  core::Result<bool> IsEmpty() override;
  core::Result<bool> IsDemo() override;
  core::Status MarkDemo() override;

 private:
  Database db_;
  std::span<const Migration> migrations_;
  std::optional<Transaction> reading_;  // BeginReading's snapshot
  bool exclusive_bulk_writes_ = false;
};

// Runs `fn`, turning an exception (in practice std::bad_alloc on a huge table) into
// kInternal, so that none crosses the Store interface.
template <typename Fn>
auto Guarded(std::string_view what, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return core::Error::Internal(std::string(what) + ": " + e.what());
  }
}

// Prefixes an error's message with what was being done.
inline core::Error WithContext(core::Error error, std::string_view what) {
  error.message = std::string(what) + ": " + error.message;
  return error;
}

}  // namespace grassroots::storage
