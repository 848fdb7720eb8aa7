// The ceiling of the HTTP layer on this machine: a bare cpp-httplib server with the same
// settings as `grassroots serve` (TCP_NODELAY, 128 workers, keep-alive), answering a constant.
// Usage: hello_server PORT
#include <httplib.h>
#include <sys/socket.h>

#include <cstdlib>

int main(int argc, char** argv) {
  constexpr std::size_t kKeepAliveMaxRequests = 1'000'000;  // as in src/http/server.cc
  const int port = argc > 1 ? std::atoi(argv[1]) : 18090;
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(128); };
  server.set_tcp_nodelay(true);
  int listen_socket = -1;  // widened backlog, as in src/http/server.cc
  server.set_socket_options([&listen_socket](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket = sock;
  });
  server.set_keep_alive_max_count(kKeepAliveMaxRequests);
  server.set_keep_alive_timeout(5);
  server.Get("/hello", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"hello\":\"world\"}", "application/json");
  });
  if (!server.bind_to_port("127.0.0.1", port)) return 1;
  if (listen_socket >= 0) ::listen(listen_socket, SOMAXCONN);
  return server.listen_after_bind() ? 0 : 1;
}
