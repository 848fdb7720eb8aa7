// Two `grassroots serve` on one PostgreSQL database, driven at once, as a province runs several
// servers behind a proxy: their writes form one audit chain in commit order, an account
// disabled through one server is refused by the other within a second, and failed logins
// counted by one server slow the next attempt on the other; what a server remembers (list totals,
// answers kept by data version) gives way to a change made through the other.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"
#include "server_process.h"
#include "storage/postgres/pg_test_server.h"

namespace grassroots::testing {
namespace {

// A client of one server holding a session.
class Session {
 public:
  Session(int port, const std::string& name, const std::string& password)
      : client_("127.0.0.1", port) {
    const nlohmann::json body = {{"name", name}, {"password", password}};
    auto reply = client_.Post("/api/v1/session", body.dump(), "application/json");
    if (!reply || reply->status != 200) return;
    const std::string set_cookie = reply->get_header_value("Set-Cookie");
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    csrf_ = nlohmann::json::parse(reply->body).value("csrf_token", "");
  }
  bool ok() const { return !cookie_.empty(); }

  int Get(const std::string& path) {
    auto reply = client_.Get(path, {{"Cookie", cookie_}});
    return reply ? reply->status : 0;
  }
  // The body of a 200 answer; null otherwise.
  nlohmann::json GetJson(const std::string& path) {
    auto reply = client_.Get(path, {{"Cookie", cookie_}});
    if (!reply || reply->status != 200) return nullptr;
    return nlohmann::json::parse(reply->body);
  }
  int Send(const std::string& method, const std::string& path, const std::string& body) {
    const httplib::Headers headers = {{"Cookie", cookie_}, {"X-CSRF-Token", csrf_}};
    auto reply = method == "PUT" ? client_.Put(path, headers, body, "application/json")
                                 : client_.Post(path, headers, body, "application/json");
    return reply ? reply->status : 0;
  }

 private:
  httplib::Client client_;
  std::string cookie_;
  std::string csrf_;
};

class TwoServers : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(schema_.url().empty()); }

  storage::pg::TestSchema schema_;
};

