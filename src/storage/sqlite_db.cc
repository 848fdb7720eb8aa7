#include "storage/sqlite_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
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
// The page size of a new file. SQLite's default of 4 KiB holds a dozen change records or a few
// dozen organizations a page; with 16 KiB a country's organizations and their change records
// were stored in 19.3-19.8 s instead of 24.3-31.6 s (fewer pages to split, look up and write;
// docs/performance.md), and larger pages gained nothing more.
constexpr std::string_view kNewFilePageSize = "PRAGMA page_size = 16384";

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

namespace {

// A prepared statement. When it came from SqliteDatabase::Prepare, destroying it hands the
// compiled statement back to the connection's cache instead of throwing it away.
class SqliteStatement final : public StatementImpl {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> cache)
      : db_(db), stmt_(stmt), cache_(std::move(cache)) {}
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement() override {
    if (cache_) {
      cache_->Give(stmt_);
    } else {
      sqlite3_finalize(stmt_);
    }
  }

  void BindText(int index, std::string_view value) override {
    // SQLITE_STATIC: the caller keeps the text alive until the step; copying 5 million rows'
    // worth of strings would be measurable.
    Check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                            SQLITE_STATIC),
          index);
  }
  void BindInt(int index, std::int64_t value) override {
    Check(sqlite3_bind_int64(stmt_, index, value), index);
  }
  void BindDouble(int index, double value) override {
    Check(sqlite3_bind_double(stmt_, index, value), index);
  }
  void BindNull(int index) override { Check(sqlite3_bind_null(stmt_, index), index); }
  void BindBlob(int index, std::string_view bytes) override {
    Check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC), index);
  }

  core::Result<bool> Step() override {
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

  void Reset() override { sqlite3_reset(stmt_); }

  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  std::int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string_view Text(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }
  std::string Blob(int column) const override {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    if (bytes == nullptr) return {};
    return {bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  void Check(int rc, int index) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
      bind_rc_ = rc;
      bind_index_ = index;
    }
  }
  std::string Sql() const {
    const char* sql = sqlite3_sql(stmt_);
    return SqlExcerpt(sql != nullptr ? sql : "");
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::shared_ptr<StatementCache> cache_;  // null: finalized when done
  int bind_rc_ = SQLITE_OK;                // the first failed bind, reported by the next Step
  int bind_index_ = 0;
};

class SqliteDatabase final : public DatabaseImpl {
 public:
  SqliteDatabase(const std::string& path, const core::Clock& clock)
      : DatabaseImpl(path, clock),
        head_file_(HeadFilePath(path)),
        cache_(std::make_shared<StatementCache>()) {}
  // close_v2 defers the close until every statement is finalized, so destruction order of a
  // connection and its Statements does not matter.
  ~SqliteDatabase() override {
    for (const auto& [year, fd] : year_locks_) ::close(fd);
    cache_->Close();
    sqlite3_close_v2(db_);
  }

  core::Status Open();

  Dialect dialect() const override { return Dialect::kSqlite; }
  core::Status Exec(std::string_view sql, std::string_view what) override;
  core::Result<Statement> Prepare(std::string_view sql) override;
  core::Result<bool> TableExists(std::string_view table) override;
  bool InTransaction() const override { return db_ != nullptr && sqlite3_get_autocommit(db_) == 0; }

  // A write transaction is begun IMMEDIATE so that the write lock is taken up front (and
  // waited for up to the busy timeout) instead of failing half-way.
  core::Status BeginWrite() override {
    return RunCompiled("BEGIN IMMEDIATE", "starting a write transaction");
  }
  // A bulk write goes through a rollback journal instead of the WAL when no other connection
  // has the file open. SQLite then writes each new page once, into the file, where with the WAL
  // it writes it twice (into the log, then by the checkpoint into the file) and looks up every
  // page it reads back in a log of hundreds of thousands of frames: 5.2 million organizations
  // and their change records took 51 s instead of 82 s (docs/performance.md). Leaving the WAL
  // needs the only connection, so while a server or another process has the file open the
  // write keeps the WAL (tried without waiting); one that opens the file meanwhile waits for the
  // commit (its busy timeout) instead of reading the state before. synchronous = FULL meanwhile:
  // NORMAL survives a power loss only in WAL mode. The WAL comes back when the transaction ends.
  core::Status BeginBulkWrite() override;
  core::Status BeginRead() override { return RunCompiled("BEGIN", "starting a read transaction"); }
  core::Status Commit() override;
  void Rollback() override {
    (void)RunCompiled("ROLLBACK", "rolling back");
    pending_head_.reset();
    ReturnToWal();
  }

  std::string HeadFile() const override { return head_file_; }
  void NoteAuditHead(std::int64_t id, std::string hash, std::string at) override {
    pending_head_ = PendingHead{id, std::move(hash), std::move(at)};
  }
  std::optional<std::int64_t> RememberedCount(const std::string& key) override;
  void RememberCount(std::string key, std::int64_t count) override;
  core::Status RefreshStatistics(std::string_view table) override {
    return Exec("ANALYZE " + std::string(table), "computing statistics of " + std::string(table));
  }
  core::Result<bool> HasStatistics(std::string_view table) override;
  core::Status LockYear(int year) override;
  void UnlockYear(int year) override;

 private:
  using Mark = std::pair<std::int64_t, std::int64_t>;
  struct PendingHead {
    std::int64_t id = 0;
    std::string hash;
    std::string at;
  };
  // Changes whenever anything in the file changed, through this connection or any other: a
  // count remembered under one mark stays true while the mark stays the same. Taking it starts
  // the snapshot of a read transaction begun with BEGIN, so the mark describes what that
  // transaction reads.
  Mark ChangeMark();
  // Runs one statement that returns no rows, compiled once per connection (BEGIN, COMMIT).
  core::Status RunCompiled(std::string_view sql, std::string_view what);
  // Sets the journal mode and answers the one SQLite answers it is in (its answer on failure).
  std::string SetJournalMode(std::string_view mode);
  // After a bulk write's transaction: back to the WAL, when BeginBulkWrite left it.
  void ReturnToWal();

  sqlite3* db_ = nullptr;
  std::string head_file_;  // empty: none (an in-memory database)
  std::optional<PendingHead> pending_head_;
  bool rollback_journal_ = false;  // BeginBulkWrite left the WAL
  std::shared_ptr<StatementCache> cache_;
  std::unordered_map<std::string, std::int64_t> counts_;
  Mark counts_mark_{-1, -1};
  std::unordered_map<int, int> year_locks_;  // year -> the descriptor holding its lock
};

core::Status SqliteDatabase::Open() {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path().c_str(), &db_, flags, nullptr);
  const auto unavailable = [this](std::string_view detail) {
    return core::Error::Unavailable("cannot open database " + path() + ": " + std::string(detail),
                                    path());
  };
  if (rc != SQLITE_OK) {
    return unavailable(db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // Takes effect only on a new, empty file, before its first page is written (the WAL switch
  // below writes it); a database made earlier keeps its page size.
  (void)Exec(kNewFilePageSize, "choosing the page size");
  // journal_mode answers with the mode it got; anything but "wal" means the file is not
  // usable as we expect (a read-only directory, a file that is not a database).
  {
    core::Result<Statement> wal = Prepare("PRAGMA journal_mode = WAL");
    if (!wal.ok()) return unavailable(wal.error().message);
    core::Result<bool> row = wal.value().Step();
    if (!row.ok()) return unavailable(row.error().message);
    if (!row.value() || wal.value().Text(0) != "wal") {
      return unavailable("cannot switch to WAL journal mode");
    }
  }
  if (core::Status status = Exec(kConnectionPragmas, "configuring the connection"); !status.ok()) {
    return unavailable(status.error().message);
  }
  return core::Status::Ok();
}

core::Status SqliteDatabase::Exec(std::string_view sql, std::string_view what) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return core::Status::Ok();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return SqliteError(rc, detail, what);
}

core::Result<Statement> SqliteDatabase::Prepare(std::string_view sql) {
  if (sqlite3_stmt* reused = cache_->Take(sql)) {
    return Statement(std::make_unique<SqliteStatement>(db_, reused, cache_));
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return SqliteError(rc, sqlite3_errmsg(db_), "preparing " + SqlExcerpt(sql));
  }
  // The cache finds it again by the text SQLite keeps (sqlite3_sql), which is the text compiled:
  // anything after a first statement is not part of it, so such SQL is never reused.
  const char* tail_free = sqlite3_sql(stmt);
  const bool reusable = tail_free != nullptr && std::string_view(tail_free) == sql;
  return Statement(std::make_unique<SqliteStatement>(db_, stmt, reusable ? cache_ : nullptr));
}

core::Status SqliteDatabase::RunCompiled(std::string_view sql, std::string_view what) {
  core::Result<Statement> stmt = Prepare(sql);
  core::Status status = stmt.ok() ? stmt.value().Run() : core::Status(stmt.error());
  if (status.ok()) return status;
  core::Error error = status.error();
  error.message = std::string(what) + ": " + error.message;
  return error;
}

core::Result<bool> SqliteDatabase::TableExists(std::string_view table) {
  core::Result<Statement> stmt =
      Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindText(1, table);
  return stmt.value().Step();
}

std::string SqliteDatabase::SetJournalMode(std::string_view mode) {
  core::Result<Statement> set = Prepare("PRAGMA journal_mode = " + std::string(mode));
  if (!set.ok()) return {};
  core::Result<bool> row = set.value().Step();
  if (!row.ok() || !row.value()) return {};
  return std::string(set.value().Text(0));
}

core::Status SqliteDatabase::BeginBulkWrite() {
  if (!head_file_.empty() && !InTransaction()) {  // a file, not an in-memory database
    sqlite3_busy_timeout(db_, 0);
    rollback_journal_ = SetJournalMode("DELETE") == "delete";
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    if (rollback_journal_) {
      if (core::Status full = Exec("PRAGMA synchronous = FULL", "preparing a bulk write");
          !full.ok()) {
        ReturnToWal();
        return full;
      }
    }
  }
  core::Status begun = BeginWrite();
  if (!begun.ok()) ReturnToWal();
  return begun;
}

void SqliteDatabase::ReturnToWal() {
  if (!rollback_journal_ || InTransaction()) return;
  rollback_journal_ = false;
  // Best effort: the transaction has ended either way, and a file left in rollback mode is
  // switched back to WAL by the next connection that opens it (Open).
  if (SetJournalMode("WAL") == "wal")
    (void)Exec("PRAGMA synchronous = NORMAL", "returning to the WAL");
}

core::Status SqliteDatabase::Commit() {
  core::Status status = RunCompiled("COMMIT", "committing");
  if (!status.ok()) return status;
  ReturnToWal();
  // Writing the head is best effort: the commit stands, and `audit verify` shows a head file
  // that lags.
  if (pending_head_ && !head_file_.empty()) {
    (void)AppendHeadLine(head_file_, ChainHead{pending_head_->id, pending_head_->hash},
                         pending_head_->at);
  }
  pending_head_.reset();
  return status;
}

SqliteDatabase::Mark SqliteDatabase::ChangeMark() {
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

std::optional<std::int64_t> SqliteDatabase::RememberedCount(const std::string& key) {
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

void SqliteDatabase::RememberCount(std::string key, std::int64_t count) {
  constexpr std::size_t kMaxCounts = 1024;  // distinct filters; beyond that start again
  if (counts_.size() >= kMaxCounts) counts_.clear();
  counts_.insert_or_assign(std::move(key), count);
}

core::Result<bool> SqliteDatabase::HasStatistics(std::string_view table) {
  core::Result<bool> kept = TableExists("sqlite_stat1");
  if (!kept.ok() || !kept.value()) return kept;
  core::Result<Statement> stmt = Prepare("SELECT 1 FROM sqlite_stat1 WHERE tbl = ?");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindText(1, table);
  return stmt.value().Step();
}

}  // namespace

core::Result<Database> OpenSqliteDatabase(const std::string& path, const core::Clock& clock) {
  // SQLite counts its memory use under one process-wide mutex on every allocation; with a
  // connection per server thread that mutex is where requests queue. Only possible before
  // SQLite initializes, hence the first Open.
  static const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemoryStatistics;
  auto db = std::make_unique<SqliteDatabase>(path, clock);
  if (core::Status status = db->Open(); !status.ok()) return status.error();
  return Database(std::move(db));
}

// SQLite's one writer does not make a run exclusive: the run reads, computes and then writes in
// separate transactions, and holding the write transaction from the first read instead would
// stop every other writer of the file (a score entry, a login's count) for the whole run, past
// the busy timeout at a province's size. So a year's run holds an open file description lock
// (F_OFD_SETLKW) on byte `year` of a file beside the database: it excludes other connections of
// this process as well as other processes, and the kernel drops it if the process dies. An
// in-memory database has one connection and needs none.
core::Status SqliteDatabase::LockYear(int year) {
  if (year_locks_.contains(year)) return core::Error::Internal("the year's run lock is held twice");
  if (head_file_.empty()) return core::Status::Ok();
  const std::string file = path() + ".assess-lock";
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return core::Error::Unavailable("cannot open " + file + ": " + std::strerror(errno));
  }
  struct flock lock = {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = year;
  lock.l_len = 1;
  while (::fcntl(fd, F_OFD_SETLKW, &lock) != 0) {
    if (errno == EINTR) continue;
    const int error = errno;
    ::close(fd);
    return core::Error::Unavailable("cannot lock " + file + ": " + std::strerror(error));
  }
  year_locks_.emplace(year, fd);
  return core::Status::Ok();
}

void SqliteDatabase::UnlockYear(int year) {
  const auto it = year_locks_.find(year);
  if (it == year_locks_.end()) return;
  ::close(it->second);  // closing the description releases its lock
  year_locks_.erase(it);
}

}  // namespace grassroots::storage
