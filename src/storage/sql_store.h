// The implementation of Store (store.h) over a Database handle (database.h): the SQL of every
// subject, shared by the backends. Internal to src/storage: callers use OpenSqliteStore. Its
// methods are split by subject: sql_store.cc (schema, flags,
// organizations), sql_imports.cc (upserts), sql_assessments.cc (scores as a run reads them),
// sql_server.cc (the server's lists and single-row writes, helped by server_sql.h),
// sql_users.cc (users, sessions), sql_audit.cc (the audit log's reads and checks) and
// sql_lifecycle.cc (organizations that end, members who leave). Stored assessments, hand
// decisions and policies are subjects over Tx (assessment_records.h, hand_decision_records.h,
// policy_records.h).
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

  core::Result<core::OrgTable> LoadOrgTable() override;
  core::Result<core::YearScores> LoadScores(int year, const core::OrgTable& orgs) override;
  core::Result<std::int64_t> CountScores(int year) override;
  // --- Server (issue 3): sql_server.cc, sql_server_assessments.cc ---
  core::Result<Page<core::Organization>> ListOrganizations(const OrgFilter& filter) override;
  core::Result<std::int64_t> VisitOrganizations(
      const OrgFilter& filter, const std::function<void(const OrgRowView&)>& row) override;
  core::Result<std::optional<OrgDetail>> GetOrganization(const std::string& code) override;
  core::Result<std::vector<std::string>> Ancestry(const std::string& code) override;
  core::Result<bool> SaveOrganization(const core::Organization& org, const Actor& actor) override;
  core::Result<Page<core::Member>> ListMembers(const std::string& org_code, std::int64_t offset,
                                               std::int64_t limit) override;
  core::Result<std::optional<core::Member>> GetMember(const std::string& id) override;
  core::Result<bool> SaveMember(const core::Member& member, const Actor& actor) override;
  core::Result<std::vector<core::ScoreRecord>> ScoresOf(const std::string& org_code) override;
  core::Result<Page<core::ScoreRecord>> ListScores(int year, const OrgFilter& filter) override;
  core::Result<Page<ScoreSheetRow>> ListScoreSheet(int year, SheetRows which,
                                                   const OrgFilter& filter) override;
  core::Result<bool> SaveScore(const core::ScoreRecord& score, const Actor& actor) override;

  // --- Server (issue 3): sql_users.cc ---
  core::Result<std::int64_t> CreateUser(const UserRecord& user, const Actor& actor) override;
  core::Result<std::optional<UserRecord>> FindUser(const std::string& name) override;
  core::Result<std::optional<UserRecord>> GetUser(std::int64_t id) override;
  core::Result<std::vector<UserRecord>> ListUsers() override;
  core::Status SetPasswordHash(std::int64_t user_id, const std::string& hash,
                               const Actor& actor) override;
  core::Status CreateSession(const SessionRecord& session) override;
  core::Result<std::optional<SessionRecord>> FindSession(const std::string& token_hash,
                                                         std::int64_t now) override;
  core::Status DeleteSession(const std::string& token_hash) override;
  core::Status DeleteUserSessions(std::int64_t user_id, std::string_view reason) override;
  core::Result<std::string> SessionEndReason(const std::string& token_hash,
                                             std::int64_t now) override;

  // --- The audit log: sql_audit.cc ---
  core::Status RecordEvent(const std::string& action, const std::string& entity,
                           const std::string& after_json, const Actor& actor) override;
  core::Result<Page<AuditRecord>> ListAudit(std::int64_t offset, std::int64_t limit) override;
  core::Result<Page<AuditRecord>> ListAuditChanges(std::int64_t entry_id, std::int64_t offset,
                                                   std::int64_t limit) override;
  core::Result<std::vector<AuditRecord>> AuditChangesOf(const std::string& entity,
                                                        std::int64_t after_id) override;
  core::Result<ChainHead> AuditHead() override;
  core::Result<AuditVerification> VerifyAudit(const std::optional<ChainHead>& expect) override;

  // --- Accounts (sql_accounts.cc) and the dashboard's reads (sql_dashboard.cc) ---
  core::Status UpdateUser(std::int64_t user_id, const UserChange& change,
                          const std::string& keep_session, const Actor& actor) override;

  // --- The member roster and subtree totals (sql_roster.cc) ---
  core::Result<Page<RosterRow>> ListRoster(const OrgFilter& filter,
                                           std::optional<core::MemberStatus> status) override;
  core::Result<std::array<std::int64_t, 5>> SubtreeMemberCounts(const std::string& code) override;

  // --- Organizations that end and members who leave (sql_lifecycle.cc) ---
  core::Result<std::vector<std::pair<std::string, std::optional<core::CivilDate>>>> ChildrenOf(
      const std::string& code) override;
  core::Result<std::vector<std::pair<std::string, core::CivilDate>>> LoadOrgEnds() override;
  core::Status EndOrganization(const std::string& code, const core::OrgEnd& end,
                               const Actor& actor) override;
  core::Status RecordMemberLeft(const std::string& id, const core::MemberLeave& leave,
                                const Actor& actor) override;

 private:
  core::Result<core::OrgTable> ReadOrgTable();

  Database db_;
  std::span<const Migration> migrations_;
  std::optional<Transaction> reading_;  // BeginReading's snapshot
};

// Ends the sessions of `user_id` but `keep_session` (a token hash; empty: none kept),
// remembering `reason` for each in ended_sessions, and forgets ended sessions that have
// expired. Inside the caller's transaction (sql_users.cc).
core::Status EndUserSessions(Database& db, std::int64_t user_id, const std::string& keep_session,
                             std::string_view reason);

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