TEST_F(TwoServers, WritesThroughBothFormOneChainInCommitOrder) {
  ServerProcess a({}, ServerProcess::Data::kEmpty, schema_.url());
  ServerProcess b({}, ServerProcess::Data::kAsIs, schema_.url());
  constexpr int kEach = 25;
  std::vector<std::thread> writers;
  std::vector<int> created(2, 0);
  for (int s = 0; s < 2; ++s) {
    writers.emplace_back([&, s] {
      Session admin(s == 0 ? a.port() : b.port(), ServerProcess::kAdmin,
                    ServerProcess::kAdminPassword);
      if (!admin.ok()) return;
      for (int i = 0; i < kEach; ++i) {
        const std::string code = "S" + std::to_string(s) + "-" + std::to_string(i);
        const nlohmann::json org = {{"code", code},        {"name", "支部" + code},
                                    {"type", "village"},   {"kind", "committee"},
                                    {"secretary", "书记"}, {"unit", "u1"}};
        if (admin.Send("POST", "/api/v1/organizations", org.dump()) == 201) ++created[s];
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(created[0], kEach);
  EXPECT_EQ(created[1], kEach);
  const Outcome verify = a.scratch().RunRaw({"--db", schema_.url(), "audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_NE(verify.out.find("audit log intact"), std::string::npos) << verify.out;
  Session admin(b.port(), ServerProcess::kAdmin, ServerProcess::kAdminPassword);
  ASSERT_TRUE(admin.ok());
  // Every create is one entry (with the account and the logins before them), none lost.
  const Outcome head = a.scratch().RunRaw({"--db", schema_.url(), "audit", "head"});
  ASSERT_EQ(head.exit_code, 0) << head.err;
  EXPECT_GE(std::stoi(head.out.substr(0, head.out.find(':'))), 2 * kEach);
}

TEST_F(TwoServers, AnAccountDisabledOnOneIsRefusedByTheOtherWithinASecond) {
  ServerProcess a({}, ServerProcess::Data::kEmpty, schema_.url());
  ServerProcess b({}, ServerProcess::Data::kAsIs, schema_.url());
  Session admin(a.port(), ServerProcess::kAdmin, ServerProcess::kAdminPassword);
  ASSERT_TRUE(admin.ok());
  const nlohmann::json user = {{"name", "wang"},
                               {"role", "auditor"},
                               {"scope", nlohmann::json::array()},
                               {"password", "Auditor-Password-7"}};
  ASSERT_EQ(admin.Send("POST", "/api/v1/users", user.dump()), 201);
  Session wang(b.port(), "wang", "Auditor-Password-7");
  ASSERT_TRUE(wang.ok());
  ASSERT_EQ(wang.Get("/api/v1/session"), 200);  // and now cached by server B
  ASSERT_EQ(admin.Send("PUT", "/api/v1/users/wang", R"({"disabled":true})"), 200);
  const auto disabled = std::chrono::steady_clock::now();
  int status = 200;
  while (status == 200 && std::chrono::steady_clock::now() - disabled < std::chrono::seconds(3)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    status = wang.Get("/api/v1/session");
  }
  const auto took = std::chrono::steady_clock::now() - disabled;
  EXPECT_EQ(status, 401);
  EXPECT_LE(took, std::chrono::milliseconds(1100));
  EXPECT_FALSE(Session(b.port(), "wang", "Auditor-Password-7").ok());
}

// Server B remembers its list totals by data version, which it hears of from A's commits by
// notification (storage/postgres/pg_data_version.h): a few milliseconds after A answers, well
// inside the second the session rule allows, not at once: B's read may reach B before A's
// notification does. A sees its own change at once.
TEST_F(TwoServers, AChangeThroughOneIsSeenByTheOthersRememberedTotals) {
  ServerProcess a({}, ServerProcess::Data::kEmpty, schema_.url());
  ServerProcess b({}, ServerProcess::Data::kAsIs, schema_.url());
  Session on_a(a.port(), ServerProcess::kAdmin, ServerProcess::kAdminPassword);
  Session on_b(b.port(), ServerProcess::kAdmin, ServerProcess::kAdminPassword);
  ASSERT_TRUE(on_a.ok() && on_b.ok());
  const std::string list = "/api/v1/organizations?limit=1";
  for (int round = 0; round < 5; ++round) {
    const nlohmann::json before_b = on_b.GetJson(list);
    const nlohmann::json before_a = on_a.GetJson(list);
    ASSERT_TRUE(before_a.is_object() && before_b.is_object());
    ASSERT_EQ(before_b["total"], round);  // and remembered by each server now
    ASSERT_EQ(before_a["total"], round);
    const std::string code = "R" + std::to_string(round);
    const nlohmann::json org = {{"code", code},        {"name", "支部" + code}, {"type", "village"},
                                {"kind", "committee"}, {"secretary", "书记"},   {"unit", "u1"}};
    ASSERT_EQ(on_a.Send("POST", "/api/v1/organizations", org.dump()), 201);
    const auto created = std::chrono::steady_clock::now();
    EXPECT_EQ(on_a.GetJson(list)["total"], round + 1);  // at once on the server that wrote
    nlohmann::json total = on_b.GetJson(list)["total"];
    while (total != round + 1 &&
           std::chrono::steady_clock::now() - created < std::chrono::seconds(3)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      total = on_b.GetJson(list)["total"];
    }
    EXPECT_EQ(total, round + 1);
    EXPECT_LE(std::chrono::steady_clock::now() - created, std::chrono::seconds(1));
  }
}

// Organizations and list pages are remembered by data version too (http/read_memo.h): a rename
// through A is in B's remembered detail and page within the second, and at once in A's.
TEST_F(TwoServers, ARenameThroughOneIsSeenInTheOthersRememberedDetail) {
  ServerProcess a({}, ServerProcess::Data::kEmpty, schema_.url());
  ServerProcess b({}, ServerProcess::Data::kAsIs, schema_.url());
  Session on_a(a.port(), ServerProcess::kAdmin, ServerProcess::kAdminPassword);
  Session on_b(b.port(), ServerProcess::kAdmin, ServerProcess::kAdminPassword);
  ASSERT_TRUE(on_a.ok() && on_b.ok());
  nlohmann::json org = {{"code", "N1"},        {"name", "支部0"},     {"type", "village"},
                        {"kind", "committee"}, {"secretary", "书记"}, {"unit", "u1"}};
  ASSERT_EQ(on_a.Send("POST", "/api/v1/organizations", org.dump()), 201);
  const std::string detail = "/api/v1/organizations/N1";
  const std::string page = "/api/v1/organizations?limit=20&q=N1";
  for (int round = 1; round <= 5; ++round) {
    const std::string before = "支部" + std::to_string(round - 1);
    // Asked until B has heard of the last change, then asked again: remembered now.
    const auto asked = std::chrono::steady_clock::now();
    while (on_b.GetJson(detail)["name"] != before &&
           std::chrono::steady_clock::now() - asked < std::chrono::seconds(3)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_EQ(on_b.GetJson(detail)["name"], before);
    ASSERT_EQ(on_b.GetJson(page)["items"][0]["name"], before);
    ASSERT_EQ(on_a.GetJson(detail)["name"], before);
    org["name"] = "支部" + std::to_string(round);
    ASSERT_EQ(on_a.Send("PUT", detail, org.dump()), 200);
    const auto renamed = std::chrono::steady_clock::now();
    EXPECT_EQ(on_a.GetJson(detail)["name"], org["name"]);  // at once on the server that wrote
    nlohmann::json name = on_b.GetJson(detail)["name"];
    while (name != org["name"] &&
           std::chrono::steady_clock::now() - renamed < std::chrono::seconds(3)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      name = on_b.GetJson(detail)["name"];
    }
    EXPECT_EQ(name, org["name"]);
    EXPECT_LE(std::chrono::steady_clock::now() - renamed, std::chrono::seconds(1));
    EXPECT_EQ(on_b.GetJson(page)["items"][0]["name"], org["name"]);
  }
}

// The throttle's counts are in the database (app/login_guard.h): a guesser cannot spread their
// attempts over the servers behind a proxy to escape the waits.
TEST_F(TwoServers, FailedLoginsOnOneServerDelayALoginOnTheOther) {
  ServerProcess a({}, ServerProcess::Data::kEmpty, schema_.url());
  ServerProcess b({}, ServerProcess::Data::kAsIs, schema_.url());
  httplib::Client on_a("127.0.0.1", a.port());
  httplib::Client on_b("127.0.0.1", b.port());
  const nlohmann::json wrong = {{"name", ServerProcess::kAdmin}, {"password", "not-the-password"}};
  // Five failures are free, then the waits double: 1, 2, then 4 s after the eighth. An attempt
  // during a wait is refused (429) without counting, so the guesser waits on server A.
  for (int failures = 0; failures < 8;) {
    auto reply = on_a.Post("/api/v1/session", wrong.dump(), "application/json");
    ASSERT_TRUE(reply);
    if (reply->status == 429) {
      std::this_thread::sleep_for(
          std::chrono::seconds(std::stoi(reply->get_header_value("Retry-After"))));
      continue;
    }
    ASSERT_EQ(reply->status, 401) << reply->body;
    ++failures;
  }
  const nlohmann::json right = {{"name", ServerProcess::kAdmin},
                                {"password", ServerProcess::kAdminPassword}};
  auto reply = on_b.Post("/api/v1/session", right.dump(), "application/json");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 429) << reply->body;
  const std::string retry = reply->get_header_value("Retry-After");
  const int wait = retry.empty() ? 0 : std::stoi(retry);
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 4);
  const nlohmann::json body = nlohmann::json::parse(reply->body);
  EXPECT_EQ(body["error"]["reason"], "too_many_failed_logins");
  EXPECT_EQ(body["error"]["params"]["seconds"], std::to_string(wait));
  // Another account from the same address is not held up by the pair's count.
  const nlohmann::json other = {{"name", "nobody"}, {"password", "whatever"}};
  auto unknown = on_b.Post("/api/v1/session", other.dump(), "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 401);
}

}  // namespace
}  // namespace grassroots::testing
