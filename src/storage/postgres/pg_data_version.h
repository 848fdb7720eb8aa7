// The data version (Store::DataVersion: the newest audit entry that changed data) of one
// PostgreSQL database, known in this process without a query per request, so that remembered
// answers (http/read_memo.h) and list totals hold until any server changes data.
//
// Each write transaction that appended an audit entry ends with pg_notify on the schema's
// channel, payload the data version it leaves (PgDatabase::Commit), so the notification is
// delivered at commit, to every listening server, in commit order. One background thread per
// process and database LISTENs on a connection of its own; after connecting (and after any
// doubt: a lost connection, a reconnect) it reads the version once. While it is not listening
// the version is unknown (nullopt) and callers read it from the database as before. A commit
// made through this process moves the version at once (Advance), before its own notification
// comes back, so a client reads its own change.
//
// The known version lags a commit made elsewhere by the notification's delivery (milliseconds;
// far inside the second the session rule allows). It only moves forward: a database emptied and
// refilled under a running server needs the server restarted.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

namespace grassroots::storage::pg {

// The channel of the connection's schema, as SQL text: schemas of one database do not hear each
// other.
inline constexpr std::string_view kVersionChannelSql = "'grassroots_' || md5(current_schema())";

class DataVersionWatch {
 public:
  // The watch of the database `url` names, shared by every connection of this process to it and
  // stopped when the last goes. The thread starts on the first call of Known().
  static std::shared_ptr<DataVersionWatch> For(const std::string& url);

  explicit DataVersionWatch(std::string url);
  DataVersionWatch(const DataVersionWatch&) = delete;
  DataVersionWatch& operator=(const DataVersionWatch&) = delete;
  ~DataVersionWatch();

  // The version as of the newest notification; nullopt while in doubt (not yet listening, the
  // connection lost). Starts the listener if it is not running.
  std::optional<std::int64_t> Known();
  // A commit of this process left the database at `version`.
  void Advance(std::int64_t version);

  // List totals remembered for one data version, shared by the process's connections; a new
  // version forgets them. `key` names the query and its parameters (server_sql.h).
  std::optional<std::int64_t> Count(std::int64_t version, const std::string& key);
  void KeepCount(std::int64_t version, std::string key, std::int64_t count);

 private:
  void Run();
  // Listens until stopped or the connection fails; false when it could not start.
  bool ListenOnce();
  void SetVersion(std::optional<std::int64_t> version);

  const std::string url_;
  std::mutex mutex_;
  std::condition_variable stopped_;
  // Under mutex_: the highest version ever known, this process's commits included; it is the
  // version only while listening_ (false while in doubt: not yet listening, the connection lost).
  std::int64_t highest_ = 0;
  bool listening_ = false;
  bool started_ = false;  // under mutex_
  bool stop_ = false;     // under mutex_
  int wake_fd_ = -1;      // an eventfd that ends a wait for the server
  std::thread thread_;

  std::mutex counts_mutex_;
  std::int64_t counts_version_ = -1;
  std::unordered_map<std::string, std::int64_t> counts_;
};

}  // namespace grassroots::storage::pg
