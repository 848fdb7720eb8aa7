// Passwords (argon2id, libsodium's interactive limits: ~0.3 s and 64 MiB a hash) and the random
// tokens of sessions and CSRF. What a password must be is core::CheckPassword
// (core/password_rules.h).
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace grassroots::auth {

// The encoded argon2id hash (crypto_pwhash_str). kInternal when out of memory.
core::Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);
// 32 random bytes as 64 hex characters.
std::string RandomToken();
// A fresh password a person can type: 16 characters from an unambiguous alphabet.
std::string RandomPassword();
// Lower-case hex SHA-256: sessions are stored by the hash of their token, never the token.
std::string Sha256Hex(std::string_view text);

}  // namespace grassroots::auth
