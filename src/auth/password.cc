#include "auth/password.h"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <cstdlib>

namespace grassroots::auth {
namespace {

// No 0/O, 1/l/I: a password read aloud or copied from paper must not be ambiguous.
constexpr std::string_view kPasswordAlphabet =
    "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr std::size_t kPasswordLength = 16;

// libsodium must be initialized before its random numbers are safe to use; a function-local
// static makes that happen once, even when the first callers race on several threads.
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) {
    // No secure random source: issuing tokens or passwords now would be worse than stopping.
    std::fputs("grassroots: libsodium could not be initialized\n", stderr);
    std::abort();
  }
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();  // the terminating NUL
  return hex;
}

}  // namespace

core::Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> encoded{};
  if (crypto_pwhash_str(encoded.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return core::Error::Internal("hashing the password ran out of memory");
  }
  return std::string(encoded.data());
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
  EnsureSodium();
  // Anything longer cannot be a hash libsodium wrote; refuse it before parsing.
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
  EnsureSodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes.data(), bytes.size());
}

std::string RandomPassword() {
  EnsureSodium();
  std::string password;
  password.reserve(kPasswordLength);
  for (std::size_t i = 0; i < kPasswordLength; ++i) {
    // randombytes_uniform is unbiased, unlike a byte taken modulo the alphabet size.
    const auto index = randombytes_uniform(static_cast<std::uint32_t>(kPasswordAlphabet.size()));
    password += kPasswordAlphabet[index];
  }
  return password;
}

std::string Sha256Hex(std::string_view text) {
  EnsureSodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  return Hex(digest.data(), digest.size());
}

}  // namespace grassroots::auth
