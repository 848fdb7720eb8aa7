// `grassroots serve --tls-cert --tls-key` with a throwaway self-signed certificate: a login over
// https gets a Secure cookie, and plain http to the same port gets no answer.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_runner.h"
#include "server_process.h"

namespace grassroots::testing {
namespace {

// A TLS server of its own (the shared harness serves plain http), stopped at the end.
class TlsServer {
 public:
  TlsServer() {
    admin_password_ = BuildDemo(scratch_).at("admin");
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " +
        ShellQuote(scratch_.Path("key.pem")) + " -out " + ShellQuote(scratch_.Path("cert.pem")) +
        " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl req failed");
    serving_ = StartServing(
        {"--db", scratch_.Db(), "serve", "--port", "0", "--bind", "127.0.0.1", "--tls-cert",
         scratch_.Path("cert.pem"), "--tls-key", scratch_.Path("key.pem")},
        scratch_.Path("serve.out"));
  }
  ~TlsServer() { StopServing(serving_); }
  std::unique_ptr<httplib::SSLClient> Client() const {
    auto client = std::make_unique<httplib::SSLClient>("127.0.0.1", serving_.port);
    client->enable_server_certificate_verification(false);  // self-signed
    client->set_read_timeout(30);
    return client;
  }
  // Waits until the server answers /healthz over https.
  bool Ready() const {
    auto client = Client();
    for (int i = 0; i < 200; ++i) {
      if (auto res = client->Get("/healthz"); res && res->status == 200) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
  }
  int port() const { return serving_.port; }
  const std::string& admin_password() const { return admin_password_; }

 private:
  Scratch scratch_;
  std::string admin_password_;
  Serving serving_;
};

TEST(HttpTls, LoginOverHttpsGetsASecureCookieAndPlainHttpIsRefused) {
  TlsServer server;
  ASSERT_TRUE(server.Ready());
  ASSERT_FALSE(server.admin_password().empty());
  auto client = server.Client();
  const nlohmann::json login = {{"name", "admin"}, {"password", server.admin_password()}};
  auto res = client->Post("/api/v1/session", login.dump(), "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  // The session works over https.
  const httplib::Headers headers = {{"Cookie", cookie.substr(0, cookie.find(';'))}};
  auto me = client->Get("/api/v1/session", headers);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);

  httplib::Client plain("127.0.0.1", server.port());
  plain.set_read_timeout(5);
  auto refused = plain.Post("/api/v1/session", login.dump(), "application/json");
  EXPECT_FALSE(refused && refused->status == 200) << "plain http must not log in";
  EXPECT_FALSE(refused) << "plain http must get no HTTP answer at all";
}

}  // namespace
}  // namespace grassroots::testing
