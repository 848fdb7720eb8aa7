// The storage handle the CLI, the use cases and the server hold: one transaction at a time
// (Read, Write; tx.h), through which every subject is reached (organization_subject.h,
// score_subject.h, assessment_records.h, ...), and the database's lifecycle. One implementation,
// SqlStore, over either backend (storage::Database: SQLite or PostgreSQL); open_store.h chooses.
// The value types below are what the subjects answer. Not thread-safe: one Store per thread.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/access.h"
#include "core/assessment.h"
#include "core/assessment_summary.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/import_rows.h"
#include "core/org_table.h"
#include "core/organization.h"
#include "core/policy.h"
#include "core/score.h"

namespace grassroots::storage {

class Tx;

// Who made a change and from where, for the audit log.
struct Actor {
  std::string name = "cli";    // user name
  std::string origin = "cli";  // "cli", or the client's address
};

// A stored assessment's header.
struct AssessmentInfo {
  int year = 0;
  std::string policy_version;
  std::string run_at;  // ISO 8601 UTC
  std::int64_t selected_count = 0;
  bool inputs_stored = false;  // the run kept its inputs (every run since migration 005)
  std::int64_t audit_id = 0;   // the run's own audit entry; 0 when unknown
  std::string audit_hash;      // that entry's hash: the head of the audit chain at the run
};

// Counts of what an import did: rows new, rows changed, rows written with the values they had
// (which change nothing and are not recorded in the audit trail).
struct WriteSummary {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
};

// --- What the server reads and writes (issue 3). ---

// A page of a list. `total` counts every match, not only this page.
template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// Filters of the organization list; empty strings and nullopt mean "any".
struct OrgFilter {
  std::string unit;
  std::string type;                 // API name, e.g. "village"
  std::string parent;               // direct children of this code
  std::optional<bool> direct;       // true: no parent; false: has one
  std::optional<bool> ended;        // true: dissolved or merged only; false: existing only
  std::string query;                // substring of code or name
  std::vector<std::string> within;  // only these organizations and their subtrees (scope)
  std::vector<std::string> only;    // only exactly these codes (scope of secretaries, leaders)
  bool restrict_to_scope = false;   // when true, `within` and `only` together are the limit
  // Assessment rows only (AssessmentRecords::Rows): the stored grade ("A".."D") and selection, and
  // the order: by code, or as the assessment is ranked (`ranked`: assessing unit, type in
  // core::kAllOrgTypes order, lowest composite first, the unscored last, then code), so that a
  // ranking group's rows are contiguous and in rank order.
  std::string grade;
  std::optional<bool> selected;
  bool ranked = false;
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct OrgDetail {
  core::Organization org;                       // unit resolved, end when it ended
  std::array<std::int64_t, 5> member_counts{};  // by core::MemberStatus, members who left aside
  std::int64_t members_left = 0;                // members who left (kept, counted apart)
  std::int64_t children = 0;                    // that have not ended
};

// A member on the roster with the name of their organization (MemberRecords::Roster).
struct RosterRow {
  core::Member member;
  std::string org_name;
};

// The committee's include/exclude decision on one organization as it stands now.
struct HandDecision {
  bool include = true;
  std::string reason;
  std::string decided_by;
};

// One organization's row of a stored assessment, with the organization's name as stored now and
// the committee's hand decision as it stands now (which a run after it will apply).
struct AssessmentRow {
  std::string code;
  std::string type;
  std::string unit;
  std::optional<std::int32_t> score_cents;
  std::optional<std::string> grade;
  std::optional<std::int32_t> rank;
  bool selected = false;
  std::uint8_t reasons = 0;  // core::Reason bits
  bool consecutive = false;
  std::string name;
  std::optional<HandDecision> manual;
};

// Which organizations a year's score sheet lists (ScoreRecords::Sheet).
enum class SheetRows : std::uint8_t {
  kScored,    // those with a score of the year (whatever became of them since)
  kUnscored,  // those the year's assessment ranks (core::AssessedIn) that have no score yet
  kAll,       // both: every organization score entry for the year shows
};

// One organization's row of a year's score sheet: the organization as stored now and its score
// of the year, when it has one.
struct ScoreSheetRow {
  std::string code;
  std::string name;
  std::string type;
  std::string unit;
  std::optional<core::ScoreRecord> score;
};

struct StoredManualDecision {
  std::string code;
  bool include = true;
  std::string reason;
  std::string decided_by;
  std::string decided_at;  // ISO 8601 UTC; left empty, HandDecisionRecords::Save records now
};

struct PolicyInfo {
  std::string version;
  std::string name;
  std::string content;  // canonical text
  std::string created_at;
};

struct UserRecord {
  std::int64_t id = 0;
  std::string name;
  core::Role role = core::Role::kAuditor;
  std::vector<std::string> scope;  // organization codes
  std::string password_hash;       // argon2id encoded
  std::string created_at;
  std::string disabled_at;  // ISO 8601 UTC when disabled; empty while it may sign in
  std::string real_name;    // the holder's name as a person (姓名); empty when not given
  std::string phone;        // the holder's phone number; empty when not given
  // Set by an administrator's creating the account or resetting its password: its holder must
  // choose a password of their own before anything else (migration 011).
  bool must_change_password = false;
  bool disabled() const { return !disabled_at.empty(); }
};

struct SessionRecord {
  std::string token_hash;  // SHA-256 hex of the cookie's token
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t expires_at = 0;  // Unix seconds
};

struct AuditRecord {
  std::int64_t id = 0;
  std::string at, actor, origin, action, entity;
  std::string before_json, after_json;  // empty when none
  std::string prev_hash, hash;
  std::int64_t change_count = 0;  // per-row change records of a bulk write or import
};

// The newest entry of the audit chain: what to write down to check later that nothing was cut
// from the end ("ID:HASH"). Id 0 with the genesis hash when the log is empty.
struct ChainHead {
  std::int64_t id = 0;
  std::string hash;
  friend bool operator==(const ChainHead&, const ChainHead&) = default;
};
// "ID:HASH"; parsing gives nullopt unless ID is a positive whole number and HASH 64 lower-case
// hex digits.
std::string FormatAuditHead(const ChainHead& head);
std::optional<ChainHead> ParseAuditHead(std::string_view text);

// What `audit verify` found. When !ok, `reason` names the first problem (a stable name, with
// `params`) and `message` says it in English; `first_bad_id` is the entry it concerns, if any.
struct AuditVerification {
  bool ok = true;
  std::int64_t entries = 0;
  std::int64_t first_bad_id = 0;
  std::string message;
  std::string reason;  // audit_entry_altered, audit_entries_removed, audit_head_not_in_chain, ...
  core::Params params;
  ChainHead head;                            // the newest entry as stored
  std::int64_t changes = 0;                  // per-row change records checked
  std::int64_t checkpoints = 0;              // checkpoints in the database checked
  std::int64_t recorded_heads = 0;           // heads of the head file checked
  std::string head_file;                     // its path; empty when this database keeps none
  std::optional<ChainHead> newest_recorded;  // the newest head the head file holds
};

// A change to an account; a field left nullopt stays as it is.
struct UserChange {
  std::optional<core::Role> role;
  std::optional<std::vector<std::string>> scope;
  std::optional<std::string> password_hash;  // argon2id encoded
  std::optional<bool> disabled;              // true: disabled from now; false: enabled again
  std::optional<std::string> real_name;
  std::optional<std::string> phone;
  std::optional<bool> must_change_password;
};

// Why a session a request still carries was ended by a change to its account, so that its
// holder is told (SessionRecords::EndReason, session_records.h).
inline constexpr std::string_view kEndedPasswordChanged = "password_changed";
inline constexpr std::string_view kEndedAccountDisabled = "account_disabled";
inline constexpr std::string_view kEndedAccountChanged = "account_changed";

// One organization's stored result with the inputs the engine read for it
// (AssessmentRecords::Record). The inputs are meaningful only when the run kept them
// (AssessmentInfo::inputs_stored).
struct StoredResultRecord {
  AssessmentRow row;   // as assessed: type and unit too
  std::string parent;  // the parent at the run; empty for a direct organization
  std::optional<std::array<double, core::kDimensionCount>> dimensions;  // nullopt: no score
  std::optional<core::Grade> committee_grade;
  std::string committee_reason;
  std::optional<bool> manual_include;  // the committee's hand decision, if any
  std::string manual_reason;
  std::uint32_t previous_selected = 0;  // bit k: the rule saw it selected in year - 1 - k
};

// A whole stored assessment as the engine would read it again: the organizations as assessed
// (code, type, unit, parent), the inputs aligned with them, and what was stored.
struct StoredAssessment {
  AssessmentInfo info;
  std::string policy_text;  // the canonical text stored under info.policy_version, or empty
  core::OrgTable orgs;      // in code order; units sorted
  core::YearScores scores;
  std::vector<core::ManualDecision> manual;
  // previous_selected[k] is year - 1 - k's selection as the consecutive rule read it.
  std::vector<std::vector<std::uint8_t>> previous_selected;
  core::AssessmentResult result;  // the stored rows and quota groups, aligned with orgs
};

// The dashboard's view of a stored assessment (core/assessment_summary.h).
using SummaryRow = core::ResultRow;
using StoredQuota = core::StoredQuota;

// One organization's columns as stored (see OrganizationRecords::Visit); the end columns are
// empty while it exists.
struct OrgRowView {
  std::string_view code, name, type, kind, parent, secretary, unit;
  std::string_view ended_on, end_kind, merged_into;
};

// Held while it lives: Store::LockYear's lock on one year's assessment run. Move-only.
class YearLock {
 public:
  YearLock() = default;
  explicit YearLock(std::function<void()> release) : release_(std::move(release)) {}
  YearLock(YearLock&& other) noexcept : release_(std::exchange(other.release_, nullptr)) {}
  YearLock& operator=(YearLock&&) = delete;
  YearLock(const YearLock&) = delete;
  YearLock& operator=(const YearLock&) = delete;
  ~YearLock() {
    if (release_) release_();
  }

