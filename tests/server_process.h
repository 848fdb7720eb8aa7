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

class ServerProcess {
 public:
  enum class Data {
    kEmpty,  // `init` and one admin account, kAdmin with kAdminPassword
    kDemo,   // `demo --no-serve`: the Mohe demo and one account per role (Password(role))
    kAsIs,   // the database as it is (another server's, given as `db`)
  };
  // Creates the database and serves it with `serve --port P --bind 127.0.0.1 ARGS...`; waits
  // until /healthz answers.
  // `db` is the database to use (a postgresql:// URL, say); empty: a file in scratch().
  explicit ServerProcess(const std::vector<std::string>& args = {}, Data data = Data::kEmpty,
                         std::string db = "");
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  static constexpr const char* kAdmin = "boss";
  static constexpr const char* kAdminPassword = "Correct-Horse-Battery-9";

  int port() const { return port_; }
  const Scratch& scratch() const { return scratch_; }
  // The demo account's password, by name (= role name); kDemo only.
  const std::string& Password(const std::string& name) const { return passwords_.at(name); }

 private:
  Scratch scratch_;
  std::string db_;
  std::map<std::string, std::string> passwords_;
  int port_ = 0;
  pid_t pid_ = -1;
};

int FreeLoopbackPort();

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
