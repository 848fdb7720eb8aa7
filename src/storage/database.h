// The database as the storage code sees it, whatever the backend: a connection (Database), a
// prepared statement (Statement) and a transaction (Transaction). Each is a handle, a value type
// holding a pointer to a backend's implementation (DatabaseImpl, StatementImpl): SQLite in
// sqlite_db.h, PostgreSQL in postgres/pg_database.h. SQL is written with `?` placeholders and in
// the subset both backends accept; Database::dialect() tells the few places that differ.
// Every failure comes back as a core::Error that says what was being done; no exception leaves
// this layer. Not thread-safe: one thread at a time uses a connection and its statements.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace grassroots::storage {

enum class Dialect { kSqlite, kPostgres };

// What a backend that holds a statement's result whole knows of it before it is stepped: how
// many rows it has, and one column of its last row.
struct WholeResult {
  int rows = 0;
  std::string_view last;  // valid while the result is
};

// A backend's prepared statement. Bind parameters are 1-based, columns 0-based.
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindInt(int index, std::int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindNull(int index) = 0;
  virtual void BindBlob(int index, std::string_view bytes) = 0;
  virtual core::Result<bool> Step() = 0;
  virtual void Reset() = 0;
  virtual bool IsNull(int column) const = 0;
  virtual std::int64_t Int(int column) const = 0;
  virtual double Double(int column) const = 0;
  virtual std::string_view Text(int column) const = 0;
  virtual std::string Blob(int column) const = 0;
  // See Statement::Whole and Statement::SendAhead. Default: rows stepped one at a time.
  virtual std::optional<WholeResult> Whole(int /*column*/) const { return std::nullopt; }
  virtual void SendAhead() {}
};

// A prepared statement. Text bound with BindText must outlive the next Step/Reset: a backend
// may bind it without copying, for speed. Destroying it hands the compiled statement back to its
// connection for the next Prepare of the same SQL where the backend keeps them.
class Statement {
 public:
  Statement() = default;
  explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}

  Statement& BindText(int index, std::string_view value) {
    impl_->BindText(index, value);
    return *this;
  }
  // Binds NULL when `value` is empty: optional text columns hold NULL, not ''.
  Statement& BindTextOrNull(int index, std::string_view value) {
    return value.empty() ? BindNull(index) : BindText(index, value);
  }
  Statement& BindInt(int index, std::int64_t value) {
    impl_->BindInt(index, value);
    return *this;
  }
  Statement& BindDouble(int index, double value) {
    impl_->BindDouble(index, value);
    return *this;
  }
  Statement& BindNull(int index) {
    impl_->BindNull(index);
    return *this;
  }
  // Binds bytes (a BLOB on SQLite, bytea on PostgreSQL); kept alive like BindText's text.
  Statement& BindBlob(int index, std::string_view bytes) {
    impl_->BindBlob(index, bytes);
    return *this;
  }

  // Advances to the next row: true when a row is ready, false when done.
  core::Result<bool> Step() { return impl_->Step(); }
  // Steps until done, then resets for reuse (an INSERT, UPDATE or DELETE).
  core::Status Run();
  // Makes the statement ready to run again; bindings are kept until rebound.
  void Reset() { impl_->Reset(); }

  bool IsNull(int column) const { return impl_->IsNull(column); }
  std::int64_t Int(int column) const { return impl_->Int(column); }
  double Double(int column) const { return impl_->Double(column); }
  // Valid until the next Step/Reset.
  std::string_view Text(int column) const { return impl_->Text(column); }
  // The bytes of a BLOB/bytea column (empty for NULL).
  std::string Blob(int column) const { return impl_->Blob(column); }

  // Once a Step has answered a row: where the backend has the whole result at hand already
  // (PostgreSQL), its row count and `column` of its last row; nullopt where rows come from the
  // file as they are stepped (SQLite).
  std::optional<WholeResult> Whole(int column) const { return impl_->Whole(column); }
  // Runs the statement again with its current bindings now, while the current result is still
  // being stepped: the next Step after Reset answers from that run, which the server works on
  // meanwhile. For a backend without whole results, nothing (the next Step runs it). Rebinding
  // after SendAhead changes nothing of that run.
  void SendAhead() { impl_->SendAhead(); }

 private:
  std::unique_ptr<StatementImpl> impl_;
};

// A backend's bulk load into one table (BulkLoad): a statement whose Run adds the bound row.
// The row's readers (IsNull, Int, ...) have nothing to read.
class BulkLoadImpl : public StatementImpl {
 public:
  // Sends what is still held and ends the load.
  virtual core::Status Finish() = 0;
};

