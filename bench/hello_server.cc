// The ceiling of the HTTP layer on this machine: a bare cpp-httplib server with the same
// settings as `grassroots serve` (TCP_NODELAY, 128 workers, keep-alive), answering a constant.
// Usage: hello_server PORT
#include <httplib.h>

#include <cstdlib>

int main(int argc, char** argv) {
  constexpr std::size_t kKeepAliveMaxRequests = 1'000'000;  // as in src/http/server.cc
  const int port = argc > 1 ? std::atoi(argv[1]) : 18090;
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(128); };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(kKeepAliveMaxRequests);
  server.set_keep_alive_timeout(5);
  server.Get("/hello", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"hello\":\"world\"}", "application/json");
  });
  return server.listen("127.0.0.1", port) ? 0 : 1;
}
