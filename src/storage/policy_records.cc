#include "storage/policy_records.h"

#include "storage/server_sql.h"

namespace grassroots::storage {

core::Result<std::vector<PolicyInfo>> PolicyRecords::List() {
  return QueryAll<PolicyInfo>(
      tx_->db(),
      "SELECT version, name, content, created_at FROM policies ORDER BY created_at, version", {},
      [](const Statement& s) {
        return PolicyInfo{std::string(s.Text(0)), std::string(s.Text(1)), std::string(s.Text(2)),
                          std::string(s.Text(3))};
      });
}

core::Result<std::optional<std::string>> PolicyRecords::Text(const std::string& version) {
  return QueryOne<std::string>(tx_->db(), "SELECT content FROM policies WHERE version = ?",
                               {version},
                               [](const Statement& s) { return std::string(s.Text(0)); });
}

core::Status PolicyRecords::Keep(const core::Policy& policy, const std::string& version) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  if (version.empty()) return core::Error::Invalid("the policy has no version");
  Database& db = tx_->db();
  return Execute(
      db,
      "INSERT INTO policies (version, name, content, created_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (version) DO NOTHING",
      {version, policy.name, core::CanonicalPolicyText(policy), core::FormatUtc(db.clock().Now())});
}

}  // namespace grassroots::storage
