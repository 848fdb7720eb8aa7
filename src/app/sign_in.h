// Signing in and out, and the session a request carries, for the HTTP API: the password check
// against the stored hash, the login throttle shared by every server on the database
// (login_guard.h), the session written and the events recorded in the audit trail. The caller
// owns the transport (the cookie, the status codes). Knows neither HTTP nor SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/login_throttle.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

struct SignIn {
  enum class Outcome {
    kSignedIn,          // `user`, `session` and `token` are set
    kWait,              // throttled: `wait_seconds` before the next attempt; nothing checked
    kWrongCredentials,  // no such account, or the wrong password: counted by the throttle
    kDisabled,          // the right password of a disabled account: not a guess, not counted
  };
  Outcome outcome = Outcome::kWrongCredentials;
  int wait_seconds = 0;
  storage::UserRecord user;
  storage::SessionRecord session;  // the token is stored only as its hash
  std::string token;               // the session cookie's value
};

// Signs `name` in with `password` from `actor.origin` (`actor` is anonymous: the attempt is not
// an identity until it succeeds), the session lasting until `expires_at` (Unix seconds). A wrong
// name takes as long as a wrong password. A failed attempt is recorded as `login_failed` with
// the typed name bounded to 64 bytes in its data; a success as `login` by the account. An Error
// only when the store fails.
core::Result<SignIn> SignInWith(storage::Store& store, const auth::ThrottleLimits& limits,
                                const std::string& name, const std::string& password,
                                const storage::Actor& actor, std::int64_t expires_at);

// Ends the session whose token hash is `token_hash` and records `logout` by `actor`.
core::Status SignOut(storage::Store& store, const std::string& token_hash,
                     const storage::Actor& actor);

// The live session of `token_hash` at `now` and its account; nullopt when none, expired, or of
// an account since disabled.
struct LiveSession {
  storage::SessionRecord session;
  storage::UserRecord user;
};
core::Result<std::optional<LiveSession>> LiveSessionOf(storage::Store& store,
                                                       const std::string& token_hash,
                                                       std::int64_t now);

// Why the session of `token_hash` is not live: "session_ended_password_changed",
// "session_ended_account_disabled", "session_ended_account_changed", "session_expired", or
// "unauthenticated" (none, or one never issued or logged out).
core::Result<std::string> WhySignedOut(storage::Store& store, const std::string& token_hash,
                                       std::int64_t now);

}  // namespace grassroots::app
