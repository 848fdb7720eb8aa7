#include "storage/postgres/pg_database.h"

#include <array>
#include <charconv>
#include <memory>
#include <unordered_map>
#include <utility>

#include "storage/postgres/pg_bulk_load.h"
#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_data_version.h"
#include "storage/postgres/pg_first_load.h"

namespace grassroots::embedded {
extern const std::string_view pg_migration_007_schema;
extern const std::string_view pg_migration_010_ranked_results;
extern const std::string_view pg_migration_011_accounts;
extern const std::string_view pg_migration_012_rectification;
extern const std::string_view pg_migration_013_evidence;
extern const std::string_view pg_migration_014_supervision;
extern const std::string_view pg_migration_015_login_counts;
extern const std::string_view pg_migration_017_accountability;
extern const std::string_view pg_migration_020_ledger_unit_order;
extern const std::string_view pg_migration_016_spot_checks;
extern const std::string_view pg_migration_021_first_secretary_reports;
extern const std::string_view pg_migration_018_bulletins;
extern const std::string_view pg_migration_023_reminder_reports;
extern const std::string_view pg_migration_026_party_meetings;
extern const std::string_view pg_migration_030_collective_economy;
extern const std::string_view pg_migration_031_results_year_key;
extern const std::string_view pg_migration_032_selected_results;
extern const std::string_view pg_migration_033_result_row_digest;
extern const std::string_view pg_migration_034_change_records_by_year;
extern const std::string_view pg_migration_036_scores_organization_checked_by_writes;
extern const std::string_view pg_migration_022_spot_check_finding_evidence;
extern const std::string_view pg_migration_027_checklists;
extern const std::string_view pg_migration_028_standardized_branches;
extern const std::string_view pg_migration_029_pairing;
extern const std::string_view pg_migration_024_training_classes;
extern const std::string_view pg_migration_025_member_status_changes;
}  // namespace grassroots::embedded

namespace grassroots::storage {
namespace {

// The advisory lock every write transaction holds: one per schema, so that deployments (and
// tests) in different schemas of one database do not wait for each other.
constexpr std::string_view kBeginWrite =
    "BEGIN ISOLATION LEVEL READ COMMITTED;"
    " SELECT pg_advisory_xact_lock(hashtext('grassroots.write.' || current_schema()))";

// The year's run lock (LockYear), one per schema and year; the year is appended.
constexpr std::string_view kYearLock =
    "SELECT pg_advisory_lock(hashtext('grassroots.assess.' || current_schema()), ";
constexpr std::string_view kYearUnlock =
    "SELECT pg_advisory_unlock(hashtext('grassroots.assess.' || current_schema()), ";

struct PgSql {
  std::string text;
  int params = 0;
};

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

class PgStatement final : public StatementImpl {
 public:
  PgStatement(pg::Connection& conn, std::shared_ptr<const PgSql> sql)
      : conn_(conn), sql_(std::move(sql)), params_(static_cast<std::size_t>(sql_->params)) {}

  void BindText(int index, std::string_view value) override { Set(index, std::string(value)); }
  void BindInt(int index, std::int64_t value) override { Set(index, value); }
  void BindDouble(int index, double value) override { Set(index, value); }
  void BindNull(int index) override { Set(index, std::monostate()); }
  // Parameters go as text: bytea's text form is \x and two hex digits a byte.
  void BindBlob(int index, std::string_view bytes) override {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    text.reserve(2 + 2 * bytes.size());
    text += "\\x";
    for (unsigned char c : bytes) {
      text += kHex[c >> 4];
      text += kHex[c & 15];
    }
    Set(index, std::move(text));
  }

  ~PgStatement() override { conn_.DropAhead(ahead_); }
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;

  core::Result<bool> Step() override {
    if (!bind_error_.empty()) return core::Error::Internal(bind_error_);
    if (!executed_) {
      // The run sent ahead, unless another statement's dropped it (then this one runs now).
      const std::uint64_t ahead = std::exchange(ahead_, 0);
      core::Result<pg::Rows> rows =
          conn_.HasAhead(ahead) ? conn_.TakeAhead(ahead) : conn_.Query(sql_->text, params_);
      if (!rows.ok()) return rows.error();
      rows_ = std::move(rows).value();
      executed_ = true;
      row_ = -1;
    }
    ++row_;
    // What has come of the run sent ahead is read now and then, so that the server, its
    // socket full, does not wait for the last of these rows to be stepped.
    if (ahead_ != 0 && row_ % kPumpRows == 0) conn_.PumpAhead();
    return row_ < rows_.size();
  }
  void Reset() override {
    executed_ = false;
    rows_ = pg::Rows();
    row_ = -1;
  }