 private:
  std::function<void()> release_;
};

class Store {
 public:
  virtual ~Store() = default;

  // Until EndReading, every read sees one snapshot of the data, so that what one request reads
  // agrees with itself (a page and its total, an assessment's header and its rows) and the
  // snapshot is taken once, not per query. Nothing may be written in between. ReadingScope
  // below pairs the two calls.
  virtual core::Status BeginReading() = 0;
  virtual void EndReading() = 0;

  // The newest audit entry that changed data. Every change is recorded in the trail in the same
  // transaction as the change, so this moves with every change made through any Store,
  // connection or process, and the values of different connections compare: what was computed
  // from reads at one version holds wherever the version is the same. Events that change no
  // data (logins, logouts, failed logins: RecordEvent) do not move it, so they do not throw
  // away remembered answers. (A hand edit of the file that bypasses the trail is not seen.)
  // Taken first inside BeginReading, it is the snapshot's version.
  virtual core::Result<std::int64_t> DataVersion() = 0;

  // The transaction handle (tx.h) through which the subjects added since issue 11 are reached.
  // Read runs `fn` under one snapshot (BeginReading's, when one is open). Write runs it in one
  // write transaction, committed when `fn` returns Ok and rolled back otherwise (its error is
  // returned, nothing written); the audit entries it appends are part of that transaction, and
  // an exception `fn` lets out becomes kInternal. Not inside another transaction.
  virtual core::Status Read(const std::function<core::Status(Tx&)>& fn) = 0;
  core::Status Write(const Actor& actor, const std::function<core::Status(Tx&)>& fn) {
    return Write(actor, fn, WriteSize::kOrdinary);
  }
  // kBulk: many rows in the one transaction (a streamed import, an assessment run's results).
  // Once AllowExclusiveBulkWrites was called, the backend may write them in a way that suits
  // so many rows better at a cost to other connections while it lasts (Transaction::BeginBulk);
  // what is written is the same.
  enum class WriteSize { kOrdinary, kBulk };
  virtual core::Status Write(const Actor& actor, const std::function<core::Status(Tx&)>& fn,
                             WriteSize size) = 0;
  // For a process that is, for the moment, the database's one user (the command line), not for
  // a server, whose other requests would wait behind the write.
  virtual void AllowExclusiveBulkWrites() = 0;

