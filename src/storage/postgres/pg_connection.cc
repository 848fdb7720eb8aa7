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
    : conn_(other.conn_), prepared_(std::move(other.prepared_)) {
  other.conn_ = nullptr;
}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (conn_ != nullptr) PQfinish(conn_);
    conn_ = other.conn_;
    prepared_ = std::move(other.prepared_);
    other.conn_ = nullptr;
  }
  return *this;
}

Connection::~Connection() {
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

core::Status Connection::Exec(std::string_view sql, std::string_view what) {
  pg_result* result = PQexec(conn_, std::string(sql).c_str());
  const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return ErrorOf(result, what);
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
  auto name = PreparedName(sql, static_cast<int>(params.size()));
  if (!name.ok()) return name.error();
  std::vector<std::string> texts;
  std::vector<const char*> values;
  texts.reserve(params.size());
  values.reserve(params.size());
  for (const Param& param : params) {
    texts.push_back(ParamText(param));
    values.push_back(std::holds_alternative<std::monostate>(param) ? nullptr
                                                                   : texts.back().c_str());
  }
  pg_result* result = PQexecPrepared(conn_, name.value().c_str(), static_cast<int>(params.size()),
                                     values.data(), nullptr, nullptr, 0);
  const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return ErrorOf(result, std::string(sql.substr(0, 80)));
  }
  return Rows(result);
}

core::Result<std::optional<std::int64_t>> Connection::QueryInt(std::string_view sql,
                                                               const Params& params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return rows.error();
  if (rows.value().size() == 0 || rows.value().IsNull(0, 0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows.value().Int(0, 0));
}

core::Status Connection::CopyBegin(std::string_view copy_sql) {
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
  return conn_ != nullptr && PQtransactionStatus(conn_) != PQTRANS_IDLE;
}

bool Connection::InFailedTransaction() const {
  return conn_ != nullptr && PQtransactionStatus(conn_) == PQTRANS_INERROR;
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
