#include "http/session_cache.h"

#include <gtest/gtest.h>

namespace grassroots::http {
namespace {

using Clock = SessionCache::Clock;

Authenticated Session(const std::string& token_hash, std::int64_t expires_at) {
  Authenticated found;
  found.session.token_hash = token_hash;
  found.session.user_id = 7;
  found.session.expires_at = expires_at;
  found.principal.name = "wang";
  found.principal.role = core::Role::kSecretary;
  found.principal.scope = {"B01"};
  return found;
}

TEST(SessionCacheTest, FindsWhatWasPutWhileFresh) {
  SessionCache cache;
  const auto t0 = Clock::now();
  cache.Put(Session("h1", 1000), cache.Generation(), t0);
  auto found = cache.Find("h1", 500, t0 + std::chrono::milliseconds(900));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->principal.name, "wang");
  EXPECT_EQ(found->principal.scope, std::vector<std::string>{"B01"});
  EXPECT_FALSE(cache.Find("h2", 500, t0).has_value());
}

TEST(SessionCacheTest, EntryOlderThanItsLifetimeIsNotUsed) {
  SessionCache cache;
  const auto t0 = Clock::now();
  cache.Put(Session("h1", 1000), cache.Generation(), t0);
  EXPECT_FALSE(cache.Find("h1", 500, t0 + SessionCache::kLifetime).has_value());
}

TEST(SessionCacheTest, ExpiredSessionIsNotUsedEvenWhenFresh) {
  SessionCache cache;
  const auto t0 = Clock::now();
  cache.Put(Session("h1", 1000), cache.Generation(), t0);
  EXPECT_FALSE(cache.Find("h1", 1000, t0).has_value());
}

TEST(SessionCacheTest, ForgetAndClearDropEntries) {
  SessionCache cache;
  const auto t0 = Clock::now();
  cache.Put(Session("h1", 1000), cache.Generation(), t0);
  cache.Put(Session("h2", 1000), cache.Generation(), t0);
  cache.Forget("h1");
  EXPECT_FALSE(cache.Find("h1", 0, t0).has_value());
  EXPECT_TRUE(cache.Find("h2", 0, t0).has_value());
  cache.Clear();
  EXPECT_FALSE(cache.Find("h2", 0, t0).has_value());
}

// A request that read the session from the database before a logout must not put it back
// into the cache after the logout.
TEST(SessionCacheTest, PutAfterForgetOfAnEarlierGenerationIsDropped) {
  SessionCache cache;
  const auto t0 = Clock::now();
  const std::uint64_t before_lookup = cache.Generation();
  cache.Forget("h1");  // the logout, between the lookup and the Put
  cache.Put(Session("h1", 1000), before_lookup, t0);
  EXPECT_FALSE(cache.Find("h1", 0, t0).has_value());
}

}  // namespace
}  // namespace grassroots::http
