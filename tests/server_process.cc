#include "server_process.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sstream>
#include <stdexcept>
#include <thread>

namespace grassroots::testing {

int FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

ServerProcess::ServerProcess(const std::vector<std::string>& args, Data data, std::string db)
    : db_(db.empty() ? scratch_.Db() : std::move(db)) {
  if (data == Data::kDemo) {
    passwords_ = BuildDemo(scratch_);
  } else if (data == Data::kEmpty) {
    if (scratch_.RunRaw({"--db", db_, "init"}).exit_code != 0) {
      throw std::runtime_error("init failed");
    }
    const std::string add = std::string("printf '%s\\n' ") + ShellQuote(kAdminPassword) + " | " +
                            GRASSROOTS_BIN + " --db " + ShellQuote(db_) + " user add " + kAdmin +
                            " --role admin --password-stdin >/dev/null";
    if (std::system(add.c_str()) != 0) throw std::runtime_error("user add failed");
  }
  port_ = FreeLoopbackPort();
  std::vector<std::string> argv = {GRASSROOTS_BIN,        "--db",   db_,        "serve", "--port",
                                   std::to_string(port_), "--bind", "127.0.0.1"};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_ = fork();
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    std::vector<char*> raw;
    for (std::string& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    if (freopen("/dev/null", "w", stdout) == nullptr) _exit(126);
    execv(GRASSROOTS_BIN, raw.data());
    _exit(127);
  }
  httplib::Client probe("127.0.0.1", port_);
  for (int i = 0; i < 400; ++i) {
    if (auto res = probe.Get("/healthz"); res && res->status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error("the server did not start");
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
}

int ConnectFrom(const std::string& source, int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

RawReply RawExchange(const std::string& source, int port, const std::string& request,
                     std::chrono::milliseconds timeout) {
  using Clock = std::chrono::steady_clock;
  RawReply reply;
  const auto start = Clock::now();
  const int fd = ConnectFrom(source, port);
  if (fd < 0) return reply;
  (void)send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  char buf[4096];
  for (;;) {
    const auto left = timeout - (Clock::now() - start);
    if (left <= Clock::duration::zero()) break;
    pollfd p{fd, POLLIN, 0};
    const int ms = static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(left).count());
    if (poll(&p, 1, ms) <= 0) break;
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    reply.text.append(buf, static_cast<std::size_t>(n));
    // One answer is enough: stop once its body (Content-Length) is in.
    const std::size_t head_end = reply.text.find("\r\n\r\n");
    const std::size_t length_at = reply.text.find("Content-Length: ");
    if (head_end != std::string::npos && length_at != std::string::npos && length_at < head_end) {
      const std::size_t length = std::stoul(reply.text.substr(length_at + 16));
      if (reply.text.size() >= head_end + 4 + length) break;
    }
  }
  reply.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  close(fd);
  if (reply.text.rfind("HTTP/1.1 ", 0) == 0) reply.status = std::stoi(reply.text.substr(9, 3));
  return reply;
}

}  // namespace grassroots::testing
