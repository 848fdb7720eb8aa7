// RAII handles for SQLite: a connection, a prepared statement and a write transaction. Every
// failure comes back as a core::Error that says what was being done; no raw result code and
// no exception leaves this layer. Not thread-safe, like the Store that owns them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/clock.h"
#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace grassroots::storage {

// Maps an SQLite result code to a domain error: busy or locked, I/O, full disk and a file
// that is not a database are kUnavailable; constraint violations kConflict; the rest
// kInternal. `what` says what was being done ("importing organizations").
core::Error SqliteError(int rc, std::string_view detail, std::string_view what);

class StatementCache;

// A prepared statement. Bind parameters are 1-based, columns 0-based. Text bound with
// BindText must outlive the next Step/Reset: it is bound without copying, for speed.
// When it came from Database::Prepare, destroying it hands the compiled statement back to the
// connection for the next Prepare of the same SQL instead of throwing it away.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> cache = nullptr);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  Statement& BindText(int index, std::string_view value);
  // Binds NULL when `value` is empty: optional text columns hold NULL, not ''.
  Statement& BindTextOrNull(int index, std::string_view value);
  Statement& BindInt(int index, std::int64_t value);
  Statement& BindDouble(int index, double value);
  Statement& BindNull(int index);

  // Advances to the next row: true when a row is ready, false when done.
  core::Result<bool> Step();
  // Steps until done, then resets for reuse (an INSERT, UPDATE or DELETE).
  core::Status Run();
  // Makes the statement ready to run again; bindings are kept until rebound.
  void Reset();

  bool IsNull(int column) const;
  std::int64_t Int(int column) const;
  double Double(int column) const;
  // Valid until the next Step/Reset.
  std::string_view Text(int column) const;

 private:
  void Check(int rc, int index);
  void Release();           // back to the cache, or finalized
  std::string Sql() const;  // shortened, for error messages

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::shared_ptr<StatementCache> cache_;
  int bind_rc_ = 0;  // the first failed bind, reported by the next Step
  int bind_index_ = 0;
};

// An open connection. Closing happens in the destructor.
class Database {
 public:
  // Opens or creates the file and applies the connection settings (WAL, foreign keys, busy
  // timeout 5 s, synchronous NORMAL). kUnavailable naming `path` when that fails. `clock` says
  // what "now" is for everything written through the connection (audit entries, run times);
  // it must outlive the connection.
  static core::Result<Database> Open(const std::string& path,
                                     const core::Clock& clock = core::DefaultClock());

  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  ~Database();

  // Runs one or more statements that return no rows.
  core::Status Exec(std::string_view sql, std::string_view what);
  // Compiles one statement, or reuses the compiled form that an earlier Statement of the same
  // SQL text handed back: parsing and planning cost more than running most of our queries.
  core::Result<Statement> Prepare(std::string_view sql);
  // Runs one statement that returns no rows, compiled once per connection (BEGIN, COMMIT).
  core::Status Run(std::string_view sql, std::string_view what);
  // Runs a query that yields one integer (COUNT(*), EXISTS ...).
  core::Result<std::int64_t> QueryInt(std::string_view sql);
  core::Result<bool> TableExists(std::string_view table);

  const std::string& path() const { return path_; }
  const core::Clock& clock() const { return *clock_; }

  // The newest audit entry appended in the open write transaction (AppendAudit says so). Once
  // the transaction commits it is appended to the head file beside the database
  // (audit_heads.h); a rollback forgets it.
  void NoteAuditHead(std::int64_t id, std::string hash, std::string at);

  // Results of COUNT queries, remembered until the database changes (through this connection
  // or any other): a province's unfiltered list otherwise counts 300,000 rows on every page.
  // `key` names the query and its parameters.
  std::optional<std::int64_t> RememberedCount(const std::string& key);
  void RememberCount(std::string key, std::int64_t count);

  // Whether a transaction is open (BEGIN ... not yet ended).
  bool InTransaction() const;

 private:
  friend class Transaction;
  using Mark = std::pair<std::int64_t, std::int64_t>;
  struct PendingHead {
    std::int64_t id = 0;
    std::string hash;
    std::string at;
  };
  void Close();
  // After COMMIT and ROLLBACK of a write transaction: the noted head goes to the head file, or
  // is forgotten. Writing it is best effort: the commit stands, and `audit verify` shows a head
  // file that lags.
  void Committed();
  void RolledBack() { pending_head_.reset(); }
  // Changes whenever anything in the file changed, through this connection or any other: a
  // count remembered under one mark stays true while the mark stays the same. Taking it starts
  // the snapshot of a read transaction begun with BEGIN, so the mark describes what that
  // transaction reads.
  Mark ChangeMark();

  sqlite3* db_ = nullptr;
  std::string path_;
  const core::Clock* clock_ = &core::DefaultClock();
  std::string head_file_;  // empty: none (an in-memory database)
  std::optional<PendingHead> pending_head_;
  std::shared_ptr<StatementCache> cache_;
  std::unordered_map<std::string, std::int64_t> counts_;
  Mark counts_mark_{-1, -1};
};

// Recomputes the query planner's statistics of one table and its indexes (ANALYZE). Without
// them SQLite walks a province's 300,000 organizations (or a year's results) in code order to
// find the 50 of one unit (50-600 ms a page) instead of starting from the (unit, type) index
// (under 5 ms). About 0.1 s per 300,000 rows. `table` is one of our own names, never input.
core::Status RefreshStatistics(Database& db, std::string_view table);
// Whether ANALYZE has recorded anything for `table`.
core::Result<bool> HasStatistics(Database& db, std::string_view table);

// A transaction, rolled back unless committed. A write transaction is begun IMMEDIATE so
// that the write lock is taken up front (and waited for up to the busy timeout) instead of
// failing half-way; a read transaction gives several queries one snapshot. A read transaction
// begun inside another transaction is part of that one (SQLite does not nest them): a request
// that reads under one snapshot (Store::BeginReading) keeps it through every query it makes.
class Transaction {
 public:
  static core::Result<Transaction> Begin(Database& db);
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
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;  // null once committed or moved from
};

}  // namespace grassroots::storage
