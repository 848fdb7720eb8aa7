// Whether a name is an account's, read inside a transaction (tx.h): what a write that names an
// account (an item's responsible_user, a support holder's user_name) checks before it writes,
// in the same transaction. SQL shared by SQLite and PostgreSQL.
#pragma once

#include <string>

#include "core/error.h"
#include "storage/tx.h"

namespace grassroots::storage {

// True when an account of that name exists (disabled or not: it is still the person's).
core::Result<bool> AccountExists(Tx& tx, const std::string& name);

}  // namespace grassroots::storage
