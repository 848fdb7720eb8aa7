#include "auth/password.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

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

TEST(Password, StrengthCountsCharactersAndCapsBytes) {
  EXPECT_FALSE(CheckPasswordStrength("").ok());
  EXPECT_FALSE(CheckPasswordStrength("123456789").ok());
  EXPECT_EQ(CheckPasswordStrength("123456789").error().field, "password");
  EXPECT_TRUE(CheckPasswordStrength("1234567890").ok());
  // Ten Chinese characters are ten characters, though thirty bytes.
  EXPECT_TRUE(CheckPasswordStrength("基层党组织软弱涣散整").ok());
  EXPECT_FALSE(CheckPasswordStrength("基层党组织软弱涣散").ok());
  EXPECT_TRUE(CheckPasswordStrength(std::string(256, 'x')).ok());
  EXPECT_FALSE(CheckPasswordStrength(std::string(257, 'x')).ok());
}

TEST(Password, RandomPasswordsAreStrongUnambiguousAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string password = RandomPassword();
    EXPECT_EQ(password.size(), 16u);
    EXPECT_TRUE(CheckPasswordStrength(password).ok());
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
