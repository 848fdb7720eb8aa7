// Signing in: the password, the throttle's counts in the database, the session and the events
// recorded, on both backends.
#include "app/sign_in.h"

#include <gtest/gtest.h>

#include <string>

#include "app/account_service.h"
#include "app/audit_trail.h"
#include "app/login_guard.h"
#include "storage/test_fixture.h"

namespace grassroots::app {
namespace {

constexpr char kPassword[] = "Quiet-Harbor-2716";

class SignInTest : public storage::test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    NewAccount account{"alice", core::Role::kAuditor, {}, kPassword, "", ""};
    ASSERT_TRUE(CreateAccount(*store_, account, actor_).ok());
    NewAccount admin{"root", core::Role::kAdmin, {}, kPassword, "", ""};
    auto created = CreateAccount(*store_, admin, actor_);
    ASSERT_TRUE(created.ok()) << created.error().message;
    admin_ = {created.value().id, "root", core::Role::kAdmin, {}};
  }

  SignIn Try(const std::string& name, const std::string& password) {
    auto in = SignInWith(*store_, limits_, name, password, anonymous_, clock_.Now() + 3600);
    EXPECT_TRUE(in.ok()) << in.error().message;
    return in.ok() ? std::move(in).value() : SignIn{};
  }
  storage::AuditRecord LastEntry() { return ListAudit(*store_, 0, 1).value().items.at(0); }

  auth::ThrottleLimits limits_;
  storage::Actor anonymous_{"anonymous", "10.0.0.1"};
  core::Principal admin_;
};

TEST_P(SignInTest, TheRightPasswordOpensALiveSessionThatSigningOutEnds) {
  const SignIn in = Try("alice", kPassword);
  ASSERT_EQ(in.outcome, SignIn::Outcome::kSignedIn);
  EXPECT_EQ(in.user.name, "alice");
  EXPECT_EQ(in.token.size(), 64u);
  EXPECT_NE(in.session.token_hash, in.token);
  EXPECT_EQ(LastEntry().action, "login");
  EXPECT_EQ(LastEntry().actor, "alice");
  auto live = LiveSessionOf(*store_, in.session.token_hash, clock_.Now());
  ASSERT_TRUE(live.ok() && live.value().has_value());
  EXPECT_EQ(live.value()->user.name, "alice");
  storage::Actor alice{"alice", "10.0.0.1"};
  ASSERT_TRUE(SignOut(*store_, in.session.token_hash, alice).ok());
  EXPECT_EQ(LastEntry().action, "logout");
  EXPECT_FALSE(LiveSessionOf(*store_, in.session.token_hash, clock_.Now()).value().has_value());
  EXPECT_EQ(WhySignedOut(*store_, in.session.token_hash, clock_.Now()).value(), "unauthenticated");
}

TEST_P(SignInTest, WrongPasswordsAreRecordedAndAfterTheFreeOnesEvenTheRightOneWaits) {
  const std::string long_name(100, 'x');
  EXPECT_EQ(Try(long_name, kPassword).outcome, SignIn::Outcome::kWrongCredentials);
  const storage::AuditRecord failed = LastEntry();
  EXPECT_EQ(failed.action, "login_failed");
  EXPECT_EQ(failed.actor, "anonymous");
  EXPECT_EQ(failed.after_json, "{\"name\":\"" + std::string(64, 'x') + "\",\"truncated\":true}");
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(Try("alice", "wrong").outcome, SignIn::Outcome::kWrongCredentials);
  }
  const SignIn waiting = Try("alice", kPassword);
  EXPECT_EQ(waiting.outcome, SignIn::Outcome::kWait);
  EXPECT_EQ(waiting.wait_seconds, 1);
  EXPECT_TRUE(waiting.token.empty());
  clock_.Advance(1);
  EXPECT_EQ(Try("alice", kPassword).outcome, SignIn::Outcome::kSignedIn);
}

TEST_P(SignInTest, ADisabledAccountIsToldOnlyToTheRightPasswordAndIsNotCounted) {
  AccountChange change;
  change.disabled = true;
  ASSERT_TRUE(ChangeAccount(*store_, "alice", change, admin_, actor_).ok());
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(Try("alice", kPassword).outcome, SignIn::Outcome::kDisabled);
  }
  EXPECT_EQ(LastEntry().action, "login_refused_disabled");
  EXPECT_EQ(Try("alice", "wrong").outcome, SignIn::Outcome::kWrongCredentials);
  EXPECT_EQ(LoginWait(*store_, limits_, "alice", "10.0.0.1").value(), 0);
}

INSTANTIATE_STORE_TESTS(SignInTest);

}  // namespace
}  // namespace grassroots::app
