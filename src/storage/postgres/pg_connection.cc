#include "storage/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>

namespace grassroots::storage::pg {
namespace {

constexpr std::string_view kSqlStatePrefix = "sqlstate_";
constexpr std::size_t kCopyChunk = 1 << 20;  // bytes handed to libpq at once

// The server's message without the trailing newline libpq keeps.
std::string Trimmed(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

core::ErrorCode CodeOfState(std::string_view state) {
  if (state.size() != 5) return core::ErrorCode::kUnavailable;  // no server answer at all
  if (state.starts_with("08") || state.starts_with("53") || state.starts_with("57") ||
      state == "55P03") {
    return core::ErrorCode::kUnavailable;  // connection, resources, shutdown, lock not available
  }
  if (state.starts_with("23") || state == kSerializationFailure || state == kDeadlockDetected) {
    return core::ErrorCode::kConflict;
  }
  return core::ErrorCode::kInternal;
}

std::string ParamText(const Param& param) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& text) const { return text; }
    std::string operator()(std::int64_t value) const { return std::to_string(value); }
    std::string operator()(double value) const { return DecimalText(value); }
    std::string operator()(bool value) const { return value ? "true" : "false"; }
  };
  return std::visit(Visitor{}, param);
}

// Whether a statement's answer says it succeeded (null: the connection failed).
bool Succeeded(pg_result* result) {
  const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// Reads one statement's results up to the null that ends them: the first is its answer (or its
// error), any others are dropped. Null when the connection failed.
pg_result* AnswerOf(pg_conn* conn) {
  pg_result* answer = nullptr;
  while (pg_result* result = PQgetResult(conn)) {
    if (answer == nullptr) {
      answer = result;
    } else {
      PQclear(result);
    }
  }
  return answer;
}

// Parameters as libpq takes them: texts, and a pointer to each (null for NULL).
struct ParamValues {
  explicit ParamValues(const Params& params) {
    texts.reserve(params.size());
    values.reserve(params.size());
    for (const Param& param : params) {
      texts.push_back(ParamText(param));
      values.push_back(std::holds_alternative<std::monostate>(param) ? nullptr
                                                                     : texts.back().c_str());
    }
  }
  int size() const { return static_cast<int>(values.size()); }

  std::vector<std::string> texts;
  std::vector<const char*> values;
};

}  // namespace

Rows::Rows(pg_result* result) : result_(result) {}
Rows::Rows(Rows&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
Rows& Rows::operator=(Rows&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}
Rows::~Rows() {
  if (result_ != nullptr) PQclear(result_);
}

int Rows::size() const { return result_ != nullptr ? PQntuples(result_) : 0; }
int Rows::columns() const { return result_ != nullptr ? PQnfields(result_) : 0; }
bool Rows::IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
std::string_view Rows::Text(int row, int column) const {
  return {PQgetvalue(result_, row, column),
          static_cast<std::size_t>(PQgetlength(result_, row, column))};
}
std::int64_t Rows::Int(int row, int column) const {
  const std::string_view text = Text(row, column);
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}
double Rows::Double(int row, int column) const {
  if (IsNull(row, column)) return 0;
  return std::strtod(PQgetvalue(result_, row, column), nullptr);
}
bool Rows::Bool(int row, int column) const { return Text(row, column) == "t"; }
std::int64_t Rows::Affected() const {
  const char* count = result_ != nullptr ? PQcmdTuples(result_) : "";
  return count[0] != '\0' ? std::atoll(count) : 0;
}

std::string_view SqlState(const core::Error& error) {
  std::string_view reason = error.reason;
  if (!reason.starts_with(kSqlStatePrefix)) return {};
  return reason.substr(kSqlStatePrefix.size());
}

bool IsRetryable(const core::Error& error) {
  const std::string_view state = SqlState(error);
  return state == kSerializationFailure || state == kDeadlockDetected;
}

core::Result<Connection> Connection::Open(const std::string& url) {
  pg_conn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return core::Error::Unavailable("cannot allocate a PostgreSQL connection");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return core::Error::Unavailable("cannot connect to PostgreSQL: " + message, "--db");
  }
  Connection out(conn);
  // Answers in UTF-8 and ISO dates whatever the server's defaults; errors in English.
  if (auto s = out.Exec("SET client_encoding = 'UTF8'; SET DateStyle = 'ISO';"
                        " SET client_min_messages = 'warning'",
                        "configuring the connection");
      !s.ok()) {
    return s.error();
  }
  return out;
}

