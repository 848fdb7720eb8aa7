// Accounts (users) as storage over a transaction (tx.h): created, found, listed and changed.
// Every write appends its audit entry in the same transaction, entity "user:NAME", with the
// account's fields before and after — never the password hash: a new password shows as
// "password": "changed". Ending the sessions an account change outdates is the session
// subject's (session_records.h), called by the use case in the same transaction. SQL shared by
// SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

class AccountRecords {
 public:
  explicit AccountRecords(Tx& tx) : tx_(&tx) {}

  // Creates `user` (its id ignored; created_at the store's now when empty), audited as
  // "user.create"; answers the new id. kInvalid (field "name") without a name; kConflict
  // (field "name") when the name is taken.
  core::Result<std::int64_t> Create(const UserRecord& user);

  core::Result<std::optional<UserRecord>> Find(const std::string& name);
  core::Result<std::optional<UserRecord>> Get(std::int64_t id);
  // Every account, by name.
  core::Result<std::vector<UserRecord>> List();
  // True when an account of that name exists (disabled or not: it is still the person's).
  core::Result<bool> Exists(const std::string& name);

  // Replaces the password hash, audited as "user.password". kNotFound (field "user_id").
  core::Status SetPasswordHash(std::int64_t user_id, const std::string& hash);

  // Applies `change` and appends one audit entry: "user.disable" or "user.enable" when `change`
  // sets `disabled` (an account already in that state keeps the time it was disabled),
  // "user.update" otherwise. Answers the account as changed. kNotFound (field "name").
  core::Result<UserRecord> Update(std::int64_t user_id, const UserChange& change);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
