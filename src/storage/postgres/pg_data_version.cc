#include "storage/postgres/pg_data_version.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <utility>
#include <vector>

namespace grassroots::storage::pg {
namespace {

constexpr std::size_t kMaxCounts = 1024;  // distinct filters; beyond that start again
constexpr int kRetryMs = 1000;            // between attempts to reach the server

// One row, one column of text; nullopt when the query failed.
std::optional<std::string> QueryText(PGconn* conn, const std::string& sql) {
  PGresult* result = PQexec(conn, sql.c_str());
  std::optional<std::string> text;
  if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1) {
    text = PQgetvalue(result, 0, 0);
  }
  PQclear(result);
  return text;
}

bool RunCommand(PGconn* conn, const std::string& sql) {
  PGresult* result = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  PQclear(result);
  return ok;
}

std::optional<std::int64_t> ParseVersion(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::shared_ptr<DataVersionWatch> DataVersionWatch::For(const std::string& url) {
  // Never destroyed: a connection closed during static destruction may still ask.
  static auto* mutex = new std::mutex;
  static auto* watches = new std::unordered_map<std::string, std::weak_ptr<DataVersionWatch>>;
  std::lock_guard lock(*mutex);
  std::weak_ptr<DataVersionWatch>& slot = (*watches)[url];
  if (std::shared_ptr<DataVersionWatch> watch = slot.lock()) return watch;
  std::erase_if(*watches, [](const auto& entry) { return entry.second.expired(); });
  auto watch = std::make_shared<DataVersionWatch>(url);
  (*watches)[url] = watch;
  return watch;
}

DataVersionWatch::DataVersionWatch(std::string url)
    : url_(std::move(url)), wake_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

DataVersionWatch::~DataVersionWatch() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  const std::uint64_t one = 1;
  if (wake_fd_ >= 0) (void)!write(wake_fd_, &one, sizeof one);
  stopped_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (wake_fd_ >= 0) close(wake_fd_);
}

std::optional<std::int64_t> DataVersionWatch::Known() {
  std::lock_guard lock(mutex_);
  if (!started_ && wake_fd_ >= 0) {
    started_ = true;
    thread_ = std::thread([this] { Run(); });
  }
  if (!listening_) return std::nullopt;
  return highest_;
}

void DataVersionWatch::Advance(std::int64_t version) {
  std::lock_guard lock(mutex_);
  // Kept even while in doubt (the reads ask the database then): the listener may have read an
  // older version just before this commit and not have set it yet, and setting it must not take
  // this process back behind its own commit.
  highest_ = std::max(highest_, version);
}

void DataVersionWatch::SetVersion(std::optional<std::int64_t> version) {
  std::lock_guard lock(mutex_);
  listening_ = version.has_value();
  // Forward only: a notification read after the reconnect's own read may be older than it.
  if (version) highest_ = std::max(highest_, *version);
}

void DataVersionWatch::Run() {
  for (;;) {
    const bool listened = ListenOnce();
    SetVersion(std::nullopt);
    std::unique_lock lock(mutex_);
    // At once after a connection that worked broke; after a pause when the server is away.
    stopped_.wait_for(lock, std::chrono::milliseconds(listened ? 0 : kRetryMs),
                      [this] { return stop_; });
    if (stop_) return;
  }
}

bool DataVersionWatch::ListenOnce() {
  // Keepalives: a connection that silently went away is noticed within seconds, not hours; a
  // connect timeout: a server that does not answer does not hold up closing the last store.
  const char* keywords[] = {"dbname",
                            "keepalives_idle",
                            "keepalives_interval",
                            "keepalives_count",
                            "connect_timeout",
                            "fallback_application_name",
                            nullptr};
  const char* values[] = {url_.c_str(), "5", "2", "3", "5", "grassroots version watch", nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  std::optional<std::string> channel;
  std::optional<std::int64_t> version;
  if (PQstatus(conn) == CONNECTION_OK) {
    channel = QueryText(conn, "SELECT " + std::string(kVersionChannelSql));
  }
  if (channel) {
    char* quoted = PQescapeIdentifier(conn, channel->c_str(), channel->size());
    const bool listening = quoted != nullptr && RunCommand(conn, std::string("LISTEN ") + quoted);
    PQfreemem(quoted);
    // Read after LISTEN: a commit before it is in this read, one after it is notified.
    if (listening) {
      const std::optional<std::string> text =
          QueryText(conn, "SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE data_change = 1");
      if (text) version = ParseVersion(*text);
    }
  }
  if (!version) {
    PQfinish(conn);
    return false;
  }
  SetVersion(version);
  for (;;) {
    pollfd fds[2] = {{PQsocket(conn), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
    if (fds[1].revents != 0) {
      std::lock_guard lock(mutex_);
      if (stop_) break;
    }
    if (fds[0].revents == 0) continue;
    if (PQconsumeInput(conn) == 0) break;
    while (PGnotify* note = PQnotifies(conn)) {
      const std::optional<std::int64_t> notified = ParseVersion(note->extra);
      PQfreemem(note);
      if (notified) SetVersion(notified);
    }
    if (PQstatus(conn) != CONNECTION_OK) break;
  }
  PQfinish(conn);
  return true;
}

std::optional<std::int64_t> DataVersionWatch::Count(std::int64_t version, const std::string& key) {
  std::lock_guard lock(counts_mutex_);
  if (version != counts_version_) return std::nullopt;
  auto it = counts_.find(key);
  if (it == counts_.end()) return std::nullopt;
  return it->second;
}

void DataVersionWatch::KeepCount(std::int64_t version, std::string key, std::int64_t count) {
  std::lock_guard lock(counts_mutex_);
  if (version < counts_version_) return;
  if (version > counts_version_ || counts_.size() >= kMaxCounts) {
    counts_.clear();
    counts_version_ = version;
  }
  counts_.insert_or_assign(std::move(key), count);
}

}  // namespace grassroots::storage::pg
