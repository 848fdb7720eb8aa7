#include "auth/password.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/password_rules.h"

namespace grassroots::auth {
namespace {

TEST(Password, HashVerifiesTheSamePasswordAndNoOther) {
  auto hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(hash.value().rfind("$argon2id$", 0), 0u) << hash.value();
  EXPECT_TRUE(VerifyPassword("correct horse battery", hash.value()));
  EXPECT_FALSE(VerifyPassword("correct horse batterz", hash.value()));
  EXPECT_FALSE(VerifyPassword("", hash.value()));
}

TEST(Password, GarbageHashVerifiesNothing) {
  EXPECT_FALSE(VerifyPassword("anything at all", ""));
  EXPECT_FALSE(VerifyPassword("anything at all", "not a hash"));
  EXPECT_FALSE(VerifyPassword("anything at all", std::string(1000, '$')));
}

TEST(Password, RandomPasswordsAreStrongUnambiguousAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string password = RandomPassword();
    EXPECT_EQ(password.size(), 16u);
    EXPECT_TRUE(core::CheckPassword(password, "someone").ok());
    EXPECT_EQ(password.find_first_of("0O1lI"), std::string::npos) << password;
    for (char c : password) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << password;
    seen.insert(password);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(Password, TokensAre64HexDigitsAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = RandomToken();
    EXPECT_EQ(token.size(), 64u);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos) << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Password, Sha256HexMatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace grassroots::auth
