// The storage interface the CLI and server use. SQLite implements it now; PostgreSQL will
// follow behind the same interface, so the SQL behind it stays portable.
//
// Every write method is one transaction: it applies wholly or not at all, and appends its
// audit entry in the same transaction. Not thread-safe: one Store per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/assessment.h"
#include "core/error.h"
#include "core/import_rows.h"
#include "core/org_table.h"
#include "core/organization.h"
#include "core/policy.h"
#include "core/score.h"

namespace grassroots::storage {

// Who made a change and from where, for the audit log.
struct Actor {
  std::string name = "cli";   // user name
  std::string origin = "cli"; // "cli", or the client's address
};

// A stored assessment's header.
struct AssessmentInfo {
  int year = 0;
  std::string policy_version;
  std::string run_at;  // ISO 8601 UTC
  std::int64_t selected_count = 0;
};

// Counts of what an import did.
struct WriteSummary {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Creates the schema or applies the migrations it lacks. Idempotent.
  virtual core::Status Migrate() = 0;

  // The demo flag guards `grassroots demo` from overwriting a real database.
  virtual core::Result<bool> IsEmpty() = 0;
  virtual core::Result<bool> IsDemo() = 0;
  virtual core::Status MarkDemo() = 0;

  // What validation of an import needs to know of the stored organizations.
  virtual core::Result<core::StoredOrgs> StoredOrganizations() = 0;
  virtual core::Result<std::unordered_set<std::string>> OrganizationCodes() = 0;

  // Upserts by key. Organizations must have been validated (parents exist in the batch or the
  // store, no cycles, units resolved); they may come in any order.
  virtual core::Result<WriteSummary> UpsertOrganizations(
      const std::vector<core::Organization>& orgs, const Actor& actor) = 0;
  virtual core::Result<WriteSummary> UpsertMembers(const std::vector<core::Member>& members,
                                                   const Actor& actor) = 0;
  virtual core::Result<WriteSummary> UpsertScores(const std::vector<core::ScoreRecord>& scores,
                                                  const Actor& actor) = 0;

  // All organizations, ordered by code.
  virtual core::Result<core::OrgTable> LoadOrgTable() = 0;
  // Year's scores aligned with `orgs`.
  virtual core::Result<core::YearScores> LoadScores(int year, const core::OrgTable& orgs) = 0;
  virtual core::Result<std::int64_t> CountScores(int year) = 0;
  // The committee's include/exclude decisions for the year, aligned with `orgs`.
  virtual core::Result<std::vector<core::ManualDecision>> LoadManualDecisions(
      int year, const core::OrgTable& orgs) = 0;

  // The stored selection of `year` aligned with `orgs` (1 = selected), or nullopt when that
  // year was never assessed.
  virtual core::Result<std::optional<std::vector<std::uint8_t>>> LoadSelection(
      int year, const core::OrgTable& orgs) = 0;
  virtual core::Result<std::optional<AssessmentInfo>> LoadAssessmentInfo(int year) = 0;

  // Stores the policy (if new) and replaces year's assessment with `result`.
  virtual core::Status SaveAssessment(const core::Policy& policy,
                                      const std::string& policy_version,
                                      const core::OrgTable& orgs,
                                      const core::AssessmentResult& result,
                                      const Actor& actor) = 0;
};

// Opens (creating if needed) an SQLite database file with WAL and foreign keys on.
// Does not migrate: call Migrate().
core::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace grassroots::storage