// Rows loaded in bulk into one table: COPY ... FROM STDIN on PostgreSQL, several times faster
// than INSERT statements there; SQLite has none (Database::CanBulkLoad), its prepared INSERTs
// are as fast. Bind a row's columns on row() (1-based, in the order named when the load began,
// as a Statement's), then row().Run() adds it; Finish() ends the load. Rows are sent in pieces
// as they are added, so a load of millions holds one piece: from the first piece sent until
// Finish the connection runs nothing else (a Prepare'd statement run meanwhile fails). Destroyed
// unfinished, the load is abandoned and the transaction fails.
class BulkLoad {
 public:
  explicit BulkLoad(std::unique_ptr<BulkLoadImpl> impl)
      : impl_(impl.get()), row_(std::move(impl)) {}

  Statement& row() { return row_; }
  core::Status Finish() { return impl_->Finish(); }

 private:
  BulkLoadImpl* impl_;  // owned by row_
  Statement row_;
};

// A backend's connection. `path` names the database in messages (a file, or a URL without its
// password); `clock` is "now" for everything written through the connection and must outlive it.
class DatabaseImpl {
 public:
  DatabaseImpl(std::string path, const core::Clock& clock)
      : path_(std::move(path)), clock_(&clock) {}
  virtual ~DatabaseImpl() = default;
  DatabaseImpl(const DatabaseImpl&) = delete;
  DatabaseImpl& operator=(const DatabaseImpl&) = delete;

  const std::string& path() const { return path_; }
  const core::Clock& clock() const { return *clock_; }

  virtual Dialect dialect() const = 0;
  virtual core::Status Exec(std::string_view sql, std::string_view what) = 0;
  virtual core::Result<Statement> Prepare(std::string_view sql) = 0;
  virtual core::Result<bool> TableExists(std::string_view table) = 0;
  virtual bool InTransaction() const = 0;

  // Transactions, as Transaction below describes them.
  virtual core::Status BeginWrite() = 0;
  // A write transaction of millions of rows (Transaction::BeginBulk). Default: BeginWrite.
  virtual core::Status BeginBulkWrite() { return BeginWrite(); }
  virtual core::Status BeginRead() = 0;
  virtual core::Status Commit() = 0;
  virtual void Rollback() = 0;

  // See Database.
  virtual std::string HeadFile() const { return {}; }
  virtual void NoteAuditHead(std::int64_t id, std::string hash, std::string at) = 0;
  virtual std::optional<std::int64_t> RememberedCount(const std::string& key) = 0;
  virtual void RememberCount(std::string key, std::int64_t count) = 0;
  virtual core::Status RefreshStatistics(std::string_view table) = 0;
  // See Database::KnownDataVersion.
  virtual std::optional<std::int64_t> KnownDataVersion() { return std::nullopt; }
  // The run lock of one assessment year (Store::LockYear): taken for this connection, waiting
  // for whoever holds it on any connection of any server or process, and held until UnlockYear
  // or until the connection closes. Not a transaction: the run's reads and its write take their
  // own inside it.
  virtual core::Status LockYear(int year) = 0;
  virtual void UnlockYear(int year) = 0;
  virtual core::Result<bool> HasStatistics(std::string_view table) = 0;
  // See storage::EstimatedRows. Default: COUNT(*).
  virtual core::Result<std::int64_t> EstimatedRows(std::string_view table);
  // Bulk loads (BulkLoad): whether the backend has them, and one into `table` (`columns` as
  // "a, b, c"), which the backend may begin sending only when the first piece is full.
  virtual bool CanBulkLoad() const { return false; }
  virtual core::Result<BulkLoad> BeginBulkLoad(std::string_view /*table*/,
                                               std::string_view /*columns*/) {
    return core::Error::Internal("this database has no bulk load");
  }
  // Before a bulk load into `table` (an import): when the table is empty, the backend may take
  // off what costs per row — its foreign keys' row-by-row checks, its secondary indexes — and
  // answers the statements that put them back, to be run once every row is in: they check and
  // index all rows at once, so a row that breaks a key fails there and the transaction with it.
  // Both inside the one write transaction. Default: nothing taken off.
  virtual core::Result<std::vector<std::string>> SuspendForFirstLoad(std::string_view /*table*/) {
    return std::vector<std::string>{};
  }
  // After rows were written with their own `column` ids (a copy), new rows continue after the
  // largest: SQLite's INTEGER PRIMARY KEY does so by itself, an identity column is told.
  virtual core::Status ContinueIdentity(std::string_view /*table*/, std::string_view /*column*/) {
    return core::Status::Ok();
  }

 private:
  std::string path_;
  const core::Clock* clock_;
};

// An open connection, closed when the handle goes. Opened by a backend (OpenSqliteDatabase,
// OpenPgDatabase) or by OpenDatabase (open.h), which chooses the backend by URL.
class Database {
 public:
  Database() = default;
  explicit Database(std::unique_ptr<DatabaseImpl> impl) : impl_(std::move(impl)) {}

  Dialect dialect() const { return impl_->dialect(); }