  // One assessment run per year at a time, across connections, servers and processes: waits
  // until no other run of `year` holds the lock and holds it while the handle lives (a run's
  // load, compute and store, app::RunAssessment). Not a transaction; not taken inside one.
  // PostgreSQL: a session advisory lock keyed by schema and year; SQLite: a lock on a file
  // beside the database (sqlite_db.cc says why not its write transaction).
  virtual core::Result<YearLock> LockYear(int year) = 0;

  // Creates the schema or applies the migrations it lacks. Idempotent.
  virtual core::Status Migrate() = 0;

  // The demo flag guards `grassroots demo` from overwriting a real database.
  virtual core::Result<bool> IsEmpty() = 0;
  virtual core::Result<bool> IsDemo() = 0;
  virtual core::Status MarkDemo() = 0;
};

// Opens (creating if needed) an SQLite database file with WAL and foreign keys on.
// Does not migrate: call Migrate(). `clock` is "now" for everything it writes (audit entries,
// run times, creation times); it must outlive the store.
core::Result<std::unique_ptr<Store>> OpenSqliteStore(
    const std::string& path, const core::Clock& clock = core::DefaultClock());

// Holds a Store's read snapshot (BeginReading) for as long as it lives. If the snapshot cannot
// be taken, the reads go on without one, each seeing the data as it is when it runs.
class ReadingScope {
 public:
  explicit ReadingScope(Store& store) : store_(store), reading_(store.BeginReading().ok()) {}
  ReadingScope(const ReadingScope&) = delete;
  ReadingScope& operator=(const ReadingScope&) = delete;
  ~ReadingScope() {
    if (reading_) store_.EndReading();
  }

 private:
  Store& store_;
  bool reading_;
};

}  // namespace grassroots::storage
