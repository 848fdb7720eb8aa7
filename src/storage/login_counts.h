// The login throttle's counts (migration 015), kept in the database so that every server on it
// counts the same failures. Storage stores and answers counts; what they mean — free failures,
// doubling waits, ceilings, trusted pairs — is the rule of auth/login_throttle.h, applied by
// app/login_guard.h. Reached from a transaction (tx.h); the writes are not audited (a failed
// login is, by the caller, as an event).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "storage/tx.h"

namespace grassroots::storage {

// Failures and the Unix second of the last; for a trusted pair, `last_at` is when it signed in.
struct LoginCount {
  std::int64_t failures = 0;
  std::int64_t last_at = 0;
};

// What is stored about an attempt of `account` from `address`.
struct LoginCountsOf {
  std::optional<LoginCount> pair;     // this account from this address
  std::optional<LoginCount> address;  // all accounts from this address
  std::optional<LoginCount> account;  // this account from all addresses
  std::optional<LoginCount> trusted;  // the pair's last successful sign-in
};

class LoginCounts {
 public:
  explicit LoginCounts(const Tx& tx) : tx_(tx) {}

  // "Now" of the connection, in Unix seconds: the time every count is kept in.
  std::int64_t Now() const;

  core::Result<LoginCountsOf> Of(const std::string& account, const std::string& address) const;

  // Stores the pair's, the address's and the account's counts of `counts` (those given), as
  // they now are. Only in a write transaction.
  core::Status Put(const std::string& account, const std::string& address,
                   const LoginCountsOf& counts) const;
  // Drops the pair's failure count and trusts it from `at`.
  core::Status Trust(const std::string& account, const std::string& address, std::int64_t at) const;
  // Drops failure counts whose last failure is at or before `failures_before` and trusts given
  // at or before `trust_before`: those the rule no longer reads.
  core::Status Forget(std::int64_t failures_before, std::int64_t trust_before) const;

 private:
  const Tx& tx_;
};

}  // namespace grassroots::storage
