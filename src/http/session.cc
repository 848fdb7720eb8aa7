#include "http/session.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "auth/password.h"
#include "core/bounded_text.h"
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

// Verifying against this when the account does not exist keeps the reply's timing from telling
// which names exist.
const std::string& DummyHash() {
  static const std::string hash = [] {
    auto hashed = auth::HashPassword("grassroots-no-such-account");
    return hashed.ok() ? hashed.value() : std::string();
  }();
  return hash;
}

// A failed login is recorded under the anonymous actor: what was typed as a name is not an
// identity (it may be a password typed in the wrong field, or a made-up name hundreds of bytes
// long), so it goes into the entry's data, bounded, never into its actor or entity.
constexpr std::size_t kTypedNameBytes = 64;

std::string FailedLoginData(const std::string& typed_name) {
  const std::string_view kept = core::Utf8Prefix(typed_name, kTypedNameBytes);
  nlohmann::json data = {{"name", kept}};
  if (kept.size() < typed_name.size()) data["truncated"] = true;
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void RefuseLogin(Call& call, const std::string& name) {
  call.services.throttle.RecordFailure(name, call.actor.origin);
  (void)call.store.RecordEvent("login_failed", "session", FailedLoginData(name), call.actor);
  WriteError(call.res, 401, "unauthenticated", "wrong name or password", "", "wrong_credentials");
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
  if (int wait = call.services.throttle.RetryAfterSeconds(name, call.actor.origin); wait > 0) {
    call.res.set_header("Retry-After", std::to_string(wait));
    return WriteError(call.res, 429, "too_many_requests",
                      "too many failed logins; try again in " + std::to_string(wait) + " s", "",
                      "too_many_failed_logins", {{"seconds", std::to_string(wait)}});
  }
  auto user = call.store.FindUser(name);
  if (!user.ok()) return WriteError(call.res, user.error());
  if (!user.value()) {
    (void)auth::VerifyPassword(password, DummyHash());
    return RefuseLogin(call, name);
  }
  if (!auth::VerifyPassword(password, user.value()->password_hash)) return RefuseLogin(call, name);
  // Only the holder of the right password learns that the account is disabled: to anyone else
  // it answers as every wrong password does. Not a guess, so not counted by the throttle.
  if (user.value()->disabled()) {
    (void)call.store.RecordEvent("login_refused_disabled", "user:" + name, "", call.actor);
    return WriteError(call.res, 403, "forbidden",
                      "this account is disabled; an administrator can enable it again", "name",
                      "account_disabled");
  }
  call.services.throttle.RecordSuccess(name, call.actor.origin);
  call.actor.name = name;
  const std::string token = auth::RandomToken();
  storage::SessionRecord session{auth::Sha256Hex(token), user.value()->id, auth::RandomToken(),
                                 NowSeconds() + kSessionSeconds};
  if (auto status = call.store.CreateSession(session); !status.ok()) {
    return WriteError(call.res, status.error());
  }
  (void)call.store.RecordEvent("login", "user:" + name, "", call.actor);
  call.res.set_header("Set-Cookie", Cookie(token, kSessionSeconds, call.services.secure_cookies));
  WriteJson(call.res, SessionJson(*user.value(), session.csrf_token));
}

void Logout(Call& call) {
  if (auto status = call.store.DeleteSession(call.session.token_hash); !status.ok()) {
    return WriteError(call.res, status.error());
  }
  call.services.sessions.Forget(call.session.token_hash);
  (void)call.store.RecordEvent("logout", "user:" + call.principal.name, "", call.actor);
  call.res.set_header("Set-Cookie", Cookie("", 0, call.services.secure_cookies));
  WriteJson(call.res, {{"status", "logged out"}});
}

void WhoAmI(Call& call) {
  auto user = call.store.GetUser(call.principal.user_id);
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
  auto session = store.FindSession(token_hash, now);
  if (!session.ok()) return session.error();
  if (!session.value()) return std::optional<Authenticated>();
  auto user = store.GetUser(session.value()->user_id);
  if (!user.ok()) return user.error();
  // Disabling deletes the sessions too; this also holds for one opened in between.
  if (!user.value() || user.value()->disabled()) return std::optional<Authenticated>();
  Authenticated found{*session.value(), PrincipalOf(*user.value()),
                      user.value()->must_change_password};
  cache.Put(found, generation);
  return std::optional<Authenticated>(std::move(found));
}

core::Result<std::string> SignedOutReason(const httplib::Request& req, storage::Store& store) {
  const std::string token = SessionToken(req);
  if (token.empty() || token.size() > 128) return std::string("unauthenticated");
  const std::string token_hash = auth::Sha256Hex(token);
  auto ended = store.SessionEndReason(token_hash, NowSeconds());
  if (!ended.ok()) return ended.error();
  if (ended.value() == "session_expired") return ended.value();
  if (!ended.value().empty()) return "session_ended_" + ended.value();
  // A live session of a disabled account (disabling ends them; one opened in between).
  auto session = store.FindSession(token_hash, NowSeconds());
  if (!session.ok()) return session.error();
  if (session.value()) return std::string("session_ended_account_disabled");
  return std::string("unauthenticated");
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
