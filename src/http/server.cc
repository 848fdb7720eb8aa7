#include "http/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <utility>

#include "http/errors.h"
#include "http/request_limits.h"
#include "http/route.h"
#include "http/session.h"
#include "http/static_files.h"
#include "http/store_pool.h"
#include "http/worker_pool.h"
#include "storage/open_store.h"

namespace grassroots::http {
namespace {

// cpp-httplib listens with a backlog of 5: when many keep-alive connections are closed after a
// request count and reopened at once, the SYNs beyond the backlog are dropped and retried by
// the client a second later (measured: p99 1.1 s). Idle connections still close after 5 s.
constexpr std::size_t kKeepAliveMaxRequests = 1'000'000;

// Spare threads end after this long without a connection; a few stay for the next clients.
constexpr std::size_t kWarmThreads = 8;
constexpr std::chrono::seconds kThreadIdle{30};
// A client that connects and sends nothing is handed to a thread only once it sends (or after
// this many seconds): a silent connection costs a socket in the kernel, not a thread.
constexpr int kDeferAcceptSeconds = 5;

bool ChangesState(Method method) { return method != Method::kGet; }

bool IsAddress(const std::string& text) {
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(AF_INET, text.c_str(), buffer) == 1 ||
         inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

void Dispatch(const Route& route, StorePool& stores, Services& services,
              const httplib::Request& req, httplib::Response& res) {
  auto lease = stores.Acquire();
  if (!lease.ok()) return WriteError(res, 503, "unavailable", "the database cannot be opened");
  storage::Store& store = *lease.value();
  // A read sees one snapshot from the session check to the last query of its answer.
  std::optional<storage::ReadingScope> reading;
  if (!ChangesState(route.method)) reading.emplace(store);
  Call call{req, res, store, services, {}, {}, {"anonymous", ClientAddress(req, services)}};
  if (route.needs_session) {
    auto found = Authenticate(req, store, services.sessions);
    if (!found.ok()) return WriteError(res, found.error());
    if (!found.value()) {
      auto why = SignedOutReason(req, store);
      if (!why.ok()) return WriteError(res, why.error());
      return WriteError(res, 401, "unauthenticated", "log in first (POST /api/v1/session)", "",
                        why.value());
    }
    if (found.value()->must_change_password && !route.before_password_change) {
      return WriteError(res, 403, "forbidden",
                        "change the password an administrator gave you first "
                        "(PUT /api/v1/session/password)",
                        "", "password_change_required");
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

void Register(httplib::Server& server, const Route& route, StorePool& stores, Services& services) {
  auto handler = [&route, &stores, &services](const httplib::Request& req, httplib::Response& res) {
    Dispatch(route, stores, services, req, res);
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

std::string ClientAddress(const httplib::Request& req, const Services& services) {
  const auto& proxies = services.trusted_proxies;
  if (std::find(proxies.begin(), proxies.end(), req.remote_addr) == proxies.end()) {
    return req.remote_addr;
  }
  // Several X-Forwarded-For headers read as one list; the proxy appended the last entry.
  std::string forwarded;
  const std::size_t count = req.get_header_value_count("X-Forwarded-For");
  for (std::size_t i = 0; i < count; ++i) {
    forwarded += (forwarded.empty() ? "" : ",") + req.get_header_value("X-Forwarded-For", i);
  }
  std::string last = forwarded.substr(forwarded.rfind(',') + 1);
  last.erase(0, last.find_first_not_of(' '));
  last.erase(last.find_last_not_of(' ') + 1);
  return IsAddress(last) ? last : req.remote_addr;
}

Server::Server(ServerOptions options)
    : options_(std::move(options)), services_(std::make_unique<Services>()) {
  services_->policy = options_.policy;
  services_->checklists = options_.checklists;
  services_->secure_cookies = UsesTls() || options_.secure_cookies;
  services_->trusted_proxies = options_.trusted_proxies;
  stores_ =
      std::make_unique<StorePool>(options_.db_path, static_cast<std::size_t>(options_.stores));
}

bool Server::UsesTls() const { return !options_.tls_cert.empty() && !options_.tls_key.empty(); }

Server::~Server() = default;

core::Status Server::Configure() {
  if (UsesTls()) {
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
  const WorkerPool::Limits limits{kWarmThreads, static_cast<std::size_t>(options_.max_threads),
                                  kThreadIdle};
  server.new_task_queue = [limits] { return new WorkerPool(limits); };
  server.set_tcp_nodelay(true);
  // SO_REUSEADDR only: the library's default, SO_REUSEPORT, would let a second server bind the
  // same port and silently take half of the connections. The socket is kept to widen its
  // backlog after binding (see Run).
  server.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
#ifdef TCP_DEFER_ACCEPT
    setsockopt(sock, IPPROTO_TCP, TCP_DEFER_ACCEPT, &kDeferAcceptSeconds,
               sizeof kDeferAcceptSeconds);
#endif
    listen_socket_ = sock;
  });
  server.set_keep_alive_max_count(kKeepAliveMaxRequests);
  server.set_keep_alive_timeout(5);
  server.set_read_timeout(10);
  server.set_write_timeout(10);
  // The pre-routing hook holds every other body to kPayloadMax.
  server.set_payload_max_length(kUploadMax);
  server.set_default_headers(SecurityHeaders());
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    return BodyMayBeRead(req, res) ? httplib::Server::HandlerResponse::Unhandled
                                   : httplib::Server::HandlerResponse::Handled;
  });
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
  for (const Route& route : Routes()) Register(server, route, *stores_, *services_);
  std::error_code ec;
  if (!options_.static_dir.empty() && std::filesystem::is_directory(options_.static_dir, ec)) {
    server.set_mount_point("/", options_.static_dir);
    server.set_file_request_handler(
        [root = options_.static_dir](const httplib::Request& req, httplib::Response& res) {
          CacheStaticAssets(req, res);
          UsePrecompressed(root, req, res);
        });
  } else if (!options_.static_dir.empty()) {
    std::cerr << "no web pages in " << options_.static_dir
              << " (build them with `make web`): serving the API only" << std::endl;
  }
  return core::Status::Ok();
}

core::Status Server::Run() {
  {
    auto store = storage::OpenStore(options_.db_path);
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
  // The line a supervisor (or a test harness) reads to learn the port, the kernel's when
  // --port 0 asked for any free one.
  std::cout << "serving " << (UsesTls() ? "https" : "http") << "://" << options_.bind << ":"
            << BoundPort() << std::endl;
  if (!server_->listen_after_bind()) {
    return core::Error::Unavailable("the server stopped unexpectedly");
  }
  return core::Status::Ok();
}

int Server::BoundPort() const {
  sockaddr_storage address{};
  socklen_t size = sizeof address;
  if (listen_socket_ < 0 ||
      getsockname(listen_socket_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    return options_.port;
  }
  if (address.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  }
  if (address.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  }
  return options_.port;
}

void Server::Stop() {
  if (server_) server_->stop();
}

}  // namespace grassroots::http
