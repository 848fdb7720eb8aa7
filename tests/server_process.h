// A `grassroots serve` of a test's own, on its own database and a free port, with the options
// the test gives; stopped when the object goes. And raw TCP for what an HTTP client library
// will not send: a chosen source address, a request cut short, a lying Content-Length.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace grassroots::testing {

// A `grassroots ... serve --port 0 ...` started by StartServing: its process and the port the
// kernel gave it. Asking the server for any free port and reading which one it took leaves no
// moment in which another test's server could take a port chosen for this one.
struct Serving {
  pid_t pid = -1;
  int port = 0;
};

// Starts GRASSROOTS_BIN with `args` (which include `serve` and `--port`, 0 or a port to take
// again), its standard output in the file `out_path` and GRASSROOTS_NOW set to `now` unless
// empty; returns once the server printed the line "serving http(s)://ADDRESS:PORT". Throws
// when it exits first or takes more than 30 s.
Serving StartServing(const std::vector<std::string>& args, const std::string& out_path,
                     const std::string& now = "");
// Stops it (SIGTERM) and waits for it; nothing when pid is -1.
void StopServing(Serving& serving);

class ServerProcess {
 public:
  enum class Data {
    kEmpty,  // `init` and one admin account, kAdmin with kAdminPassword
    kDemo,   // `demo --no-serve`: the Mohe demo and one account per role (Password(role))
    kAsIs,   // the database as it is (another server's, given as `db`)
  };
  // Creates the database and serves it with `serve --port 0 --bind 127.0.0.1 ARGS...`; waits
  // until it listens.
  // `db` is the database to use (a postgresql:// URL, say); empty: a file in scratch().
  explicit ServerProcess(const std::vector<std::string>& args = {}, Data data = Data::kEmpty,
                         std::string db = "");
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  static constexpr const char* kAdmin = "boss";
  static constexpr const char* kAdminPassword = "Correct-Horse-Battery-9";

  int port() const { return serving_.port; }
  const Scratch& scratch() const { return scratch_; }
  // The demo account's password, by name (= role name); kDemo only.
  const std::string& Password(const std::string& name) const { return passwords_.at(name); }

 private:
  Scratch scratch_;
  std::string db_;
  std::map<std::string, std::string> passwords_;
  Serving serving_;
};

// A TCP connection to 127.0.0.1:port from `source` (any 127.x.y.z address), or -1.
int ConnectFrom(const std::string& source, int port);

struct RawReply {
  int status = 0;  // 0 when no status line came
  std::string text;
  std::chrono::milliseconds took{0};
};

// Sends `request` as is from `source` and reads until the server closes or `timeout` passes.
RawReply RawExchange(const std::string& source, int port, const std::string& request,
                     std::chrono::milliseconds timeout = std::chrono::seconds(15));

}  // namespace grassroots::testing
