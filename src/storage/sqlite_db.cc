#include "storage/sqlite_db.h"

#include <sqlite3.h>

#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>

#include "storage/audit_heads.h"

namespace grassroots::storage {

// The compiled statements of one connection that are not in use, by SQL text. Shared by the
// Database and the Statements it prepared, so either may go first: once the Database closes,
// statements handed back are finalized instead.
class StatementCache {
 public:
  // Enough for every distinct query the server runs; a flood of one-off SQL texts (scope lists
  // of many lengths) is finalized instead of growing the cache without bound.
  static constexpr std::size_t kMaxIdle = 256;

  ~StatementCache() { Close(); }

  sqlite3_stmt* Take(std::string_view sql) {
    auto it = idle_.find(sql);
    if (it == idle_.end()) return nullptr;
    sqlite3_stmt* stmt = it->second;
    idle_.erase(it);
    return stmt;
  }

  void Give(sqlite3_stmt* stmt) {
    sqlite3_reset(stmt);
    // Text is bound without copying; the caller's strings are gone after this.
    sqlite3_clear_bindings(stmt);
    if (closed_ || idle_.size() >= kMaxIdle) {
      sqlite3_finalize(stmt);
      return;
    }
    idle_.emplace(sqlite3_sql(stmt), stmt);
  }

  void Close() {
    for (auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
    idle_.clear();
    closed_ = true;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };
  std::unordered_multimap<std::string, sqlite3_stmt*, Hash, std::equal_to<>> idle_;
  bool closed_ = false;
};

namespace {

// Connection settings. WAL lets readers go on while an import writes; synchronous=NORMAL is
// durable across process crashes in WAL mode (only power loss may lose the last commit).
// The 64 MiB page cache keeps the indexes of a bulk import in memory instead of spilling.
constexpr std::string_view kConnectionPragmas =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA cache_size = -65536;"
    "PRAGMA temp_store = MEMORY;";
constexpr int kBusyTimeoutMs = 5000;

// The SQL a statement runs, shortened for an error message.
std::string Excerpt(std::string_view sql) {
  constexpr std::size_t kMax = 60;
  std::string text(sql.substr(0, kMax));
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return sql.size() > kMax ? text + "..." : text;
}

}  // namespace

core::Error SqliteError(int rc, std::string_view detail, std::string_view what) {
  std::string message = std::string(what) + ": " + std::string(detail);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return core::Error::Unavailable(message + " (another process holds the database)");
    case SQLITE_CONSTRAINT:
      return core::Error::Conflict(message);
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return core::Error::Unavailable(message);
    default:
      return core::Error::Internal(message);
  }
}

// --- Statement ---

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> cache)
    : db_(db), stmt_(stmt), cache_(std::move(cache)) {}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      cache_(std::move(other.cache_)),
      bind_rc_(other.bind_rc_),
      bind_index_(other.bind_index_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    Release();
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    cache_ = std::move(other.cache_);
    bind_rc_ = other.bind_rc_;
    bind_index_ = other.bind_index_;
  }
  return *this;
}

Statement::~Statement() { Release(); }

