#include "app/sign_in.h"

#include <nlohmann/json.hpp>

#include "app/account_service.h"
#include "app/audit_trail.h"
#include "app/login_guard.h"
#include "auth/password.h"
#include "core/bounded_text.h"
#include "storage/account_records.h"
#include "storage/audit_log.h"
#include "storage/session_records.h"
#include "storage/tx.h"

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
  (void)RecordEvent(store, actor, "login_failed", "session", FailedLoginData(name));
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
  auto user = AccountNamed(store, name);
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
    (void)RecordEvent(store, actor, "login_refused_disabled", "user:" + name);
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
  storage::Actor signed_in = actor;
  signed_in.name = name;
  // The session and its `login` event in one transaction.
  if (core::Status created = store.Write(
          signed_in,
          [&](storage::Tx& tx) -> core::Status {
            if (core::Status s = storage::SessionRecords(tx).Create(in.session); !s.ok()) {
              return s;
            }
            return storage::AuditLog(tx).RecordEvent("login", "user:" + name);
          });
      !created.ok()) {
    return created.error();
  }
  return in;
}

core::Status SignOut(storage::Store& store, const std::string& token_hash,
                     const storage::Actor& actor) {
  return store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    if (core::Status s = storage::SessionRecords(tx).Delete(token_hash); !s.ok()) return s;
    return storage::AuditLog(tx).RecordEvent("logout", "user:" + actor.name);
  });
}

core::Result<std::optional<LiveSession>> LiveSessionOf(storage::Store& store,
                                                       const std::string& token_hash,
                                                       std::int64_t now) {
  std::optional<LiveSession> live;
  core::Status read = store.Read([&](storage::Tx& tx) -> core::Status {
    auto session = storage::SessionRecords(tx).Find(token_hash, now);
    if (!session.ok()) return session.error();
    if (!session.value()) return core::Status::Ok();
    auto user = storage::AccountRecords(tx).Get(session.value()->user_id);
    if (!user.ok()) return user.error();
    // Disabling deletes the sessions too; this also holds for one opened in between.
    if (!user.value() || user.value()->disabled()) return core::Status::Ok();
    live = LiveSession{*session.value(), *user.value()};
    return core::Status::Ok();
  });
  if (!read.ok()) return read.error();
  return live;
}

core::Result<std::string> WhySignedOut(storage::Store& store, const std::string& token_hash,
                                       std::int64_t now) {
  std::string why;
  core::Status read = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::SessionRecords sessions(tx);
    auto ended = sessions.EndReason(token_hash, now);
    if (!ended.ok()) return ended.error();
    if (ended.value() == "session_expired") {
      why = ended.value();
    } else if (!ended.value().empty()) {
      why = "session_ended_" + ended.value();
    } else {
      // A live session of a disabled account (disabling ends them; one opened in between).
      auto session = sessions.Find(token_hash, now);
      if (!session.ok()) return session.error();
      why = session.value() ? "session_ended_account_disabled" : "unauthenticated";
    }
    return core::Status::Ok();
  });
  if (!read.ok()) return read.error();
  return why;
}

}  // namespace grassroots::app
