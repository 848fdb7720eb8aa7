// The implementation of Store (store.h) over a Database handle (database.h): the SQL of every
// subject, shared by the backends. Internal to src/storage: callers use OpenSqliteStore. Its
// methods are split by subject: sql_store.cc (schema, flags, transactions), sql_imports.cc
// (upserts), sql_assessments.cc (stored assessments), sql_server_assessments.cc (the
// server's lists and single-row writes of assessments, helped by server_sql.h), sql_audit.cc
// (the data version) and sql_records.cc (a stored assessment read back with its inputs).
// Organizations, members and scores (organization_subject.h, score_subject.h), accounts,
// sessions and the audit log (account_records.h, session_records.h, audit_log.h) are subjects
// over Tx.
#pragma once

#include <exception>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/store.h"

namespace grassroots::storage {

class SqlStore final : public Store {
 public:
  // `migrations` are the backend's (Migrations(), PgMigrations()).
  SqlStore(Database db, std::span<const Migration> migrations)
      : db_(std::move(db)), migrations_(migrations) {}

  core::Status BeginReading() override;
  void EndReading() override;
  core::Result<std::int64_t> DataVersion() override;
  core::Status Read(const std::function<core::Status(Tx&)>& fn) override;
  core::Status Write(const Actor& actor, const std::function<core::Status(Tx&)>& fn) override;
  core::Result<YearLock> LockYear(int year) override;

  core::Status Migrate() override;
  core::Result<bool> IsEmpty() override;
  core::Result<bool> IsDemo() override;
  core::Status MarkDemo() override;

  core::Result<core::StoredOrgs> StoredOrganizations() override;
  core::Result<std::unordered_set<std::string>> OrganizationCodes() override;

  core::Result<WriteSummary> UpsertOrganizations(const std::vector<core::Organization>& orgs,
                                                 const Actor& actor) override;
  core::Result<WriteSummary> UpsertMembers(const std::vector<core::Member>& members,
                                           const Actor& actor) override;
  core::Result<WriteSummary> UpsertScores(const std::vector<core::ScoreRecord>& scores,
                                          const Actor& actor) override;

  core::Result<std::vector<core::ManualDecision>> LoadManualDecisions(
      int year, const core::OrgTable& orgs) override;

  core::Result<std::optional<std::vector<std::uint8_t>>> LoadSelection(
      int year, const core::OrgTable& orgs) override;
  core::Result<std::optional<AssessmentInfo>> LoadAssessmentInfo(int year) override;

  core::Status SaveAssessment(const core::Policy& policy, const std::string& policy_version,
                              const core::AssessmentInput& input,
                              const core::AssessmentResult& result, const Actor& actor) override;

  // --- Server (issue 3): sql_server_assessments.cc ---
  core::Result<std::vector<AssessmentInfo>> ListAssessments() override;
  core::Result<Page<AssessmentRow>> LoadAssessmentRows(int year, const OrgFilter& filter) override;
  core::Result<std::vector<StoredManualDecision>> ListManualDecisions(int year) override;
  core::Status SaveManualDecision(int year, const StoredManualDecision& decision,
                                  const Actor& actor) override;
  core::Status DeleteManualDecision(int year, const std::string& code, const Actor& actor) override;
  core::Result<std::vector<PolicyInfo>> ListPolicies() override;

  // --- The dashboard's reads (sql_dashboard.cc) ---
  core::Result<std::vector<SummaryRow>> LoadSummaryRows(int year) override;

  core::Result<std::vector<StoredQuota>> LoadQuotas(int year) override;

  // --- The record of stored assessments (sql_records.cc) ---
  core::Result<std::optional<StoredResultRecord>> LoadResultRecord(
      int year, const std::string& code) override;
  core::Result<std::optional<StoredQuota>> LoadQuotaGroup(int year, const std::string& unit,
                                                          const std::string& type) override;
  core::Result<std::optional<StoredAssessment>> LoadStoredAssessment(int year) override;

 private:
  // Whether the run replaced a stored one of the same year.
  core::Result<bool> WriteAssessment(const core::Policy& policy, const std::string& policy_version,
                                     const core::AssessmentInput& input,
                                     const core::AssessmentResult& result, const Actor& actor);

  Database db_;
  std::span<const Migration> migrations_;
  std::optional<Transaction> reading_;  // BeginReading's snapshot
};

// The header of year's stored assessment, or nullopt (sql_assessments.cc).
core::Result<std::optional<AssessmentInfo>> ReadAssessmentInfo(Database& db, int year);

// Runs `fn`, turning an exception (in practice std::bad_alloc on a huge table) into
// kInternal, so that none crosses the Store interface.
template <typename Fn>
auto Guarded(std::string_view what, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return core::Error::Internal(std::string(what) + ": " + e.what());
  }
}

// Prefixes an error's message with what was being done.
inline core::Error WithContext(core::Error error, std::string_view what) {
  error.message = std::string(what) + ": " + error.message;
  return error;
}

}  // namespace grassroots::storage