  std::optional<WholeResult> Whole(int column) const override {
    if (!executed_) return std::nullopt;
    const int rows = rows_.size();
    return WholeResult{rows, rows > 0 && column < rows_.columns() ? rows_.Text(rows - 1, column)
                                                                  : std::string_view()};
  }
  // Where sending fails, the next Step runs the statement itself (and meets the same failure).
  void SendAhead() override {
    if (!bind_error_.empty() || ahead_ != 0) return;
    core::Result<std::uint64_t> ticket = conn_.SendAhead(sql_->text, params_);
    ahead_ = ticket.ok() ? ticket.value() : 0;
  }

  // A column past the last reads as NULL, as in SQLite.
  bool IsNull(int column) const override {
    return column >= rows_.columns() || rows_.IsNull(row_, column);
  }
  std::int64_t Int(int column) const override {
    const std::string_view text = Text(column);
    if (text == "t") return 1;  // a boolean expression (EXISTS, IS NOT NULL) reads as SQLite's
    if (text == "f") return 0;
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  double Double(int column) const override {
    return column < rows_.columns() ? rows_.Double(row_, column) : 0;
  }
  std::string_view Text(int column) const override {
    return column < rows_.columns() ? rows_.Text(row_, column) : std::string_view();
  }
  // bytea arrives in its hex text form, \x...
  std::string Blob(int column) const override {
    const std::string_view text = Text(column);
    std::string bytes;
    if (text.size() < 2 || text.substr(0, 2) != "\\x") return bytes;
    bytes.reserve((text.size() - 2) / 2);
    for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
      bytes += static_cast<char>(HexDigit(text[i]) * 16 + HexDigit(text[i + 1]));
    }
    return bytes;
  }

 private:
  void Set(int index, pg::Param value) {
    if (index < 1 || index > static_cast<int>(params_.size())) {
      if (bind_error_.empty()) {
        bind_error_ = "binding parameter " + std::to_string(index) + " of " +
                      SqlExcerpt(sql_->text) + ": out of range";
      }
      return;
    }
    params_[static_cast<std::size_t>(index - 1)] = std::move(value);
  }

  pg::Connection& conn_;
  std::shared_ptr<const PgSql> sql_;
  pg::Params params_;
  std::string bind_error_;
  // Rows stepped between reads of the run sent ahead: 30 to 150 KiB of our paged reads' rows,
  // less than a local socket holds (about 200 KiB), so the server never waits long.
  static constexpr int kPumpRows = 512;

  pg::Rows rows_;
  bool executed_ = false;
  std::uint64_t ahead_ = 0;  // the ticket of a run sent ahead for the next Step after Reset
  int row_ = -1;
};

// A write transaction that appended audit entries tells every server the data version it
// leaves (pg_data_version.h); the notification goes out when it commits.
constexpr std::string_view kNotifyVersion =
    "SELECT v, pg_notify('grassroots_' || md5(current_schema()), v::text) FROM"
    " (SELECT COALESCE(MAX(id), 0) AS v FROM audit_log WHERE data_change = 1) newest";

class PgDatabase final : public DatabaseImpl {
 public:
  PgDatabase(const std::string& url, pg::Connection conn, const core::Clock& clock)
      : DatabaseImpl(RedactedUrl(url), clock),
        conn_(std::move(conn)),
        watch_(pg::DataVersionWatch::For(url)) {}

  Dialect dialect() const override { return Dialect::kPostgres; }
  core::Status Exec(std::string_view sql, std::string_view what) override {
    return conn_.Exec(sql, what);
  }
  core::Result<Statement> Prepare(std::string_view sql) override {
    auto it = rewritten_.find(std::string(sql));
    if (it == rewritten_.end()) {
      auto converted = std::make_shared<PgSql>();
      converted->text = RewritePlaceholders(sql, converted->params);
      it = rewritten_.emplace(std::string(sql), std::move(converted)).first;
    }
    return Statement(std::make_unique<PgStatement>(conn_, it->second));
  }
  core::Result<bool> TableExists(std::string_view table) override {
    core::Result<Statement> stmt = Prepare(
        "SELECT 1 FROM information_schema.tables"
        " WHERE table_schema = current_schema() AND table_name = ?");
    if (!stmt.ok()) return stmt.error();
    stmt.value().BindText(1, table);
    return stmt.value().Step();
  }
  bool InTransaction() const override { return conn_.InTransaction(); }