Connection::Connection(Connection&& other) noexcept
    : conn_(other.conn_),
      deferred_(std::move(other.deferred_)),
      unread_(other.unread_),
      ahead_sent_(other.ahead_sent_),
      ahead_ready_(other.ahead_ready_),
      ahead_result_(std::exchange(other.ahead_result_, nullptr)),
      ahead_what_(std::move(other.ahead_what_)),
      ahead_ticket_(std::exchange(other.ahead_ticket_, 0)),
      tickets_(other.tickets_),
      prepared_(std::move(other.prepared_)) {
  other.conn_ = nullptr;
  other.unread_ = other.ahead_sent_ = other.ahead_ready_ = false;
}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (ahead_result_ != nullptr) PQclear(ahead_result_);
    if (conn_ != nullptr) PQfinish(conn_);
    conn_ = other.conn_;
    deferred_ = std::move(other.deferred_);
    unread_ = other.unread_;
    ahead_sent_ = other.ahead_sent_;
    ahead_ready_ = other.ahead_ready_;
    ahead_result_ = std::exchange(other.ahead_result_, nullptr);
    ahead_what_ = std::move(other.ahead_what_);
    ahead_ticket_ = std::exchange(other.ahead_ticket_, 0);
    tickets_ = other.tickets_;
    prepared_ = std::move(other.prepared_);
    other.conn_ = nullptr;
    other.unread_ = other.ahead_sent_ = other.ahead_ready_ = false;
  }
  return *this;
}

Connection::~Connection() {
  if (ahead_result_ != nullptr) PQclear(ahead_result_);
  if (conn_ != nullptr) PQfinish(conn_);
}

