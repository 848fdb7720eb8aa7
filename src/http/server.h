// The HTTP server: cpp-httplib with the route table of route.h, one storage::Store per worker
// thread, sessions, CSRF, security headers and JSON errors for everything.
#pragma once

#include <memory>
#include <string>

#include "config/policy_file.h"
#include "core/error.h"

namespace httplib {
class Server;
}

namespace grassroots::http {

struct ServerOptions {
  std::string db_path;
  config::LoadedPolicy policy;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string tls_cert;  // both set: HTTPS with Secure cookies
  std::string tls_key;
  int threads = 128;       // each open keep-alive connection holds a worker: size above the clients
  std::string static_dir;  // served at / when it exists (the web front end, issue 4)
};

struct Services;

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Migrates the database, binds and serves until Stop(). kUnavailable when the database cannot
  // be opened or the address cannot be bound; kInvalid when TLS files cannot be used.
  core::Status Run();
  void Stop();

 private:
  core::Status Configure();

  ServerOptions options_;
  std::unique_ptr<Services> services_;
  std::unique_ptr<httplib::Server> server_;
  int listen_socket_ = -1;  // set by the socket options callback when binding
};

}  // namespace grassroots::http
