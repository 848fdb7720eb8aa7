// The SQLite implementation of Store (store.h). Internal to src/storage: callers use
// OpenSqliteStore. Its methods are split by subject: sqlite_store.cc (schema, flags,
// organizations), sqlite_imports.cc (upserts), sqlite_assessments.cc (scores and stored
// assessments).
#pragma once

#include <exception>
#include <functional>
#include <string>
#include <string_view>

#include "storage/sqlite_db.h"
#include "storage/store.h"

namespace grassroots::storage {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Database db) : db_(std::move(db)) {}

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

  core::Result<core::OrgTable> LoadOrgTable() override;
  core::Result<core::YearScores> LoadScores(int year, const core::OrgTable& orgs) override;
  core::Result<std::int64_t> CountScores(int year) override;
  core::Result<std::vector<core::ManualDecision>> LoadManualDecisions(
      int year, const core::OrgTable& orgs) override;

  core::Result<std::optional<std::vector<std::uint8_t>>> LoadSelection(
      int year, const core::OrgTable& orgs) override;
  core::Result<std::optional<AssessmentInfo>> LoadAssessmentInfo(int year) override;

  core::Status SaveAssessment(const core::Policy& policy, const std::string& policy_version,
                              const core::OrgTable& orgs, const core::AssessmentResult& result,
                              const Actor& actor) override;

 private:
  // One import as one transaction: counts `table` before and after `write` (the batch has
  // unique keys, so the growth is the number inserted and the rest were updates), appends
  // the audit entry `action`, commits. Nothing is written when any step fails.
  core::Result<WriteSummary> WriteBatch(std::string_view table, std::string_view action,
                                        std::size_t rows, const Actor& actor,
                                        const std::function<core::Status()>& write);

  core::Result<core::OrgTable> ReadOrgTable();
  core::Status WriteAssessment(const core::Policy& policy, const std::string& policy_version,
                               const core::OrgTable& orgs, const core::AssessmentResult& result,
                               const Actor& actor);

  Database db_;
};

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
