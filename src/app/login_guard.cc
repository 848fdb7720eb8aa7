#include "app/login_guard.h"

#include <optional>

#include "storage/login_counts.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using auth::Millis;

Millis At(std::int64_t unix_seconds) { return std::chrono::seconds(unix_seconds); }

std::optional<auth::FailureCount> Count(const std::optional<storage::LoginCount>& stored) {
  if (!stored) return std::nullopt;
  return auth::FailureCount{static_cast<int>(stored->failures), At(stored->last_at)};
}

storage::LoginCount Stored(const auth::FailureCount& count) {
  return {count.failures, std::chrono::duration_cast<std::chrono::seconds>(count.last).count()};
}

}  // namespace

core::Result<int> LoginWait(storage::Store& store, const auth::ThrottleLimits& limits,
                            const std::string& account, const std::string& address) {
  int wait = 0;
  core::Status read = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::LoginCounts counts(tx);
    core::Result<storage::LoginCountsOf> of = counts.Of(account, address);
    if (!of.ok()) return of.error();
    auth::AttemptCounts attempt{Count(of.value().pair), Count(of.value().address),
                                Count(of.value().account), std::nullopt};
    if (of.value().trusted) attempt.trusted_since = At(of.value().trusted->last_at);
    wait = auth::RetryAfterSeconds(attempt, limits, At(counts.Now()));
    return core::Status::Ok();
  });
  if (!read.ok()) return read.error();
  return wait;
}

core::Status RecordLoginFailure(storage::Store& store, const auth::ThrottleLimits& limits,
                                const std::string& account, const std::string& address,
                                const storage::Actor& actor) {
  return store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::LoginCounts counts(tx);
    const std::int64_t now = counts.Now();
    if (core::Status s = counts.Forget(now - limits.forget.count(), now - limits.trust.count());
        !s.ok()) {
      return s;
    }
    core::Result<storage::LoginCountsOf> of = counts.Of(account, address);
    if (!of.ok()) return of.error();
    storage::LoginCountsOf next;
    next.pair = Stored(auth::AddFailure(Count(of.value().pair), limits, At(now)));
    next.address = Stored(auth::AddFailure(Count(of.value().address), limits, At(now)));
    next.account = Stored(auth::AddFailure(Count(of.value().account), limits, At(now)));
    return counts.Put(account, address, next);
  });
}

core::Status RecordLoginSuccess(storage::Store& store, const std::string& account,
                                const std::string& address, const storage::Actor& actor) {
  return store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::LoginCounts counts(tx);
    return counts.Trust(account, address, counts.Now());
  });
}

}  // namespace grassroots::app
