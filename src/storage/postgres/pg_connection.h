// RAII handles for libpq: a connection that prepares each SQL text once, a query result, and
// COPY ... FROM STDIN for bulk loads. Every failure comes back as a core::Error saying what was
// being done; no PGresult or exception leaves this layer. A Connection is used by one thread at
// a time (the pool in pg_pool.h hands them out).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"

struct pg_conn;
struct pg_result;

namespace grassroots::storage::pg {

// A parameter sent as text ($1, $2, ...); monostate sends NULL. Numbers are written as their
// shortest round-trip decimal text, so a score of 85.5 arrives as "85.5" in a NUMERIC column.
using Param = std::variant<std::monostate, std::string, std::int64_t, double, bool>;
using Params = std::vector<Param>;

// The SQLSTATE classes callers act on.
inline constexpr std::string_view kSerializationFailure = "40001";
inline constexpr std::string_view kDeadlockDetected = "40P01";
inline constexpr std::string_view kUniqueViolation = "23505";

// The rows of one query. Columns and rows are 0-based; values arrive as text.
class Rows {
 public:
  Rows() = default;
  explicit Rows(pg_result* result);
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  Rows(Rows&& other) noexcept;
  Rows& operator=(Rows&& other) noexcept;
  ~Rows();

  int size() const;
  int columns() const;
  bool IsNull(int row, int column) const;
  // Valid while this Rows lives.
  std::string_view Text(int row, int column) const;
  std::int64_t Int(int row, int column) const;  // 0 when NULL or not a number
  double Double(int row, int column) const;     // 0 when NULL
  bool Bool(int row, int column) const;         // 't' is true
  // Rows changed by an INSERT, UPDATE or DELETE.
  std::int64_t Affected() const;

 private:
  pg_result* result_ = nullptr;
};

// The SQLSTATE of an error that came from the server ("" for others); errors made here carry it
// in their `reason` as "sqlstate_XXXXX".
std::string_view SqlState(const core::Error& error);
// True for the failures a transaction is retried after (serialization failure, deadlock).
bool IsRetryable(const core::Error& error);

class Connection {
 public:
  // Connects to `url` (postgresql://... or a libpq keyword string). kUnavailable naming the
  // server's message when that fails. The password, if any, never appears in the message.
  static core::Result<Connection> Open(const std::string& url);

  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  ~Connection();

  // One or more statements without parameters (DDL, BEGIN, COMMIT).
  core::Status Exec(std::string_view sql, std::string_view what);
  // A statement with $n parameters. It is prepared on this connection the first time its text
  // is seen and executed by name after that: planning costs more than running most queries.
  core::Result<Rows> Query(std::string_view sql, const Params& params = {});
  // The first column of the first row as an integer; nullopt when there is no row or it is NULL.
  core::Result<std::optional<std::int64_t>> QueryInt(std::string_view sql,
                                                     const Params& params = {});

  // COPY table (columns) FROM STDIN in text format: Begin, then Put the rows (already escaped
  // with CopyText and joined by tabs, each ending in '\n'), then End. Data is sent in large
  // pieces; an error in any step leaves the transaction failed.
  core::Status CopyBegin(std::string_view copy_sql);
  core::Status CopyPut(std::string_view data);
  core::Status CopyEnd();
  // Ends a COPY begun with CopyBegin without loading it: the server fails the statement (and so
  // the transaction), the connection is ready for the ROLLBACK.
  void CopyAbort();

  // Read transactions in fewer round trips (pipeline mode, libpq 14+). DeferBegin keeps `sql`
  // (a BEGIN) to be sent with the next statement instead of alone; CancelDeferred drops it if
  // it was not sent yet (nothing ran in the transaction) and says whether it did.
  // SendWithoutWaiting sends `sql` (the COMMIT of a read transaction) and leaves its answer to
  // be read, and any error ignored, before the connection's next use: nothing waits for it.
  void DeferBegin(std::string sql) { deferred_ = std::move(sql); }
  bool CancelDeferred() { return !std::exchange(deferred_, std::string()).empty(); }
  void SendWithoutWaiting(std::string_view sql);

  // A query sent before its answer is wanted (a paged read's next page, sent while the caller
  // works on the current one): SendAhead sends it and answers a ticket; PumpAhead reads what of
  // its answer has arrived without waiting, so that the server is not held up by a full socket;
  // TakeAhead waits for the rest and answers it as Query would. Any other use of the connection
  // in between first reads the whole answer and keeps it for TakeAhead. One at a time: a second
  // SendAhead drops the first one's answer, after which HasAhead(first ticket) is false and its
  // sender runs the query itself. DropAhead forgets the ticket's answer.
  core::Result<std::uint64_t> SendAhead(std::string_view sql, const Params& params);
  bool HasAhead(std::uint64_t ticket) const;
  void PumpAhead();
  core::Result<Rows> TakeAhead(std::uint64_t ticket);
  void DropAhead(std::uint64_t ticket);

  // True when the server connection is usable (not broken by a network failure).
  bool Healthy() const;
  // True inside BEGIN ... COMMIT/ROLLBACK (also when the transaction has failed).
  bool InTransaction() const;
  // True inside a transaction that a failed statement has aborted: COMMIT would roll it back.
  bool InFailedTransaction() const;
  // Forgets the statements prepared on this connection (after DISCARD ALL, say).
  void ForgetPrepared() { prepared_.clear(); }

 private:
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  core::Result<std::string> PreparedName(std::string_view sql, int params);
  core::Error ErrorOf(pg_result* result, std::string_view what) const;
  // The rows of a statement's answer, or ErrorOf it (`what` names the statement).
  core::Result<Rows> RowsOf(pg_result* result, std::string_view what) const;
  // Reads and drops the answer SendWithoutWaiting left, if any, and reads SendAhead's answer
  // into ahead_result_.
  void Settle() const;
  // Sends the deferred BEGIN, alone (Exec, COPY) or pipelined before `name` (Query).
  core::Status SendDeferred();
  core::Result<Rows> QueryAfterBegin(const std::string& name, const std::string& sql,
                                     const std::vector<const char*>& values);

  pg_conn* conn_ = nullptr;
  std::string deferred_;                       // DeferBegin's statement, not sent yet
  mutable bool unread_ = false;                // SendWithoutWaiting's answer is still to be read
  mutable bool ahead_sent_ = false;            // SendAhead's answer is still to be read
  mutable bool ahead_ready_ = false;           // and once read, it waits in ahead_result_
  mutable pg_result* ahead_result_ = nullptr;  // (null: the connection failed; see ErrorOf)
  std::string ahead_what_;                     // the query, for an error message
  std::uint64_t ahead_ticket_ = 0;             // SendAhead's last; 0: none waiting
  std::uint64_t tickets_ = 0;                  // tickets handed out
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
};

// A value in COPY's text format: backslash, tab, newline and carriage return escaped; NULL is
// written by the caller as \N.
void AppendCopyText(std::string& out, std::string_view value);

// The shortest decimal text that reads back as exactly `value`.
std::string DecimalText(double value);

}  // namespace grassroots::storage::pg
