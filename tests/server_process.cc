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

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace grassroots::testing {

namespace {

// The port of the line "serving http(s)://ADDRESS:PORT" in `text`, or 0 while it is not there.
int ServingPort(const std::string& text) {
  const std::size_t line = text.find("serving http");
  if (line == std::string::npos) return 0;
  const std::size_t end = text.find('\n', line);
  if (end == std::string::npos) return 0;  // the line is still being written
  const std::size_t colon = text.rfind(':', end);
  return colon == std::string::npos || colon < line ? 0 : std::atoi(text.c_str() + colon + 1);
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

Serving StartServing(const std::vector<std::string>& args, const std::string& out_path,
                     const std::string& now) {
  std::vector<std::string> argv = {GRASSROOTS_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  std::ofstream(out_path, std::ios::trunc).close();
  Serving serving;
  serving.pid = fork();
  if (serving.pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    std::vector<char*> raw;
    for (std::string& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    if (freopen(out_path.c_str(), "w", stdout) == nullptr) _exit(126);
    if (!now.empty()) setenv("GRASSROOTS_NOW", now.c_str(), 1);
    execv(GRASSROOTS_BIN, raw.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if ((serving.port = ServingPort(ReadWhole(out_path))) > 0) return serving;
    int status = 0;
    if (waitpid(serving.pid, &status, WNOHANG) == serving.pid) {
      throw std::runtime_error("the server exited before listening: " + ReadWhole(out_path));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  StopServing(serving);
  throw std::runtime_error("the server did not start within 30 s");
}

void StopServing(Serving& serving) {
  if (serving.pid <= 0) return;
  kill(serving.pid, SIGTERM);
  waitpid(serving.pid, nullptr, 0);
  serving.pid = -1;
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
  std::vector<std::string> argv = {"--db", db_, "serve", "--port", "0", "--bind", "127.0.0.1"};
  argv.insert(argv.end(), args.begin(), args.end());
  serving_ = StartServing(argv, scratch_.Path("serve.out"));
}

ServerProcess::~ServerProcess() { StopServing(serving_); }

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