  core::Status BeginWrite() override {
    EndMode();
    core::Status status = conn_.Exec(kBeginWrite, "starting a write");
    if (status.ok()) mode_ = Mode::kWrite;
    return status;
  }
  // A session-level advisory lock keyed by (schema, year): the two-key space, apart from the
  // write lock's one key. Session-level because a run reads and writes in several transactions.
  core::Status LockYear(int year) override {
    return conn_.Exec(std::string(kYearLock) + std::to_string(year) + ")",
                      "waiting for the year's assessment run");
  }
  void UnlockYear(int year) override {
    (void)conn_.Exec(std::string(kYearUnlock) + std::to_string(year) + ")",
                     "ending the year's assessment run");
  }
  // The version is taken before BEGIN, so the snapshot (taken at the first query) is at least
  // as new as it: what is computed from the snapshot holds for the version. BEGIN goes with the
  // first query, in one round trip (pg_connection.h); a read that makes none sends nothing.
  core::Status BeginRead() override {
    EndMode();
    snapshot_version_ = watch_->Known();
    mode_ = Mode::kRead;
    conn_.DeferBegin("BEGIN ISOLATION LEVEL REPEATABLE READ");
    return core::Status::Ok();
  }
  core::Status Commit() override {
    // PostgreSQL answers COMMIT of a transaction a failed statement aborted with a rollback
    // that looks like success; the caller must hear that nothing was written.
    if (conn_.InFailedTransaction()) {
      EndMode();
      return core::Error::Internal("committing: an earlier statement failed; nothing was written");
    }
    const bool audited = audited_;
    const bool reading = mode_ == Mode::kRead;
    EndMode();
    // A read transaction wrote nothing: its COMMIT cannot lose anything, so nothing waits for it.
    if (reading) {
      if (!conn_.CancelDeferred()) conn_.SendWithoutWaiting("COMMIT");
      return core::Status::Ok();
    }
    std::optional<std::int64_t> version;
    if (audited) {
      core::Result<std::optional<std::int64_t>> notified = conn_.QueryInt(kNotifyVersion);
      if (!notified.ok()) return notified.error();
      version = notified.value();
    }
    core::Status status = conn_.Exec("COMMIT", "committing");
    if (status.ok() && version) watch_->Advance(*version);
    return status;
  }
  void Rollback() override {
    EndMode();
    if (conn_.CancelDeferred()) return;  // never begun
    // A COMMIT that failed (a deferred foreign key) has already ended the transaction.
    if (conn_.InTransaction()) (void)conn_.Exec("ROLLBACK", "rolling back");
  }

  void NoteAuditHead(std::int64_t, std::string, std::string) override { audited_ = true; }
  // In a read transaction, the version taken before its snapshot; none in a write transaction,
  // which may have changed what it reads.
  std::optional<std::int64_t> KnownDataVersion() override {
    if (mode_ == Mode::kRead) return snapshot_version_;
    if (mode_ == Mode::kWrite) return std::nullopt;
    return watch_->Known();
  }
  std::optional<std::int64_t> RememberedCount(const std::string& key) override {
    if (mode_ != Mode::kRead || !snapshot_version_) return std::nullopt;
    return watch_->Count(*snapshot_version_, key);
  }
  void RememberCount(std::string key, std::int64_t count) override {
    if (mode_ == Mode::kRead && snapshot_version_) {
      watch_->KeepCount(*snapshot_version_, std::move(key), count);
    }
  }
  core::Status RefreshStatistics(std::string_view table) override {
    return conn_.Exec("ANALYZE " + std::string(table),
                      "computing statistics of " + std::string(table));
  }
  bool CanBulkLoad() const override { return true; }
  core::Result<BulkLoad> BeginBulkLoad(std::string_view table, std::string_view columns) override {
    return BulkLoad(pg::NewBulkLoad(conn_, table, columns));
  }
  core::Result<std::vector<std::string>> SuspendForFirstLoad(std::string_view table) override {
    return pg::SuspendForFirstLoad(*this, table);
  }
  core::Status ContinueIdentity(std::string_view table, std::string_view column) override {
    const std::string t(table);
    const std::string c(column);
    return conn_.Exec("SELECT setval(pg_get_serial_sequence('" + t + "', '" + c +
                          "'), COALESCE(MAX(" + c + "), 0) + 1, false) FROM " + t,
                      "continuing the ids of " + t);
  }
  core::Result<std::int64_t> EstimatedRows(std::string_view table) override {
    core::Result<Statement> stmt =
        Prepare("SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)");
    if (!stmt.ok()) return stmt.error();
    core::Result<bool> row = stmt.value().BindText(1, table).Step();
    if (!row.ok()) return row.error();
    return row.value() ? stmt.value().Int(0) : 0;
  }
  core::Result<bool> HasStatistics(std::string_view table) override {
    core::Result<Statement> stmt =
        Prepare("SELECT 1 FROM pg_stats WHERE schemaname = current_schema() AND tablename = ?");
    if (!stmt.ok()) return stmt.error();
    stmt.value().BindText(1, table);
    return stmt.value().Step();
  }

