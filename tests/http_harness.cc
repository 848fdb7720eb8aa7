#include "http_harness.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "server_process.h"
#include "sqlite_exec.h"

namespace grassroots::testing {
namespace {

Reply ToReply(const httplib::Result& result) {
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.body = result->body;
  reply.headers = result->headers;
  return reply;
}

// The demo database every test's copy starts from and its accounts: the one the CTest fixture
// `http_demo` built for the whole run (GRASSROOTS_TEST_DEMO: a folder with demo.db and the
// demo command's output, demo.out), else one built for this process. Building it takes a second
// or more, so building it once per run instead of once per test is most of the suite's time.
class DemoTemplate {
 public:
  static const DemoTemplate& Get() {
    static const DemoTemplate demo;
    return demo;
  }
  const std::string& db() const { return db_; }
  const std::map<std::string, std::string>& passwords() const { return passwords_; }

 private:
  DemoTemplate() {
    const char* shared = std::getenv("GRASSROOTS_TEST_DEMO");
    if (shared != nullptr && std::filesystem::exists(std::string(shared) + "/demo.out")) {
      db_ = std::string(shared) + "/demo.db";
      std::ifstream out(std::string(shared) + "/demo.out");
      passwords_ = DemoPasswords(std::string(std::istreambuf_iterator<char>(out), {}));
      return;
    }
    own_.emplace();
    passwords_ = BuildDemo(*own_);
    db_ = own_->Db();
  }
  std::optional<Scratch> own_;
  std::string db_;
  std::map<std::string, std::string> passwords_;
};

std::mutex g_server_mutex;
std::unique_ptr<HttpServer> g_server;  // the running test's, once it asked for one

// Ends each test's server with the test, so the next test starts from the demo again.
class EndServerWithTest : public ::testing::EmptyTestEventListener {
  void OnTestEnd(const ::testing::TestInfo&) override { HttpServer::EndOfTest(); }
};
const bool kListening = [] {
  ::testing::UnitTest::GetInstance()->listeners().Append(new EndServerWithTest);
  return true;
}();

}  // namespace

HttpServer& HttpServer::Get() {
  std::lock_guard lock(g_server_mutex);  // clients of a test's threads ask too
  if (g_server == nullptr) g_server.reset(new HttpServer());
  return *g_server;
}

void HttpServer::EndOfTest() {
  std::lock_guard lock(g_server_mutex);
  g_server.reset();
}

HttpServer::HttpServer() {
  const std::string& demo = DemoTemplate::Get().db();
  // The demo command closed its database: no write-ahead log is left to copy with it.
  for (const std::string suffix : {"", "-wal", ".audit-heads"}) {
    std::error_code missing;
    std::filesystem::copy_file(demo + suffix, scratch_.Db() + suffix, missing);
  }
  std::error_code missing;  // the evidence files (storage/evidence_store.h)
  std::filesystem::copy(demo + ".evidence", scratch_.Db() + ".evidence",
                        std::filesystem::copy_options::recursive, missing);
  Start("");
}

void HttpServer::Restart(const std::string& now) {
  Stop();
  Start(now);
}

void HttpServer::Start(const std::string& now) {
  // Any free port the first time; the same one again on a restart, as clients hold it.
  serving_ = StartServing({"--db", scratch_.Db(), "serve", "--port", std::to_string(serving_.port),
                           "--bind", "127.0.0.1"},
                          scratch_.Path("serve.out"), now);
}

HttpServer::~HttpServer() { Stop(); }

const std::string& HttpServer::Password(const std::string& name) const {
  return DemoTemplate::Get().passwords().at(name);
}

void HttpServer::Stop() { StopServing(serving_); }

void ExecuteSqlOnServer(const std::string& sql) {
  ExecuteSql(HttpServer::Get().scratch().Db(), sql);
}

Client::Client()
    : client_(std::make_unique<httplib::Client>("127.0.0.1", HttpServer::Get().port())) {
  client_->set_read_timeout(30);
}

Reply Client::Login(const std::string& name, const std::string& password) {
  const nlohmann::json body = {{"name", name}, {"password", password}};
  Reply reply = ToReply(client_->Post("/api/v1/session", body.dump(), "application/json"));
  const std::string set_cookie = reply.Header("Set-Cookie");
  const std::size_t end = set_cookie.find(';');
  if (reply.status == 200) {
    cookie_ = set_cookie.substr(0, end);
    csrf_ = reply.Json().value("csrf_token", "");
  }
  return reply;
}

Reply Client::LoginAs(const std::string& name) {
  return Login(name, HttpServer::Get().Password(name));
}

httplib::Headers Client::Headers(bool csrf) const {
  httplib::Headers headers;
  if (!cookie_.empty()) headers.emplace("Cookie", cookie_);
  if (csrf && !csrf_.empty()) headers.emplace("X-CSRF-Token", csrf_);
  return headers;
}

Reply Client::Get(const std::string& path) { return ToReply(client_->Get(path, Headers(false))); }

Reply Client::Send(const std::string& method, const std::string& path, const std::string& body,
                   bool csrf, const std::string& content_type) {
  const httplib::Headers headers = Headers(csrf);
  if (method == "POST") return ToReply(client_->Post(path, headers, body, content_type));
  if (method == "PUT") return ToReply(client_->Put(path, headers, body, content_type));
  if (method == "DELETE") return ToReply(client_->Delete(path, headers, body, content_type));
  throw std::invalid_argument(method);
}

}  // namespace grassroots::testing
