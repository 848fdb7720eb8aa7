// Slow and hostile clients: connections held open do not stall other clients, lying body
// lengths are answered at once, and cookies can be marked Secure behind a TLS proxy.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "server_process.h"

namespace grassroots::testing {
namespace {

using namespace std::chrono_literals;

// What each of the held connections does before it goes quiet.
enum class Held { kSilent, kHalfARequest, kIdleAfterARequest };

// Opens `count` connections from 127.0.0.1; `answered` counts the requests answered (within 2 s
// each) on the way.
std::vector<int> Hold(int port, int count, Held how, int& answered) {
  std::vector<int> held;
  answered = 0;
  const std::string half = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  const std::string whole = half + "\r\n";
  for (int i = 0; i < count; ++i) {
    const int fd = ConnectFrom("127.0.0.1", port);
    if (fd < 0) break;
    if (how == Held::kHalfARequest) (void)send(fd, half.data(), half.size(), MSG_NOSIGNAL);
    if (how == Held::kIdleAfterARequest) {
      (void)send(fd, whole.data(), whole.size(), MSG_NOSIGNAL);
      timeval wait{2, 0};
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
      char buf[2048];
      if (recv(fd, buf, sizeof buf, 0) > 0) ++answered;  // the connection stays open
    }
    held.push_back(fd);
  }
  return held;
}

class HeldConnections : public ::testing::TestWithParam<Held> {};

TEST_P(HeldConnections, TwoHundredDoNotStallAClientFromAnotherAddress) {
  ServerProcess server;
  int answered = 0;
  const std::vector<int> held = Hold(server.port(), 200, GetParam(), answered);
  ASSERT_EQ(held.size(), 200u);
  EXPECT_EQ(answered, GetParam() == Held::kIdleAfterARequest ? 200 : 0);
  std::this_thread::sleep_for(200ms);  // the server has taken them all in
  // An API route: it needs a thread and a database connection.
  const RawReply reply =
      RawExchange("127.0.0.2", server.port(),
                  "GET /api/v1/organizations HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5s);
  EXPECT_EQ(reply.status, 401) << reply.text;
  EXPECT_LT(reply.took, 1s);
  for (int fd : held) close(fd);
}

INSTANTIATE_TEST_SUITE_P(HttpHostile, HeldConnections,
                         ::testing::Values(Held::kSilent, Held::kHalfARequest,
                                           Held::kIdleAfterARequest),
                         [](const ::testing::TestParamInfo<Held>& info) {
                           switch (info.param) {
                             case Held::kSilent:
                               return "Silent";
                             case Held::kHalfARequest:
                               return "HalfARequest";
                             case Held::kIdleAfterARequest:
                               return "IdleAfterARequest";
                           }
                           return "Unknown";
                         });

// A Content-Length that is negative, not a number or over the limit is answered before the
// server waits for a body (its read timeout is 10 s).
TEST(HttpHostile, LyingBodyLengthsAreRefusedAtOnce) {
  ServerProcess server;
  struct Case {
    const char* length;
    int status;
    const char* reason;
  };
  for (const Case& c :
       {Case{"-1", 400, "bad_content_length"},
        Case{"-9223372036854775808", 400, "bad_content_length"},
        Case{"18446744073709551615", 400, "bad_content_length"},
        Case{"99999999999", 413, "body_too_large"}, Case{"9437184", 413, "body_too_large"}}) {
    SCOPED_TRACE(c.length);
    const RawReply reply = RawExchange(
        "127.0.0.1", server.port(),
        std::string("POST /api/v1/session HTTP/1.1\r\nHost: x\r\n") +
            "Content-Type: application/json\r\nContent-Length: " + c.length + "\r\n\r\n",
        5s);
    EXPECT_EQ(reply.status, c.status) << reply.text;
    EXPECT_LT(reply.took, 1s);
    const auto body =
        nlohmann::json::parse(reply.text.substr(reply.text.find("\r\n\r\n") + 4), nullptr, false);
    EXPECT_EQ(body["error"]["reason"], c.reason);
  }
  const RawReply chunked = RawExchange("127.0.0.1", server.port(),
                                       "POST /api/v1/session HTTP/1.1\r\nHost: x\r\n"
                                       "Transfer-Encoding: chunked\r\n\r\n",
                                       5s);
  EXPECT_EQ(chunked.status, 411) << chunked.text;
  EXPECT_LT(chunked.took, 1s);
}

std::string LoginCookie(int port) {
  httplib::Client client("127.0.0.1", port);
  const nlohmann::json login = {{"name", ServerProcess::kAdmin},
                                {"password", ServerProcess::kAdminPassword}};
  auto res = client.Post("/api/v1/session", login.dump(), "application/json");
  if (!res || res->status != 200) return "login failed";
  return res->get_header_value("Set-Cookie");
}

TEST(HttpHostile, SecureCookiesFlagMarksTheSessionCookieSecureWithoutTls) {
  ServerProcess proxied({"--secure-cookies"});
  const std::string cookie = LoginCookie(proxied.port());
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  ServerProcess plain;
  const std::string plain_cookie = LoginCookie(plain.port());
  EXPECT_NE(plain_cookie.find("HttpOnly"), std::string::npos) << plain_cookie;
  EXPECT_EQ(plain_cookie.find("Secure"), std::string::npos) << plain_cookie;
}

}  // namespace
}  // namespace grassroots::testing
