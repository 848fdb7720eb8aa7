#include "http/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <utility>

#include "http/errors.h"
#include "http/route.h"
#include "http/session.h"

namespace grassroots::http {
namespace {

constexpr std::size_t kPayloadMax = 8 * 1024 * 1024;
// cpp-httplib listens with a backlog of 5: when many keep-alive connections are closed after a
// request count and reopened at once, the SYNs beyond the backlog are dropped and retried by
// the client a second later (measured: p99 1.1 s). Idle connections still close after 5 s.
constexpr std::size_t kKeepAliveMaxRequests = 1'000'000;

// One Store per worker thread, opened on first use (SQLite connections are not shared).
storage::Store* ThreadStore(const std::string& db_path) {
  thread_local std::map<std::string, std::unique_ptr<storage::Store>> stores;
  auto it = stores.find(db_path);
  if (it != stores.end()) return it->second.get();
  auto opened = storage::OpenSqliteStore(db_path);
  if (!opened.ok()) return nullptr;
  return stores.emplace(db_path, std::move(opened).value()).first->second.get();
}

bool ChangesState(Method method) { return method != Method::kGet; }

void Dispatch(const Route& route, const std::string& db_path, Services& services,
              const httplib::Request& req, httplib::Response& res) {
  storage::Store* store = ThreadStore(db_path);
  if (store == nullptr) {
    return WriteError(res, 503, "unavailable", "the database cannot be opened");
  }
  // A read sees one snapshot from the session check to the last query of its answer.
  std::optional<storage::ReadingScope> reading;
  if (!ChangesState(route.method)) reading.emplace(*store);
  Call call{req, res, *store, services, {}, {}, {"anonymous", req.remote_addr}};
  if (route.needs_session) {
    auto found = Authenticate(req, *store, services.sessions);
    if (!found.ok()) return WriteError(res, found.error());
    if (!found.value()) {
      return WriteError(res, 401, "unauthenticated", "log in first (POST /api/v1/session)");
    }
    call.session = std::move(found.value()->session);
    call.principal = std::move(found.value()->principal);
    call.actor.name = call.principal.name;
    if (ChangesState(route.method) &&
        req.get_header_value("X-CSRF-Token") != call.session.csrf_token) {
      return WriteError(res, 403, "csrf", "missing or wrong X-CSRF-Token header", "X-CSRF-Token");
    }
  }
  route.handler(call);
}

void Register(httplib::Server& server, const Route& route, const std::string& db_path,
              Services& services) {
  auto handler = [&route, &db_path, &services](const httplib::Request& req,
                                               httplib::Response& res) {
    Dispatch(route, db_path, services, req, res);
  };
  const std::string pattern = PatternOf(route.path);
  switch (route.method) {
    case Method::kGet:
      server.Get(pattern, handler);
      break;
    case Method::kPost:
      server.Post(pattern, handler);
      break;
    case Method::kPut:
      server.Put(pattern, handler);
      break;
    case Method::kDelete:
      server.Delete(pattern, handler);
      break;
  }
}

httplib::Headers SecurityHeaders() {
  return {{"Content-Security-Policy",
           "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
          {"X-Frame-Options", "DENY"},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"Cache-Control", "no-store"}};
}

// Vite names the files under /assets/ by a hash of their content, so they never change and a
// browser may keep them; everything else (index.html) must be fetched anew to pick up a new build.
void CacheStaticAssets(const httplib::Request& req, httplib::Response& res) {
  res.headers.erase("Cache-Control");
  res.set_header("Cache-Control", req.path.rfind("/assets/", 0) == 0
                                      ? "public, max-age=31536000, immutable"
                                      : "no-cache");
}

const std::vector<Route>& Routes() {
  static const std::vector<Route> routes = AllRoutes();
  return routes;
}

}  // namespace

Server::Server(ServerOptions options)
    : options_(std::move(options)), services_(std::make_unique<Services>()) {
  services_->policy = options_.policy;
  services_->secure_cookies = !options_.tls_cert.empty() && !options_.tls_key.empty();
}

Server::~Server() = default;

core::Status Server::Configure() {
  if (services_->secure_cookies) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    auto tls =
        std::make_unique<httplib::SSLServer>(options_.tls_cert.c_str(), options_.tls_key.c_str());
    if (!tls->is_valid()) {
      return core::Error::Invalid("cannot use the TLS certificate or key", "--tls-cert");
    }
    server_ = std::move(tls);
#else
    return core::Error::Invalid("this build has no TLS support", "--tls-cert");
#endif
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  httplib::Server& server = *server_;
  const int threads = options_.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_tcp_nodelay(true);
  // SO_REUSEADDR only: the library's default, SO_REUSEPORT, would let a second server bind the
  // same port and silently take half of the connections. The socket is kept to widen its
  // backlog after binding (see Run).
  server.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = sock;
  });
  server.set_keep_alive_max_count(kKeepAliveMaxRequests);
  server.set_keep_alive_timeout(5);
  server.set_read_timeout(10);
  server.set_write_timeout(10);
  server.set_payload_max_length(kPayloadMax);
  server.set_default_headers(SecurityHeaders());
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        WriteError(res, 500, "internal", "internal error");
      });
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        WriteStatusError(res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    WriteJson(res, {{"status", "ok"}});
  });
  for (const Route& route : Routes()) Register(server, route, options_.db_path, *services_);
  std::error_code ec;
  if (!options_.static_dir.empty() && std::filesystem::is_directory(options_.static_dir, ec)) {
    server.set_mount_point("/", options_.static_dir);
    server.set_file_request_handler(CacheStaticAssets);
  } else if (!options_.static_dir.empty()) {
    std::cerr << "no web pages in " << options_.static_dir
              << " (build them with `make web`): serving the API only" << std::endl;
  }
  return core::Status::Ok();
}

core::Status Server::Run() {
  {
    auto store = storage::OpenSqliteStore(options_.db_path);
    if (!store.ok()) return store.error();
    if (core::Status migrated = store.value()->Migrate(); !migrated.ok()) return migrated;
  }
  if (core::Status configured = Configure(); !configured.ok()) return configured;
  if (!server_->bind_to_port(options_.bind, options_.port)) {
    return core::Error::Unavailable(
        "cannot listen on " + options_.bind + ":" + std::to_string(options_.port), "--port");
  }
  // cpp-httplib listens with a backlog of 5: when more clients connect at once (a browser
  // opens six, a load test sixty-four), the extra SYNs are dropped and retried a second later.
  // Listening again on the bound socket only changes its backlog.
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);
  std::cout << "serving " << (services_->secure_cookies ? "https" : "http") << "://"
            << options_.bind << ":" << options_.port << std::endl;
  if (!server_->listen_after_bind()) {
    return core::Error::Unavailable("the server stopped unexpectedly");
  }
  return core::Status::Ok();
}

void Server::Stop() {
  if (server_) server_->stop();
}

}  // namespace grassroots::http
