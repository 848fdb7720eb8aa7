// Sessions: login, logout and "who am I" (routes in session.cc), and finding the session of a
// request from its cookie. Tokens are stored only as their SHA-256.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "core/access.h"
#include "http/session_cache.h"
#include "storage/store.h"

namespace grassroots::http {

inline constexpr char kSessionCookie[] = "grassroots_session";
inline constexpr std::int64_t kSessionSeconds = 8 * 60 * 60;

// The session token in the request's Cookie header, or empty.
std::string SessionToken(const httplib::Request& req);

// The live session of the request and its user; nullopt when none (or expired). An Error when
// the store fails. Looks in `cache` first and fills it.
core::Result<std::optional<Authenticated>> Authenticate(const httplib::Request& req,
                                                        storage::Store& store, SessionCache& cache);

// The reason a 401 answer gives when the request carries no live session: why the session it
// carries ended — "session_ended_password_changed", "session_ended_account_disabled",
// "session_ended_account_changed", "session_expired" — or "unauthenticated" (none, or one
// never issued or logged out). Only the holder of the cookie learns it.
core::Result<std::string> SignedOutReason(const httplib::Request& req, storage::Store& store);

struct Services;
// Call after any change to an account (role, scope, password) or to its sessions, so that no
// request is served from what the cache remembered before the change.
void ForgetSessions(Services& services);

// Unix seconds from the process's clock (core::DefaultClock: the system clock, or the instant
// GRASSROOTS_NOW fixes): session expiry is measured against it.
std::int64_t NowSeconds();

}  // namespace grassroots::http
