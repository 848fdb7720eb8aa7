#include "storage/sqlite_backup.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <thread>

#include "storage/audit_chain.h"
#include "storage/audit_heads.h"
#include "storage/sqlite_db.h"

namespace grassroots::storage {
namespace {

// Pages a backup step copies: 16 MiB at the page size of a file made by sqlite_db.cc (4 MiB in
// a file made before it chose 16 KiB), short enough that writers waiting for the step's read
// lock hardly notice.
constexpr int kPagesPerStep = 1024;

using Connection = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;

core::Error Unavailable(const std::string& what, sqlite3* db, const std::string& path) {
  return core::Error::Unavailable(
             what + " " + path + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory"),
             path)
      .With("backup_failed", {{"file", path}});
}

core::Result<Connection> Open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Connection db(raw, sqlite3_close);
  if (rc != SQLITE_OK) return Unavailable("cannot open", raw, path);
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

// The newest audit entry of the copy, read through the chain's own reader.
core::Result<ChainHead> NewestEntry(const std::string& path) {
  auto db = OpenSqliteDatabase(path);
  if (!db.ok()) return db.error();
  return ReadAuditHead(db.value());
}

core::Status CopyPages(sqlite3* source, sqlite3* target, const std::string& from,
                       const std::function<void(std::int64_t, std::int64_t)>& progress,
                       std::int64_t& pages) {
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  if (backup == nullptr) return Unavailable("cannot back up", target, from);
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    const std::int64_t total = sqlite3_backup_pagecount(backup);
    if (progress) progress(total - sqlite3_backup_remaining(backup), total);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return Unavailable("cannot back up", target, from);
  return core::Status::Ok();
}

// Appends to `to_heads` the lines of `from_heads` that name entries the copy holds.
core::Result<int> CopyHeads(const std::string& from_heads, const std::string& to_heads,
                            std::int64_t newest) {
  auto heads = ReadHeadFile(from_heads);
  if (!heads.ok()) return heads.error();
  int copied = 0;
  for (const RecordedHead& recorded : heads.value()) {
    if (recorded.head.id > newest) continue;
    if (auto s = AppendHeadLine(to_heads, recorded.head, recorded.at); !s.ok()) return s.error();
    ++copied;
  }
  return copied;
}

}  // namespace

core::Result<BackupResult> BackupSqliteFile(
    const std::string& from, const std::string& to,
    const std::function<void(std::int64_t, std::int64_t)>& progress) {
  std::error_code ec;
  if (std::filesystem::exists(to, ec) || std::filesystem::exists(HeadFilePath(to), ec)) {
    return core::Error::Invalid(to + " exists; a backup never overwrites a file", "--out")
        .With("backup_target_exists", {{"file", to}});
  }
  if (!std::filesystem::is_regular_file(from, ec)) {
    return core::Error::Unavailable("no database file " + from, "--db")
        .With("backup_failed", {{"file", from}});
  }
  const std::string partial = to + ".partial";
  const std::string partial_heads = HeadFilePath(partial);
  const auto discard = [&] {
    std::filesystem::remove(partial, ec);
    std::filesystem::remove(partial_heads, ec);
  };
  BackupResult result;
  {
    auto source = Open(from, SQLITE_OPEN_READONLY);
    if (!source.ok()) return source.error();
    auto target = Open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!target.ok()) return discard(), source.error();
    if (auto s =
            CopyPages(source.value().get(), target.value().get(), from, progress, result.pages);
        !s.ok()) {
      target.value().reset();
      discard();
      return s.error();
    }
  }
  auto head = NewestEntry(partial);
  if (!head.ok()) return discard(), head.error();
  result.head = head.value();
  auto lines = CopyHeads(HeadFilePath(from), partial_heads, result.head.id);
  if (!lines.ok()) return discard(), lines.error();
  result.head_lines = lines.value();
  // The head file first: a database in place always has its heads beside it.
  if (result.head_lines > 0) std::filesystem::rename(partial_heads, HeadFilePath(to), ec);
  if (!ec) std::filesystem::rename(partial, to, ec);
  if (ec) {
    discard();
    std::filesystem::remove(HeadFilePath(to), ec);
    return core::Error::Unavailable("cannot write " + to + ": " + ec.message(), "--out")
        .With("backup_failed", {{"file", to}});
  }
  return result;
}

}  // namespace grassroots::storage
