// The login throttle (auth/login_throttle.h: the rule) over the counts every server on one
// database shares (storage/login_counts.h): failures on one server delay the next attempt on
// another. Used by the sign-in (POST /session) and by a user's change of their own password
// (whose wrong current passwords count as failed logins). Knows neither HTTP nor SQL.
#pragma once

#include <string>

#include "auth/login_throttle.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

// Seconds `account` must wait before trying again from `address`; 0 when allowed now.
core::Result<int> LoginWait(storage::Store& store, const auth::ThrottleLimits& limits,
                            const std::string& account, const std::string& address);

// Counts one failure of `account` from `address` in the pair's, the address's and the
// account's counts, and forgets the counts the rule no longer reads. `actor` is who the write
// transaction names (nothing is audited here).
core::Status RecordLoginFailure(storage::Store& store, const auth::ThrottleLimits& limits,
                                const std::string& account, const std::string& address,
                                const storage::Actor& actor);

// A successful sign-in: clears the pair's count and trusts the pair. The address and account
// counts stay: an account the guesser owns must not reset the count of an address that tries
// many others.
core::Status RecordLoginSuccess(storage::Store& store, const std::string& account,
                                const std::string& address, const storage::Actor& actor);

}  // namespace grassroots::app