void Statement::Release() {
  if (stmt_ == nullptr) return;
  if (cache_) {
    cache_->Give(stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
  stmt_ = nullptr;
  cache_.reset();
}

std::string Statement::Sql() const {
  const char* sql = stmt_ != nullptr ? sqlite3_sql(stmt_) : nullptr;
  return Excerpt(sql != nullptr ? sql : "");
}

void Statement::Check(int rc, int index) {
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
}

Statement& Statement::BindText(int index, std::string_view value) {
  // SQLITE_STATIC: the caller keeps the text alive until the step; copying 5 million rows'
  // worth of strings would be measurable.
  Check(
      sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC),
      index);
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view value) {
  return value.empty() ? BindNull(index) : BindText(index, value);
}

Statement& Statement::BindInt(int index, std::int64_t value) {
  Check(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  Check(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::BindNull(int index) {
  Check(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

core::Result<bool> Statement::Step() {
  if (bind_rc_ != SQLITE_OK) {
    return SqliteError(bind_rc_, sqlite3_errstr(bind_rc_),
                       "binding parameter " + std::to_string(bind_index_) + " of " + Sql());
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  core::Error error = SqliteError(rc, sqlite3_errmsg(db_), "running " + Sql());
  sqlite3_reset(stmt_);
  return error;
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

void Statement::Reset() { sqlite3_reset(stmt_); }

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return {text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

// --- Database ---

core::Result<Database> Database::Open(const std::string& path, const core::Clock& clock) {
  // SQLite counts its memory use under one process-wide mutex on every allocation; with a
  // connection per server thread that mutex is where requests queue. Only possible before
  // SQLite initializes, hence the first Open.
  static const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemoryStatistics;
  Database db;
  db.path_ = path;
  db.clock_ = &clock;
  db.head_file_ = HeadFilePath(path);
  db.cache_ = std::make_shared<StatementCache>();
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags, nullptr);
  const auto unavailable = [&path](std::string_view detail) {
    return core::Error::Unavailable("cannot open database " + path + ": " + std::string(detail),
                                    path);
  };
  if (rc != SQLITE_OK) {
    return unavailable(db.db_ != nullptr ? sqlite3_errmsg(db.db_) : sqlite3_errstr(rc));
  }
  sqlite3_extended_result_codes(db.db_, 1);
  sqlite3_busy_timeout(db.db_, kBusyTimeoutMs);
  // journal_mode answers with the mode it got; anything but "wal" means the file is not
  // usable as we expect (a read-only directory, a file that is not a database).
  core::Result<Statement> wal = db.Prepare("PRAGMA journal_mode = WAL");
  if (!wal.ok()) return unavailable(wal.error().message);
  core::Result<bool> row = wal.value().Step();
  if (!row.ok()) return unavailable(row.error().message);
  if (!row.value() || wal.value().Text(0) != "wal") {
    return unavailable("cannot switch to WAL journal mode");
  }
  wal.value() = Statement();
  if (core::Status status = db.Exec(kConnectionPragmas, "configuring the connection");
      !status.ok()) {
    return unavailable(status.error().message);
  }
  return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      clock_(other.clock_),
      head_file_(std::move(other.head_file_)),
      pending_head_(std::move(other.pending_head_)),
      cache_(std::move(other.cache_)),
      counts_(std::move(other.counts_)),
      counts_mark_(other.counts_mark_) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    Close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    clock_ = other.clock_;
    head_file_ = std::move(other.head_file_);
    pending_head_ = std::move(other.pending_head_);
    cache_ = std::move(other.cache_);
    counts_ = std::move(other.counts_);
    counts_mark_ = other.counts_mark_;
  }
  return *this;
}

// close_v2 defers the close until every statement is finalized, so destruction order of a
// Database and its Statements does not matter.
Database::~Database() { Close(); }

void Database::Close() {
  if (cache_) cache_->Close();
  cache_.reset();
  sqlite3_close_v2(db_);
  db_ = nullptr;
}

core::Status Database::Exec(std::string_view sql, std::string_view what) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return core::Status::Ok();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return SqliteError(rc, detail, what);
}

core::Result<Statement> Database::Prepare(std::string_view sql) {
  if (sqlite3_stmt* reused = cache_ ? cache_->Take(sql) : nullptr) {
    return Statement(db_, reused, cache_);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return SqliteError(rc, sqlite3_errmsg(db_), "preparing " + Excerpt(sql));
  }
  // The cache finds it again by the text SQLite keeps (sqlite3_sql), which is the text compiled:
  // anything after a first statement is not part of it, so such SQL is never reused.
  const char* tail_free = sqlite3_sql(stmt);
  const bool reusable = cache_ && tail_free != nullptr && std::string_view(tail_free) == sql;
  return Statement(db_, stmt, reusable ? cache_ : nullptr);
}

core::Status Database::Run(std::string_view sql, std::string_view what) {
  core::Result<Statement> stmt = Prepare(sql);
  core::Status status = stmt.ok() ? stmt.value().Run() : core::Status(stmt.error());
  if (status.ok()) return status;
  core::Error error = status.error();
  error.message = std::string(what) + ": " + error.message;
  return error;
}

Database::Mark Database::ChangeMark() {
  // The pager's data version moves with every commit, this connection's and others', but is
  // brought up to date only when a read begins. Outside a read that has begun, a one-row
  // PRAGMA begins it (and is the snapshot's first read inside BEGIN); inside one, the counter
  // is current and reading it costs no statement.
  if (sqlite3_txn_state(db_, "main") == SQLITE_TXN_NONE) {
    core::Result<Statement> stmt = Prepare("PRAGMA data_version");
    if (!stmt.ok() || !stmt.value().Step().ok()) return {-1, -1};
  }
  unsigned int data_version = 0;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_DATA_VERSION, &data_version) != SQLITE_OK) {
    return {-1, -1};
  }
  return {data_version, sqlite3_total_changes64(db_)};
}

void Database::NoteAuditHead(std::int64_t id, std::string hash, std::string at) {
  pending_head_ = PendingHead{id, std::move(hash), std::move(at)};
}

void Database::Committed() {
  if (!pending_head_) return;
  if (!head_file_.empty()) {
    (void)AppendHeadLine(head_file_, ChainHead{pending_head_->id, pending_head_->hash},
                         pending_head_->at);
  }
  pending_head_.reset();
}

bool Database::InTransaction() const { return db_ != nullptr && sqlite3_get_autocommit(db_) == 0; }

std::optional<std::int64_t> Database::RememberedCount(const std::string& key) {
  const auto mark = ChangeMark();
  if (mark.first < 0 || mark != counts_mark_) {
    counts_.clear();
    counts_mark_ = mark;
    return std::nullopt;
  }
  auto it = counts_.find(key);
  if (it == counts_.end()) return std::nullopt;
  return it->second;
}

void Database::RememberCount(std::string key, std::int64_t count) {
  constexpr std::size_t kMaxCounts = 1024;  // distinct filters; beyond that start again
  if (counts_.size() >= kMaxCounts) counts_.clear();
  counts_.insert_or_assign(std::move(key), count);
}

core::Result<std::int64_t> Database::QueryInt(std::string_view sql) {
  core::Result<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  core::Result<bool> row = stmt.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return core::Error::Internal("no row from " + Excerpt(sql));
  return stmt.value().Int(0);
}

core::Result<bool> Database::TableExists(std::string_view table) {
  core::Result<Statement> stmt =
      Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindText(1, table);
  return stmt.value().Step();
}

core::Status RefreshStatistics(Database& db, std::string_view table) {
  return db.Exec("ANALYZE " + std::string(table), "computing statistics of " + std::string(table));
}

core::Result<bool> HasStatistics(Database& db, std::string_view table) {
  core::Result<bool> kept = db.TableExists("sqlite_stat1");
  if (!kept.ok() || !kept.value()) return kept;
  core::Result<Statement> stmt = db.Prepare("SELECT 1 FROM sqlite_stat1 WHERE tbl = ?");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindText(1, table);
  return stmt.value().Step();
}

// --- Transaction ---

core::Result<Transaction> Transaction::Begin(Database& db) {
  if (core::Status status = db.Run("BEGIN IMMEDIATE", "starting a write transaction");
      !status.ok()) {
    return status.error();
  }
  return Transaction(&db);
}

core::Result<Transaction> Transaction::BeginRead(Database& db) {
  if (db.InTransaction()) return Transaction(nullptr);  // the open one's snapshot serves
  if (core::Status status = db.Run("BEGIN", "starting a read transaction"); !status.ok()) {
    return status.error();
  }
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  // Nothing to report to: the caller already has the error that made it give up.
  if (db_ != nullptr) {
    (void)db_->Run("ROLLBACK", "rolling back");
    db_->RolledBack();
  }
}

core::Status Transaction::Commit() {
  if (db_ == nullptr) return core::Status::Ok();  // part of an enclosing transaction
  core::Status status = db_->Run("COMMIT", "committing");
  if (status.ok()) {
    db_->Committed();
    db_ = nullptr;
  }
  return status;
}

}  // namespace grassroots::storage