core::Error Connection::ErrorOf(pg_result* result, std::string_view what) const {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string message =
      Trimmed(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  const std::string sqlstate = state != nullptr ? state : "";
  core::Error error{CodeOfState(sqlstate), std::string(what) + ": " + message, {}, {}, {}};
  if (!sqlstate.empty()) error.reason = std::string(kSqlStatePrefix) + sqlstate;
  if (result != nullptr) PQclear(result);
  return error;
}

core::Result<Rows> Connection::RowsOf(pg_result* result, std::string_view what) const {
  if (!Succeeded(result)) return ErrorOf(result, what);
  return Rows(result);
}

core::Status Connection::Exec(std::string_view sql, std::string_view what) {
  Settle();
  // Several statements in one message: the deferred BEGIN goes first, in the same round trip.
  const std::string text =
      deferred_.empty() ? std::string(sql) : deferred_ + "; " + std::string(sql);
  deferred_.clear();
  pg_result* result = PQexec(conn_, text.c_str());
  if (!Succeeded(result)) return ErrorOf(result, what);
  PQclear(result);
  return core::Status::Ok();
}

core::Result<std::string> Connection::PreparedName(std::string_view sql, int params) {
  const std::string key(sql);
  if (auto it = prepared_.find(key); it != prepared_.end()) return it->second;
  std::string name = "g" + std::to_string(prepared_.size() + 1);
  pg_result* result = PQprepare(conn_, name.c_str(), key.c_str(), params, nullptr);
  if (result == nullptr || PQresultStatus(result) != PGRES_COMMAND_OK) {
    return ErrorOf(result, "preparing " + key.substr(0, 80));
  }
  PQclear(result);
  prepared_.emplace(key, name);
  return name;
}

core::Result<Rows> Connection::Query(std::string_view sql, const Params& params) {
  Settle();
  // A statement not prepared yet is prepared after the BEGIN, as one more round trip: its first
  // use on this connection only.
  if (!deferred_.empty() && !prepared_.contains(std::string(sql))) {
    if (core::Status sent = SendDeferred(); !sent.ok()) return sent.error();
  }
  auto name = PreparedName(sql, static_cast<int>(params.size()));
  if (!name.ok()) return name.error();
  const ParamValues values(params);
  if (!deferred_.empty()) return QueryAfterBegin(name.value(), std::string(sql), values.values);
  return RowsOf(PQexecPrepared(conn_, name.value().c_str(), values.size(), values.values.data(),
                               nullptr, nullptr, 0),
                sql.substr(0, 80));
}

core::Result<std::optional<std::int64_t>> Connection::QueryInt(std::string_view sql,
                                                               const Params& params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return rows.error();
  if (rows.value().size() == 0 || rows.value().IsNull(0, 0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows.value().Int(0, 0));
}

core::Status Connection::CopyBegin(std::string_view copy_sql) {
  Settle();
  if (core::Status sent = SendDeferred(); !sent.ok()) return sent;
  pg_result* result = PQexec(conn_, std::string(copy_sql).c_str());
  if (result == nullptr || PQresultStatus(result) != PGRES_COPY_IN) {
    return ErrorOf(result, "starting " + std::string(copy_sql.substr(0, 80)));
  }
  PQclear(result);
  return core::Status::Ok();
}

core::Status Connection::CopyPut(std::string_view data) {
  while (!data.empty()) {
    const std::size_t size = std::min(data.size(), kCopyChunk);
    if (PQputCopyData(conn_, data.data(), static_cast<int>(size)) != 1) {
      return ErrorOf(nullptr, "sending COPY data");
    }
    data.remove_prefix(size);
  }
  return core::Status::Ok();
}

core::Status Connection::CopyEnd() {
  if (PQputCopyEnd(conn_, nullptr) != 1) return ErrorOf(nullptr, "ending COPY");
  core::Status status;
  while (pg_result* result = PQgetResult(conn_)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
      if (status.ok())
        status = ErrorOf(result, "COPY");
      else
        PQclear(result);
    } else {
      PQclear(result);
    }
  }
  return status;
}

void Connection::CopyAbort() {
  if (PQputCopyEnd(conn_, "abandoned by the client") != 1) return;
  while (pg_result* result = PQgetResult(conn_)) PQclear(result);
}

bool Connection::Healthy() const { return conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK; }

bool Connection::InTransaction() const {
  Settle();
  return !deferred_.empty() || (conn_ != nullptr && PQtransactionStatus(conn_) != PQTRANS_IDLE);
}

bool Connection::InFailedTransaction() const {
  Settle();
  return conn_ != nullptr && PQtransactionStatus(conn_) == PQTRANS_INERROR;
}

void Connection::SendWithoutWaiting(std::string_view sql) {
  Settle();
  if (conn_ == nullptr) return;
  unread_ = PQsendQuery(conn_, std::string(sql).c_str()) == 1;
}

void Connection::Settle() const {
  if (unread_) {
    unread_ = false;
    while (pg_result* result = PQgetResult(conn_)) PQclear(result);
  }
  if (ahead_sent_) {
    ahead_sent_ = false;
    ahead_ready_ = true;
    ahead_result_ = AnswerOf(conn_);
  }
}

core::Result<std::uint64_t> Connection::SendAhead(std::string_view sql, const Params& params) {
  DropAhead(ahead_ticket_);
  if (core::Status sent = SendDeferred(); !sent.ok()) return sent.error();
  auto name = PreparedName(sql, static_cast<int>(params.size()));
  if (!name.ok()) return name.error();
  const ParamValues values(params);
  ahead_what_ = std::string(sql.substr(0, 80));
  if (PQsendQueryPrepared(conn_, name.value().c_str(), values.size(), values.values.data(), nullptr,
                          nullptr, 0) != 1) {
    return ErrorOf(nullptr, "sending " + ahead_what_);
  }
  ahead_sent_ = true;
  ahead_ticket_ = ++tickets_;
  return ahead_ticket_;
}

bool Connection::HasAhead(std::uint64_t ticket) const {
  return ticket != 0 && ticket == ahead_ticket_;
}

void Connection::PumpAhead() {
  // A failure here shows again when the answer is taken.
  if (ahead_sent_) (void)PQconsumeInput(conn_);
}

core::Result<Rows> Connection::TakeAhead(std::uint64_t ticket) {
  if (!HasAhead(ticket)) return core::Error::Internal("no such query was sent ahead");
  Settle();
  ahead_ticket_ = 0;
  ahead_ready_ = false;
  return RowsOf(std::exchange(ahead_result_, nullptr), ahead_what_);
}

void Connection::DropAhead(std::uint64_t ticket) {
  if (!HasAhead(ticket)) return;
  Settle();
  ahead_ticket_ = 0;
  ahead_ready_ = false;
  if (ahead_result_ != nullptr) PQclear(std::exchange(ahead_result_, nullptr));
}

core::Status Connection::SendDeferred() {
  if (deferred_.empty()) return core::Status::Ok();
  const std::string begin = std::exchange(deferred_, std::string());
  return Exec(begin, "starting a transaction");
}

// BEGIN and the statement in one pipeline: sent together, answered together.
core::Result<Rows> Connection::QueryAfterBegin(const std::string& name, const std::string& sql,
                                               const std::vector<const char*>& values) {
  const std::string begin = std::exchange(deferred_, std::string());
  if (PQenterPipelineMode(conn_) != 1) {
    if (core::Status sent = Exec(begin, "starting a transaction"); !sent.ok()) return sent.error();
    return RowsOf(PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, 0),
                  sql.substr(0, 80));
  }
  const bool sent =
      PQsendQueryParams(conn_, begin.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
      PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(),
                          nullptr, nullptr, 0) == 1 &&
      PQpipelineSync(conn_) == 1;
  // Each statement's results end with a null; the pipeline's with its sync. The first result of
  // each statement is its answer (or its error; the query's is "aborted" when BEGIN failed).
  pg_result* answers[2] = {nullptr, nullptr};
  if (sent) {
    for (pg_result*& answer : answers) answer = AnswerOf(conn_);
    while (pg_result* result = PQgetResult(conn_)) {
      const bool synced = PQresultStatus(result) == PGRES_PIPELINE_SYNC;
      PQclear(result);
      if (synced) break;
    }
  }
  (void)PQexitPipelineMode(conn_);
  if (!Succeeded(answers[0])) {
    if (answers[1] != nullptr) PQclear(answers[1]);
    return ErrorOf(answers[0], "starting a transaction");
  }
  PQclear(answers[0]);
  return RowsOf(answers[1], sql.substr(0, 80));
}

void AppendCopyText(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

std::string DecimalText(double value) {
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  return ec == std::errc() ? std::string(text, end) : std::to_string(value);
}

}  // namespace grassroots::storage::pg
