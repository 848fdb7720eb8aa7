// The values of a new rectification item (issue 12): what is to be done, who answers for it,
// the level of five-level support that backs it and its deadline. One rule for every entry
// (POST /plans/{id}/items, `grassroots plan import`, the demo). Pure: whether
// `responsible_user` names an existing account is the caller's lookup, reported as
// UnknownAccount (account_rules.h).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"

namespace grassroots::core {

inline constexpr std::size_t kMaxMeasureLength = 2000;  // characters

struct ItemFields {
  std::string measure;           // what is to be done
  std::string responsible;       // the person, as written
  std::string responsible_user;  // their account, or '' when they have none
  std::string support_role;      // '' or a support role name (support_rules.h)
  std::string deadline;          // YYYY-MM-DD
};

// Every problem at once, each kInvalid naming its field: measure empty or too long;
// responsible missing or not a name; responsible_user not a name; support_role not one of
// core::kSupportRoleNames (unknown_value {value, accepted}); deadline not a real day
// (invalid_date {value}).
std::vector<Error> CheckItemFields(const ItemFields& item);

}  // namespace grassroots::core
