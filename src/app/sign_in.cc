#include "app/sign_in.h"

#include <nlohmann/json.hpp>

#include "app/login_guard.h"
#include "auth/password.h"
#include "core/bounded_text.h"

namespace grassroots::app {
namespace {

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

core::Result<SignIn> Refused(storage::Store& store, const auth::ThrottleLimits& limits,
                             const std::string& name, const storage::Actor& actor) {
  if (core::Status counted = RecordLoginFailure(store, limits, name, actor.origin, actor);
      !counted.ok()) {
    return counted.error();
  }
  (void)store.RecordEvent("login_failed", "session", FailedLoginData(name), actor);
  return SignIn{};
}

}  // namespace

core::Result<SignIn> SignInWith(storage::Store& store, const auth::ThrottleLimits& limits,
                                const std::string& name, const std::string& password,
                                const storage::Actor& actor, std::int64_t expires_at) {
  core::Result<int> wait = LoginWait(store, limits, name, actor.origin);
  if (!wait.ok()) return wait.error();
  if (wait.value() > 0) {
    SignIn later;
    later.outcome = SignIn::Outcome::kWait;
    later.wait_seconds = wait.value();
    return later;
  }
  auto user = store.FindUser(name);
  if (!user.ok()) return user.error();
  if (!user.value()) {
    (void)auth::VerifyPassword(password, DummyHash());
    return Refused(store, limits, name, actor);
  }
  if (!auth::VerifyPassword(password, user.value()->password_hash)) {
    return Refused(store, limits, name, actor);
  }
  // Only the holder of the right password learns that the account is disabled: to anyone else
  // it answers as every wrong password does. Not a guess, so not counted by the throttle.
  if (user.value()->disabled()) {
    (void)store.RecordEvent("login_refused_disabled", "user:" + name, "", actor);
    SignIn disabled;
    disabled.outcome = SignIn::Outcome::kDisabled;
    return disabled;
  }
  if (core::Status trusted = RecordLoginSuccess(store, name, actor.origin, actor); !trusted.ok()) {
    return trusted.error();
  }
  SignIn in;
  in.outcome = SignIn::Outcome::kSignedIn;
  in.user = *user.value();
  in.token = auth::RandomToken();
  in.session = {auth::Sha256Hex(in.token), in.user.id, auth::RandomToken(), expires_at};
  if (core::Status created = store.CreateSession(in.session); !created.ok()) {
    return created.error();
  }
  storage::Actor signed_in = actor;
  signed_in.name = name;
  (void)store.RecordEvent("login", "user:" + name, "", signed_in);
  return in;
}

core::Status SignOut(storage::Store& store, const std::string& token_hash,
                     const storage::Actor& actor) {
  if (core::Status deleted = store.DeleteSession(token_hash); !deleted.ok()) return deleted;
  (void)store.RecordEvent("logout", "user:" + actor.name, "", actor);
  return core::Status::Ok();
}

core::Result<std::optional<LiveSession>> LiveSessionOf(storage::Store& store,
                                                       const std::string& token_hash,
                                                       std::int64_t now) {
  auto session = store.FindSession(token_hash, now);
  if (!session.ok()) return session.error();
  if (!session.value()) return std::optional<LiveSession>();
  auto user = store.GetUser(session.value()->user_id);
  if (!user.ok()) return user.error();
  // Disabling deletes the sessions too; this also holds for one opened in between.
  if (!user.value() || user.value()->disabled()) return std::optional<LiveSession>();
  return std::optional<LiveSession>(LiveSession{*session.value(), *user.value()});
}

core::Result<std::string> WhySignedOut(storage::Store& store, const std::string& token_hash,
                                       std::int64_t now) {
  auto ended = store.SessionEndReason(token_hash, now);
  if (!ended.ok()) return ended.error();
  if (ended.value() == "session_expired") return ended.value();
  if (!ended.value().empty()) return "session_ended_" + ended.value();
  // A live session of a disabled account (disabling ends them; one opened in between).
  auto session = store.FindSession(token_hash, now);
  if (!session.ok()) return session.error();
  if (session.value()) return std::string("session_ended_account_disabled");
  return std::string("unauthenticated");
}

}  // namespace grassroots::app
