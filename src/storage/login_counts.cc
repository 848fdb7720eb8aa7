#include "storage/login_counts.h"

#include <string_view>

namespace grassroots::storage {
namespace {

constexpr std::string_view kPair = "pair";
constexpr std::string_view kAddress = "address";
constexpr std::string_view kAccount = "account";
constexpr std::string_view kTrusted = "trusted";

core::Status Upsert(Database& db, std::string_view kind, const std::string& account,
                    const std::string& address, const LoginCount& count) {
  core::Result<Statement> upsert = db.Prepare(
      "INSERT INTO login_counts (kind, account, address, failures, last_at) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (kind, account, address) DO UPDATE SET failures = excluded.failures,"
      " last_at = excluded.last_at");
  if (!upsert.ok()) return upsert.error();
  upsert.value().BindText(1, kind).BindText(2, account).BindText(3, address);
  upsert.value().BindInt(4, count.failures).BindInt(5, count.last_at);
  return upsert.value().Run();
}

}  // namespace

std::int64_t LoginCounts::Now() const { return tx_.db().clock().Now(); }

core::Result<LoginCountsOf> LoginCounts::Of(const std::string& account,
                                            const std::string& address) const {
  core::Result<Statement> query = tx_.db().Prepare(
      "SELECT kind, failures, last_at FROM login_counts WHERE (kind IN (?, ?) AND account = ? AND"
      " address = ?) OR (kind = ? AND account = '' AND address = ?) OR (kind = ? AND account = ?"
      " AND address = '')");
  if (!query.ok()) return query.error();
  Statement& q = query.value();
  q.BindText(1, kPair).BindText(2, kTrusted).BindText(3, account).BindText(4, address);
  q.BindText(5, kAddress).BindText(6, address).BindText(7, kAccount).BindText(8, account);
  LoginCountsOf counts;
  for (;;) {
    core::Result<bool> row = q.Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const std::string_view kind = q.Text(0);
    const LoginCount count{q.Int(1), q.Int(2)};
    if (kind == kPair) counts.pair = count;
    if (kind == kAddress) counts.address = count;
    if (kind == kAccount) counts.account = count;
    if (kind == kTrusted) counts.trusted = count;
  }
  return counts;
}

core::Status LoginCounts::Put(const std::string& account, const std::string& address,
                              const LoginCountsOf& counts) const {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  Database& db = tx_.db();
  if (counts.pair) {
    if (core::Status s = Upsert(db, kPair, account, address, *counts.pair); !s.ok()) return s;
  }
  if (counts.address) {
    if (core::Status s = Upsert(db, kAddress, "", address, *counts.address); !s.ok()) return s;
  }
  if (counts.account) {
    if (core::Status s = Upsert(db, kAccount, account, "", *counts.account); !s.ok()) return s;
  }
  return core::Status::Ok();
}

core::Status LoginCounts::Trust(const std::string& account, const std::string& address,
                                std::int64_t at) const {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  core::Result<Statement> drop =
      tx_.db().Prepare("DELETE FROM login_counts WHERE kind = ? AND account = ? AND address = ?");
  if (!drop.ok()) return drop.error();
  drop.value().BindText(1, kPair).BindText(2, account).BindText(3, address);
  if (core::Status s = drop.value().Run(); !s.ok()) return s;
  return Upsert(tx_.db(), kTrusted, account, address, {0, at});
}

core::Status LoginCounts::Forget(std::int64_t failures_before, std::int64_t trust_before) const {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  core::Result<Statement> drop = tx_.db().Prepare(
      "DELETE FROM login_counts WHERE (kind <> ? AND last_at <= ?) OR (kind = ? AND last_at <= ?)");
  if (!drop.ok()) return drop.error();
  drop.value().BindText(1, kTrusted).BindInt(2, failures_before);
  drop.value().BindText(3, kTrusted).BindInt(4, trust_before);
  return drop.value().Run();
}

}  // namespace grassroots::storage