 private:
  enum class Mode { kNone, kRead, kWrite };
  void EndMode() {
    mode_ = Mode::kNone;
    snapshot_version_.reset();
    audited_ = false;
  }

  pg::Connection conn_;
  std::unordered_map<std::string, std::shared_ptr<const PgSql>> rewritten_;
  std::shared_ptr<pg::DataVersionWatch> watch_;
  Mode mode_ = Mode::kNone;                       // the transaction Begin* opened
  std::optional<std::int64_t> snapshot_version_;  // the read transaction's data version
  bool audited_ = false;                          // the write transaction appended audit entries
};

}  // namespace

std::span<const Migration> PgMigrations() {
  // Sized by its entries, so that adding a migration touches only its own line.
  static const Migration kMigrations[] = {
      {7, "007_schema", embedded::pg_migration_007_schema},
      {10, "010_ranked_results", embedded::pg_migration_010_ranked_results},
      {11, "011_accounts", embedded::pg_migration_011_accounts},
      {12, "012_rectification", embedded::pg_migration_012_rectification},
      {13, "013_evidence", embedded::pg_migration_013_evidence},
      {14, "014_supervision", embedded::pg_migration_014_supervision},
      {15, "015_login_counts", embedded::pg_migration_015_login_counts},
      {16, "016_spot_checks", embedded::pg_migration_016_spot_checks},
      {17, "017_accountability", embedded::pg_migration_017_accountability},
      {18, "018_bulletins", embedded::pg_migration_018_bulletins},
      {20, "020_ledger_unit_order", embedded::pg_migration_020_ledger_unit_order},
      {21, "021_first_secretary_reports", embedded::pg_migration_021_first_secretary_reports},
      {22, "022_spot_check_finding_evidence",
       embedded::pg_migration_022_spot_check_finding_evidence},
      {23, "023_reminder_reports", embedded::pg_migration_023_reminder_reports},
      {24, "024_training_classes", embedded::pg_migration_024_training_classes},
      {25, "025_member_status_changes", embedded::pg_migration_025_member_status_changes},
      {26, "026_party_meetings", embedded::pg_migration_026_party_meetings},
      {27, "027_checklists", embedded::pg_migration_027_checklists},
      {28, "028_standardized_branches", embedded::pg_migration_028_standardized_branches},
      {29, "029_pairing", embedded::pg_migration_029_pairing},
      {30, "030_collective_economy", embedded::pg_migration_030_collective_economy},
      {31, "031_results_year_key", embedded::pg_migration_031_results_year_key},
      {32, "032_selected_results", embedded::pg_migration_032_selected_results},
      {33, "033_result_row_digest", embedded::pg_migration_033_result_row_digest},
      {34, "034_change_records_by_year", embedded::pg_migration_034_change_records_by_year},
      {36, "036_scores_organization_checked_by_writes",
       embedded::pg_migration_036_scores_organization_checked_by_writes},
  };
  return kMigrations;
}

std::string RewritePlaceholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  char quote = 0;  // inside '...' or "..."
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: same result
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++count);
    } else {
      out += c;
    }
  }
  return out;
}

std::string RedactedUrl(std::string_view url) {
  std::string out(url);
  // postgresql://user:password@host/...
  if (const std::size_t scheme = out.find("://"); scheme != std::string::npos) {
    const std::size_t start = scheme + 3;
    const std::size_t at = out.find('@', start);
    const std::size_t slash = out.find('/', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const std::size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon, at - colon, ":***");
    }
  }
  // ...?password=secret&...
  for (std::size_t pos = out.find("password="); pos != std::string::npos;
       pos = out.find("password=", pos + 1)) {
    const std::size_t value = pos + 9;
    std::size_t end = out.find_first_of("& ", value);
    if (end == std::string::npos) end = out.size();
    out.replace(value, end - value, "***");
  }
  return out;
}

core::Result<Database> OpenPgDatabase(const std::string& url, const core::Clock& clock) {
  core::Result<pg::Connection> conn = pg::Connection::Open(url);
  if (!conn.ok()) {
    core::Error error = conn.error();
    error.message = "cannot open database " + RedactedUrl(url) + ": " + error.message;
    return error;
  }
  return Database(std::make_unique<PgDatabase>(url, std::move(conn).value(), clock));
}

}  // namespace grassroots::storage