  // Runs one or more statements that return no rows.
  core::Status Exec(std::string_view sql, std::string_view what) { return impl_->Exec(sql, what); }
  // Compiles one statement, or reuses the compiled form that an earlier Statement of the same
  // SQL text handed back: parsing and planning cost more than running most of our queries.
  core::Result<Statement> Prepare(std::string_view sql) { return impl_->Prepare(sql); }
  // Runs one statement that returns no rows, compiled once per connection (BEGIN, COMMIT).
  core::Status Run(std::string_view sql, std::string_view what);
  // Runs a query that yields one integer (COUNT(*), EXISTS ...).
  core::Result<std::int64_t> QueryInt(std::string_view sql);
  core::Result<bool> TableExists(std::string_view table) { return impl_->TableExists(table); }

  const std::string& path() const { return impl_->path(); }
  const core::Clock& clock() const { return impl_->clock(); }

  // The file beside the database that anchors the audit chain (audit_heads.h); empty when the
  // backend keeps none.
  std::string HeadFile() const { return impl_->HeadFile(); }

  // The newest audit entry appended in the open write transaction (AppendAudit says so), for a
  // backend that anchors the chain outside the database once the transaction commits
  // (audit_heads.h); a rollback forgets it.
  void NoteAuditHead(std::int64_t id, std::string hash, std::string at) {
    impl_->NoteAuditHead(id, std::move(hash), std::move(at));
  }

  // Results of COUNT queries, remembered until the database changes (through this connection
  // or any other): a province's unfiltered list otherwise counts 300,000 rows on every page.
  // `key` names the query and its parameters.
  std::optional<std::int64_t> RememberedCount(const std::string& key) {
    return impl_->RememberedCount(key);
  }
  void RememberCount(std::string key, std::int64_t count) {
    impl_->RememberCount(std::move(key), count);
  }

  // See BulkLoad. BeginBulkLoad is kInternal where CanBulkLoad is false.
  bool CanBulkLoad() const { return impl_->CanBulkLoad(); }
  core::Result<BulkLoad> BeginBulkLoad(std::string_view table, std::string_view columns) {
    return impl_->BeginBulkLoad(table, columns);
  }
  // See DatabaseImpl::SuspendForFirstLoad.
  core::Result<std::vector<std::string>> SuspendForFirstLoad(std::string_view table) {
    return impl_->SuspendForFirstLoad(table);
  }
  // The data version (Store::DataVersion) when the backend knows it without a query, as of no
  // later than the open read transaction's snapshot (or, outside one, than the next query's);
  // nullopt in a write transaction or when in doubt. PostgreSQL hears it from every server's
  // commits (postgres/pg_data_version.h); SQLite reads it.
  std::optional<std::int64_t> KnownDataVersion() { return impl_->KnownDataVersion(); }

  // Whether a transaction is open (BEGIN ... not yet ended).
  bool InTransaction() const { return impl_ != nullptr && impl_->InTransaction(); }

  DatabaseImpl& impl() { return *impl_; }

 private:
  std::unique_ptr<DatabaseImpl> impl_;
};

// The SQL a statement runs, shortened to one line for an error message.
std::string SqlExcerpt(std::string_view sql);

// Brings the query planner's statistics of one table and its indexes up to date after a bulk
// change (imports, assessments); `table` is one of our own names, never input. Without them
// SQLite walks a province's 300,000 organizations in code order to find the 50 of one unit
// instead of starting from the (unit, type) index.
core::Status RefreshStatistics(Database& db, std::string_view table);
// Whether the planner has statistics of `table`.
core::Result<bool> HasStatistics(Database& db, std::string_view table);
// About how many rows `table` holds, to reserve memory by and never to show: SQLite counts them
// (a walk of its smallest index), PostgreSQL answers its planner's figure (pg_class.reltuples,
// kept by ANALYZE and VACUUM; 0 before either ran), where a count of a country's 5.2 million
// organizations is a parallel scan of the table taking 2 s of the server's CPU.
core::Result<std::int64_t> EstimatedRows(Database& db, std::string_view table);

// A transaction, rolled back unless committed. A write transaction takes what the backend needs
// up front so that it does not fail half-way for want of a lock; a read transaction gives
// several queries one snapshot. A read transaction begun inside another transaction is part of
// that one: a request that reads under one snapshot (Store::BeginReading) keeps it through
// every query it makes.
class Transaction {
 public:
  static core::Result<Transaction> Begin(Database& db);
  // A write transaction of millions of rows (Store::Write's kBulk): the backend may write them
  // in a way that suits so many better, at a cost to other connections while it lasts (SQLite:
  // sqlite_db.cc).
  static core::Result<Transaction> BeginBulk(Database& db);
  static core::Result<Transaction> BeginRead(Database& db);

  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  // Commits. On failure (a deferred foreign key violated, a full disk) the transaction is
  // rolled back by the destructor and nothing is written.
  core::Status Commit();

 private:
  explicit Transaction(DatabaseImpl* db) : db_(db) {}
  DatabaseImpl* db_ = nullptr;  // null once committed or moved from
};

}  // namespace grassroots::storage
