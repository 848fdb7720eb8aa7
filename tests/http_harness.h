// A real `grassroots serve` on 127.0.0.1 over a demo database of its own for each test, and a
// small client that logs in as one of the demo accounts. The demo database is built once per
// test run (or per process, outside CTest); each test that talks HTTP gets a fresh copy of it and
// its own server (started on first use, stopped when the test ends), so no test sees what another
// did, in any order.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "server_process.h"

namespace grassroots::testing {

struct Reply {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string Header(const std::string& key) const {
    auto it = headers.find(key);
    return it == headers.end() ? "" : it->second;
  }
};

// What a refusal names in its {"error": {"reason": ..., "field": ...}}; "" when it names none
// (or the reply is no refusal). Most tests of a refusal check these first.
inline std::string Reason(const Reply& reply) {
  const nlohmann::json body = reply.Json();
  return body.is_object() && body.contains("error") ? body["error"].value("reason", "") : "";
}
inline std::string Field(const Reply& reply) {
  const nlohmann::json body = reply.Json();
  return body.is_object() && body.contains("error") ? body["error"].value("field", "") : "";
}

// A score body every scores route accepts, for the tests that need one whatever its values.
inline constexpr char kScore[] =
    R"({"team":70,"leader":71,"venue":72,"routine":73,"service":74,"members":75})";

class HttpServer {
 public:
  // The running test's server, started on a fresh copy of the demo database at first use.
  static HttpServer& Get();
  // Stops the running test's server, if it started one, and removes its database.
  static void EndOfTest();

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer();

  int port() const { return serving_.port; }
  // The folder holding this server's database (Db()).
  const Scratch& scratch() const { return scratch_; }
  // The demo account's password, by name (= role name).
  const std::string& Password(const std::string& name) const;
  // Stops the server and starts it again on the same database and port, its clock fixed at
  // `now` (GRASSROOTS_NOW, an ISO 8601 instant) or the system's when empty.
  void Restart(const std::string& now);

 private:
  HttpServer();
  void Start(const std::string& now);
  void Stop();
  Scratch scratch_;
  Serving serving_;
};

// Runs `sql` on the running test's server database behind the server's back: rows no route
// writes, set up for the test.
void ExecuteSqlOnServer(const std::string& sql);

// A logged-in (or anonymous) client holding the session cookie and CSRF token.
class Client {
 public:
  Client();
  // Logs in; returns the login reply.
  Reply Login(const std::string& name, const std::string& password);
  Reply LoginAs(const std::string& name);  // a demo account

  Reply Get(const std::string& path);
  // POST, PUT or DELETE with the CSRF token unless `csrf` is false.
  Reply Send(const std::string& method, const std::string& path, const std::string& body,
             bool csrf = true, const std::string& content_type = "application/json");

  const std::string& cookie() const { return cookie_; }
  const std::string& csrf() const { return csrf_; }
  void set_cookie(std::string cookie) { cookie_ = std::move(cookie); }

 private:
  httplib::Headers Headers(bool csrf) const;
  std::unique_ptr<httplib::Client> client_;
  std::string cookie_;
  std::string csrf_;
};

}  // namespace grassroots::testing
