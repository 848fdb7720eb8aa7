// The rule that a value naming an account names an existing one (an item's responsible_user, a
// support holder's user_name), for every use case that writes such a value: the API's single
// writes, `grassroots plan import` (per row, at its line) and the demo. Internal to src/app.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "storage/tx.h"

namespace grassroots::app::internal {

// Ok when `name` is empty or an account's; else core::UnknownAccount naming `field`. Read in
// the write's own transaction, so the account cannot vanish before the row naming it is written.
core::Status RequireAccount(storage::Tx& tx, std::string_view field, const std::string& name);

}  // namespace grassroots::app::internal
