// What a password must be (issue 10): one rule for every place a password is set — an
// administrator creating or resetting an account (POST/PUT /users), a user changing their own
// (PUT /session/password), the CLI (`user add|passwd --password-stdin`). Each failure names
// its own reason, so that a user interface can say which part of the rule was broken. Pure.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/error.h"

namespace grassroots::core {

inline constexpr std::size_t kPasswordMinCharacters = 10;
inline constexpr std::size_t kPasswordMaxBytes = 256;

// kInvalid (field "password") with the reason of the first rule `password` breaks:
// - "password_too_short" {min}: fewer than 10 characters (code points, so a Chinese password
//   counts its characters);
// - "password_too_long" {max}: more than 256 bytes;
// - "password_one_character": one character repeated ("1111111111");
// - "password_sequence": a run of a sequence, forwards or backwards, letters in any case
//   ("1234567890", "abcdefghij", "9876543210", "qwertyuiop": digits, the alphabet and the
//   keyboard's rows of letters);
// - "password_contains_name": the account's name in it, in any case ("zhang" in
//   "Zhang2016abc"); names shorter than 3 characters only when the password is the name.
Status CheckPassword(std::string_view password, std::string_view account_name);

}  // namespace grassroots::core
