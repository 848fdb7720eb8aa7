#include "storage/database.h"

#include <utility>

namespace grassroots::storage {

std::string SqlExcerpt(std::string_view sql) {
  constexpr std::size_t kMax = 60;
  std::string text(sql.substr(0, kMax));
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return sql.size() > kMax ? text + "..." : text;
}

core::Status Statement::Run() {
  for (;;) {
    core::Result<bool> row = Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
  }
  Reset();
  return core::Status::Ok();
}

core::Status Database::Run(std::string_view sql, std::string_view what) {
  core::Result<Statement> stmt = Prepare(sql);
  core::Status status = stmt.ok() ? stmt.value().Run() : core::Status(stmt.error());
  if (status.ok()) return status;
  core::Error error = status.error();
  error.message = std::string(what) + ": " + error.message;
  return error;
}

core::Result<std::int64_t> Database::QueryInt(std::string_view sql) {
  core::Result<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  core::Result<bool> row = stmt.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return core::Error::Internal("no row from " + SqlExcerpt(sql));
  return stmt.value().Int(0);
}

core::Status RefreshStatistics(Database& db, std::string_view table) {
  return db.impl().RefreshStatistics(table);
}

core::Result<bool> HasStatistics(Database& db, std::string_view table) {
  return db.impl().HasStatistics(table);
}

core::Result<std::int64_t> EstimatedRows(Database& db, std::string_view table) {
  return db.impl().EstimatedRows(table);
}

core::Result<std::int64_t> DatabaseImpl::EstimatedRows(std::string_view table) {
  const std::string sql = "SELECT COUNT(*) FROM " + std::string(table);
  core::Result<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  core::Result<bool> row = stmt.value().Step();
  if (!row.ok()) return row.error();
  return row.value() ? stmt.value().Int(0) : 0;
}

core::Result<Transaction> Transaction::Begin(Database& db) {
  if (core::Status status = db.impl().BeginWrite(); !status.ok()) return status.error();
  return Transaction(&db.impl());
}

core::Result<Transaction> Transaction::BeginBulk(Database& db) {
  if (core::Status status = db.impl().BeginBulkWrite(); !status.ok()) return status.error();
  return Transaction(&db.impl());
}

core::Result<Transaction> Transaction::BeginRead(Database& db) {
  if (db.InTransaction()) return Transaction(nullptr);  // the open one's snapshot serves
  if (core::Status status = db.impl().BeginRead(); !status.ok()) return status.error();
  return Transaction(&db.impl());
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  // Nothing to report to: the caller already has the error that made it give up.
  if (db_ != nullptr) db_->Rollback();
}

core::Status Transaction::Commit() {
  if (db_ == nullptr) return core::Status::Ok();  // part of an enclosing transaction
  core::Status status = db_->Commit();
  if (status.ok()) db_ = nullptr;
  return status;
}

}  // namespace grassroots::storage
