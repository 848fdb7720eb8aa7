#include "http/session.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "app/account_service.h"
#include "app/sign_in.h"
#include "auth/password.h"
#include "core/clock.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

nlohmann::json UserJson(const storage::UserRecord& user) {
  return {{"name", user.name},
          {"role", core::ToString(user.role)},
          {"scope", user.scope},
          {"real_name", user.real_name},
          {"phone", user.phone}};
}

// What a login and GET /session answer: the account, what it may do, the CSRF token, and
// whether it must change its password before anything else.
nlohmann::json SessionJson(const storage::UserRecord& user, const std::string& csrf_token) {
  const core::Principal who{user.id, user.name, user.role, user.scope};
  return {{"user", UserJson(user)},
          {"permissions", PermissionsJson(who)},
          {"must_change_password", user.must_change_password},
          {"csrf_token", csrf_token}};
}

core::Principal PrincipalOf(const storage::UserRecord& user) {
  return {user.id, user.name, user.role, user.scope};
}

std::string Cookie(const std::string& value, std::int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value + "; HttpOnly; SameSite=Strict; Path=/" +
         "; Max-Age=" + std::to_string(max_age) + (secure ? "; Secure" : "");
}

// Only a JSON body logs in: a form posted from another site (which a browser sends without
// asking, and which carries no CSRF token) cannot. Checked before any password work.
bool IsJsonBody(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type == "application/json";
}

void Login(Call& call) {
  if (!IsJsonBody(call.req)) {
    return WriteError(call.res, 415, "unsupported_media_type",
                      "log in with a JSON body (Content-Type: application/json)", "Content-Type",
                      "json_required");
  }
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  std::string name, password;
  if (!OnlyFields(*body, {"name", "password"}, call.res) ||
      !GetString(*body, "name", name, true, call.res) ||
      !GetString(*body, "password", password, true, call.res)) {
    return;
  }
  auto in = app::SignInWith(call.store, call.services.login_limits, name, password, call.actor,
                            NowSeconds() + kSessionSeconds);
  if (!in.ok()) return WriteError(call.res, in.error());
  switch (in.value().outcome) {
    case app::SignIn::Outcome::kWait: {
      const std::string wait = std::to_string(in.value().wait_seconds);
      call.res.set_header("Retry-After", wait);
      return WriteError(call.res, 429, "too_many_requests",
                        "too many failed logins; try again in " + wait + " s", "",
                        "too_many_failed_logins", {{"seconds", wait}});
    }
    case app::SignIn::Outcome::kWrongCredentials:
      return WriteError(call.res, 401, "unauthenticated", "wrong name or password", "",
                        "wrong_credentials");
    case app::SignIn::Outcome::kDisabled:
      return WriteError(call.res, 403, "forbidden",
                        "this account is disabled; an administrator can enable it again", "name",
                        "account_disabled");
    case app::SignIn::Outcome::kSignedIn:
      break;
  }
  call.res.set_header("Set-Cookie",
                      Cookie(in.value().token, kSessionSeconds, call.services.secure_cookies));
  WriteJson(call.res, SessionJson(in.value().user, in.value().session.csrf_token));
}

void Logout(Call& call) {
  if (auto status = app::SignOut(call.store, call.session.token_hash, call.actor); !status.ok()) {
    return WriteError(call.res, status.error());
  }
  call.services.sessions.Forget(call.session.token_hash);
  call.res.set_header("Set-Cookie", Cookie("", 0, call.services.secure_cookies));
  WriteJson(call.res, {{"status", "logged out"}});
}

void WhoAmI(Call& call) {
  auto user = app::AccountOf(call.store, call.principal.user_id);
  if (!user.ok()) return WriteError(call.res, user.error());
  if (!user.value()) return WriteError(call.res, 401, "unauthenticated", "log in first");
  WriteJson(call.res, SessionJson(*user.value(), call.session.csrf_token));
}

}  // namespace

std::int64_t NowSeconds() { return core::DefaultClock().Now(); }

std::string SessionToken(const httplib::Request& req) {
  const std::string header = req.get_header_value("Cookie");
  const std::string key = std::string(kSessionCookie) + "=";
  std::size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    if (header.compare(pos, key.size(), key) == 0) {
      return header.substr(pos + key.size(), end - pos - key.size());
    }
    pos = end;
  }
  return {};
}

core::Result<std::optional<Authenticated>> Authenticate(const httplib::Request& req,
                                                        storage::Store& store,
                                                        SessionCache& cache) {
  const std::string token = SessionToken(req);
  if (token.empty() || token.size() > 128) return std::optional<Authenticated>();
  const std::string token_hash = auth::Sha256Hex(token);
  const std::int64_t now = NowSeconds();
  if (auto cached = cache.Find(token_hash, now)) return cached;
  const std::uint64_t generation = cache.Generation();
  auto live = app::LiveSessionOf(store, token_hash, now);
  if (!live.ok()) return live.error();
  if (!live.value()) return std::optional<Authenticated>();
  const app::LiveSession& l = *live.value();
  Authenticated found{l.session, PrincipalOf(l.user), l.user.must_change_password};
  cache.Put(found, generation);
  return std::optional<Authenticated>(std::move(found));
}

core::Result<std::string> SignedOutReason(const httplib::Request& req, storage::Store& store) {
  const std::string token = SessionToken(req);
  if (token.empty() || token.size() > 128) return std::string("unauthenticated");
  const std::string token_hash = auth::Sha256Hex(token);
  return app::WhySignedOut(store, token_hash, NowSeconds());
}

void ForgetSessions(Services& services) { services.sessions.Clear(); }

void AddSessionRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kPost, "/api/v1/session",
                    "Log in with a JSON body {name, password} (415 for any other body); 429 with "
                    "Retry-After while failed logins are throttled",
                    false, Login});
  routes.push_back({Method::kGet, "/api/v1/session",
                    "The logged-in user (name, role, scope, real name, phone), what the account "
                    "may do, whether it must change its password first, and the CSRF token; a "
                    "401 names why a session ended (reason session_ended_password_changed, "
                    "session_ended_account_disabled, session_ended_account_changed, "
                    "session_expired or unauthenticated)",
                    true, WhoAmI, true});
  routes.push_back({Method::kDelete, "/api/v1/session", "Log out", true, Logout, true});
}

}  // namespace grassroots::http
