// The HTTP server: cpp-httplib with the route table of route.h, a thread per open connection
// (http/worker_pool.h), database connections lent per request (http/store_pool.h), sessions,
// CSRF, security headers, request framing checked before bodies are read
// (http/request_limits.h) and JSON errors for everything.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/checklist_file.h"
#include "config/policy_file.h"
#include "core/error.h"

namespace httplib {
class Server;
}

namespace grassroots::http {

struct ServerOptions {
  std::string db_path;
  config::LoadedPolicy policy;
  config::LoadedChecklists checklists = config::BuiltInChecklists();  // --checklists
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string tls_cert;  // both set: HTTPS with Secure cookies
  std::string tls_key;
  // Cookies marked Secure without TLS here: the server sits behind a proxy that terminates TLS.
  bool secure_cookies = false;
  // Addresses of proxies whose X-Forwarded-For names the client, for the audit log and the
  // login throttle (ClientAddress in route.h). Empty: the peer is the client.
  std::vector<std::string> trusted_proxies;
  // Each open connection holds a thread (idle keep-alive time included); threads start as
  // connections come and end when idle (http/worker_pool.h), up to this many.
  int max_threads = 512;
  int stores = 64;         // database connections lent to requests (http/store_pool.h)
  std::string static_dir;  // served at / when it exists (the web front end, issue 4)
};

struct Services;
class StorePool;

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
  bool UsesTls() const;
  // The port the listening socket holds (the kernel's choice for --port 0); options' port
  // before binding.
  int BoundPort() const;

  ServerOptions options_;
  std::unique_ptr<Services> services_;
  std::unique_ptr<StorePool> stores_;
  std::unique_ptr<httplib::Server> server_;
  int listen_socket_ = -1;  // set by the socket options callback when binding
};

}  // namespace grassroots::http
