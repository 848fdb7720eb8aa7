#include "storage/copy_db.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "storage/audit_chain.h"
#include "storage/evidence_store.h"
#include "storage/open_store.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

// How a column's values are read and bound: text, integer, or a score (a double that must
// arrive as the same double).
enum class Kind { kText, kInt, kReal };

struct Column {
  std::string_view name;
  Kind kind = Kind::kText;
};

struct Table {
  std::string_view name;
  std::string_view order;  // the primary key: rows go in the order they were keyed
  std::vector<Column> columns;
};

constexpr Kind T = Kind::kText;
constexpr Kind I = Kind::kInt;
constexpr Kind R = Kind::kReal;

// Every table of the schema (migration 007), parents before children. organizations.merged_into
// refers to organizations without being deferred: it is set once every organization is there.
const std::vector<Table>& Tables() {
  static const std::vector<Table> kTables = {
      {"meta", "key", {{"key", T}, {"value", T}}},
      {"units", "code", {{"code", T}}},
      {"organizations",
       "code",
       {{"code", T},
        {"name", T},
        {"type", T},
        {"kind", T},
        {"parent_code", T},
        {"secretary", T},
        {"unit_code", T},
        {"ended_on", T},
        {"end_kind", T},
        {"end_reason", T}}},
      {"members",
       "id",
       {{"id", T},
        {"name", T},
        {"org_code", T},
        {"status", T},
        {"joined", T},
        {"left_on", T},
        {"left_kind", T},
        {"left_reason", T}}},
      {"scores",
       "year, org_code",
       {{"org_code", T},
        {"year", I},
        {"team", R},
        {"leader", R},
        {"venue", R},
        {"routine", R},
        {"service", R},
        {"members", R},
        {"grade", T},
        {"reason", T}}},
      {"policies", "version", {{"version", T}, {"name", T}, {"content", T}, {"created_at", T}}},
      {"assessments",
       "year",
       {{"year", I},
        {"policy_version", T},
        {"run_at", T},
        {"selected_count", I},
        {"inputs_stored", I},
        {"audit_id", I},
        {"audit_hash", T}}},
      {"assessment_results",
       "year, org_code",
       {{"year", I},
        {"org_code", T},
        {"score_cents", I},
        {"grade", T},
        {"rank_in_type", I},
        {"selected", I},
        {"reasons", I},
        {"consecutive", I},
        {"unit_code", T},
        {"type", T},
        {"parent_code", T},
        {"team", R},
        {"leader", R},
        {"venue", R},
        {"routine", R},
        {"service", R},
        {"members", R},
        {"committee_grade", T},
        {"committee_reason", T},
        {"manual_include", I},
        {"manual_reason", T},
        {"previous_selected", I},
        {"row_digest", I}}},
      {"assessment_quotas",
       "year, unit_code, type",
       {{"year", I},
        {"unit_code", T},
        {"type", T},
        {"count", I},
        {"ratio_ppm", I},
        {"quota", I},
        {"cut_cents", I},
        {"taken", I}}},
      {"manual_decisions",
       "year, org_code",
       {{"year", I},
        {"org_code", T},
        {"include", I},
        {"reason", T},
        {"decided_by", T},
        {"decided_at", T}}},
      {"users",
       "id",
       {{"id", I},
        {"name", T},
        {"role", T},
        {"scope", T},
        {"password_hash", T},
        {"created_at", T},
        {"disabled_at", T},
        {"real_name", T},
        {"phone", T},
        {"must_change_password", I}}},
      {"sessions",
       "token_hash",
       {{"token_hash", T}, {"user_id", I}, {"csrf_token", T}, {"expires_at", I}}},
      {"ended_sessions", "token_hash", {{"token_hash", T}, {"reason", T}, {"expires_at", I}}},
      {"login_counts",
       "kind, account, address",
       {{"kind", T}, {"account", T}, {"address", T}, {"failures", I}, {"last_at", I}}},
      {"rectification_plans",
       "id",
       {{"id", I},
        {"year", I},
        {"org_code", T},
        {"created_at", T},
        {"created_by", T},
        {"outcome", T},
        {"outcome_reason", T},
        {"outcome_at", T},
        {"outcome_by", T}}},
      {"rectification_problems",
       "id",
       {{"id", I}, {"plan_id", I}, {"dimension", T}, {"description", T}, {"proposed", I}}},
      {"rectification_items",
       "id",
       {{"id", I},
        {"plan_id", I},
        {"problem_id", I},
        {"year", I},
        {"org_code", T},
        {"measure", T},
        {"responsible", T},
        {"responsible_user", T},
        {"support_role", T},
        {"deadline", T},
        {"state", T},
        {"submitted_by", I},
        {"closed_on", T},
        {"created_at", T},
        {"updated_at", T}}},
      {"rectification_item_steps",
       "id",
       {{"id", I},
        {"item_id", I},
        {"step", T},
        {"from_state", T},
        {"to_state", T},
        {"reason", T},
        {"actor", T},
        {"at", T}}},
      {"support_assignments",
       "id",
       {{"id", I},
        {"org_code", T},
        {"year", I},
        {"role", T},
        {"person", T},
        {"agency", T},
        {"user_name", T},
        {"phone", T},
        {"start_date", T},
        {"ended_on", T},
        {"created_at", T},
        {"created_by", T}}},
      {"support_visits",
       "id",
       {{"id", I},
        {"org_code", T},
        {"year", I},
        {"visit_date", T},
        {"kind", T},
        {"visitor", T},
        {"visitor_role", T},
        {"solved", T},
        {"created_at", T},
        {"created_by", T}}},
      {"work_teams",
       "id",
       {{"id", I},
        {"org_code", T},
        {"year", I},
        {"leader", T},
        {"members", T},
        {"agency", T},
        {"start_date", T},
        {"end_date", T},
        {"created_at", T},
        {"created_by", T}}},
      {"special_funds",
       "id",
       {{"id", I},
        {"org_code", T},
        {"year", I},
        {"amount_fen", I},
        {"purpose", T},
        {"granted_on", T},
        {"created_at", T},
        {"created_by", T}}},
      // The files' bytes follow the rows (CopyEvidenceBytes): a file beside an SQLite database,
      // the row's content on PostgreSQL.
      {"rectification_evidence",
       "id",
       {{"id", I},
        {"item_id", I},
        {"file_name", T},
        {"content_type", T},
        {"size", I},
        {"sha256", T},
        {"uploaded_by", T},
        {"uploaded_at", T}}},
      {"interviews",
       "id",
       {{"id", I},
        {"held_on", T},
        {"person_key", T},
        {"person", T},
        {"member_id", T},
        {"post", T},
        {"org_code", T},
        {"interviewer", T},
        {"reason", T},
        {"record", T},
        {"created_at", T},
        {"created_by", T}}},
      {"adjustment_decisions",
       "id",
       {{"id", I},
        {"year", I},
        {"org_code", T},
        {"outcome", T},
        {"done_on", T},
        {"successor", T},
        {"reason", T},
        {"decided_at", T},
        {"decided_by", T}}},
      {"secretary_changes",
       "id",
       {{"id", I},
        {"org_code", T},
        {"changed_on", T},
        {"previous", T},
        {"successor", T},
        {"decision_id", I},
        {"created_at", T},
        {"created_by", T}}},
      {"spot_checks",
       "month",
       {{"month", T},
        {"seed", T},
        {"seed_source", T},
        {"audit_head", T},
        {"ratio_ppm", I},
        {"min_selected", I},
        {"assessment_year", I},
        {"candidate_count", I},
        {"candidates_digest", T},
        {"run_by", T},
        {"run_at", T}}},
      {"spot_check_candidates",
       "month, org_code",
       {{"month", T},
        {"org_code", T},
        {"type", T},
        {"under_rectification", I},
        {"drawn_last_month", I}}},
      {"spot_check_draws",
       "month, seq",
       {{"month", T}, {"seq", I}, {"org_code", T}, {"number", I}}},
      {"spot_check_findings",
       "id",
       {{"id", I},
        {"month", T},
        {"org_code", T},
        {"outcome", T},
        {"note", T},
        {"checked_on", T},
        {"item_id", I},
        {"recorded_by", T},
        {"recorded_at", T}}},
      {"reminder_digests",
       "id",
       {{"id", I},
        {"week", T},
        {"recipient", T},
        {"kind", T},
        {"name", T},
        {"due_count", I},
        {"overdue_count", I},
        {"created_at", T},
        {"created_by", T}}},
      {"reminder_digest_items",
       "digest_id, item_id",
       {{"digest_id", I},
        {"item_id", I},
        {"list", T},
        {"org_code", T},
        {"org_name", T},
        {"measure", T},
        {"responsible", T},
        {"deadline", T},
        {"state", T}}},
      {"reminder_deliveries",
       "id",
       {{"id", I}, {"digest_id", I}, {"user_name", T}, {"read_at", T}}},
      {"item_escalations",
       "id",
       {{"id", I},
        {"item_id", I},
        {"step", T},
        {"overdue_days", I},
        {"decided_at", T},
        {"decided_by", T}}},
      {"first_secretary_reports",
       "id",
       {{"id", I},
        {"org_code", T},
        {"year", I},
        {"month", I},
        {"kind", T},
        {"user_name", T},
        {"person", T},
        {"text", T},
        {"submitted_at", T}}},
      {"first_secretary_report_photos",
       "id",
       {{"id", I},
        {"report_id", I},
        {"file_name", T},
        {"content_type", T},
        {"size", I},
        {"sha256", T},
        {"uploaded_by", T},
        {"uploaded_at", T}}},
      {"bulletins",
       "id",
       {{"id", I},
        {"year", I},
        {"quarter", T},
        {"unit_code", T},
        {"number", I},
        {"figures", T},
        {"audit_head", T},
        {"issued_by", T},
        {"issued_at", T}}},
      {"reminder_digest_reports",
       "digest_id, org_code, month, kind",
       {{"digest_id", I},
        {"org_code", T},
        {"org_name", T},
        {"month", T},
        {"kind", T},
        {"due", T},
        {"user_name", T},
        {"person", T}}},
      {"spot_check_finding_evidence",
       "id",
       {{"id", I},
        {"finding_id", I},
        {"file_name", T},
        {"content_type", T},
        {"size", I},
        {"sha256", T},
        {"uploaded_by", T},
        {"uploaded_at", T}}},
      {"party_meetings",
       "id",
       {{"id", I},
        {"org_code", T},
        {"kind", T},
        {"held_on", T},
        {"attended", I},
        {"expected", I},
        {"topic", T},
        {"created_by", T},
        {"created_at", T}}},
      {"collective_economy",
       "org_code, year",
       {{"org_code", T},
        {"year", I},
        {"income_fen", I},
        {"model", T},
        {"recorded_by", T},
        {"recorded_at", T}}},
      {"checklist_answers",
       "id",
       {{"id", I},
        {"org_code", T},
        {"year", I},
        {"checklist", T},
        {"item", T},
        {"state", T},
        {"note", T},
        {"updated_by", T},
        {"updated_at", T}}},
      {"checklist_evidence",
       "id",
       {{"id", I},
        {"answer_id", I},
        {"file_name", T},
        {"content_type", T},
        {"size", I},
        {"sha256", T},
        {"uploaded_by", T},
        {"uploaded_at", T}}},
      {"checklist_applications",
       "id",
       {{"id", I},
        {"org_code", T},
        {"year", I},
        {"dimension", T},
        {"checklist", T},
        {"checklist_name", T},
        {"met", I},
        {"applicable", I},
        {"score_cents", I},
        {"mapping", T},
        {"items", T},
        {"applied_by", T},
        {"applied_at", T}}},
      {"standard_batches",
       "id",
       {{"id", I},
        {"year", I},
        {"name", T},
        {"designated_on", T},
        {"created_at", T},
        {"created_by", T}}},
      {"standard_designations",
       "id",
       {{"id", I},
        {"batch_id", I},
        {"year", I},
        {"org_code", T},
        {"revoked_on", T},
        {"revoke_reason", T},
        {"revoked_at", T},
        {"revoked_by", T}}},
      {"village_tags", "year, org_code, tag", {{"year", I}, {"org_code", T}, {"tag", T}}},
      {"partner_agencies",
       "id",
       {{"id", I},
        {"name", T},
        {"category", T},
        {"capacity", I},
        {"created_at", T},
        {"created_by", T}}},
      {"pairings",
       "id",
       {{"id", I},
        {"year", I},
        {"org_code", T},
        {"agency_id", I},
        {"paired_on", T},
        {"created_at", T},
        {"created_by", T}}},
      {"training_classes",
       "id",
       {{"id", I},
        {"name", T},
        {"starts_on", T},
        {"ends_on", T},
        {"organizer", T},
        {"place", T},
        {"note", T},
        {"created_at", T},
        {"created_by", T}}},
      {"training_attendees",
       "id",
       {{"id", I},
        {"class_id", I},
        {"person", T},
        {"org_code", T},
        {"attended", I},
        {"note", T},
        {"created_at", T},
        {"created_by", T}}},
      {"member_status_changes",
       "id",
       {{"id", I},
        {"member_id", T},
        {"changed_on", T},
        {"from_status", T},
        {"to_status", T},
        {"note", T},
        {"created_at", T},
        {"created_by", T}}},
      {"audit_log",
       "id",
       {{"id", I},
        {"at", T},
        {"actor", T},
        {"origin", T},
        {"action", T},
        {"entity", T},
        {"before_json", T},
        {"after_json", T},
        {"prev_hash", T},
        {"hash", T},
        {"change_count", I},
        {"change_digest", T},
        {"data_change", I}}},
      {"audit_changes",
       "entry_id, seq",
       {{"entry_id", I}, {"seq", I}, {"entity", T}, {"before_json", T}, {"after_json", T}}},
      {"audit_checkpoints", "entry_id", {{"entry_id", I}, {"hash", T}, {"at", T}, {"reason", T}}},
  };
  return kTables;
}

// The tables whose `id` is an identity column on PostgreSQL: copied with their own ids, after
// which new rows must continue past the largest.
constexpr std::string_view kIdentityTables[] = {"users",
                                                "rectification_plans",
                                                "rectification_problems",
                                                "rectification_items",
                                                "rectification_item_steps",
                                                "support_assignments",
                                                "support_visits",
                                                "work_teams",
                                                "special_funds",
                                                "rectification_evidence",
                                                "interviews",
                                                "adjustment_decisions",
                                                "secretary_changes",
                                                "spot_check_findings",
                                                "reminder_digests",
                                                "reminder_deliveries",
                                                "item_escalations",
                                                "first_secretary_reports",
                                                "first_secretary_report_photos",
                                                "bulletins",
                                                "spot_check_finding_evidence",
                                                "party_meetings",
                                                "checklist_answers",
                                                "checklist_evidence",
                                                "checklist_applications",
                                                "standard_batches",
                                                "standard_designations",
                                                "partner_agencies",
                                                "pairings",
                                                "training_classes",
                                                "training_attendees",
                                                "member_status_changes"};
std::span<const std::string_view> IdentityTables() { return kIdentityTables; }

// A table's rows read in key order without holding the table: SQLite steps its statement as
// it reads; a PostgreSQL statement's result arrives whole, so there a cursor of the read
// transaction is fetched a page at a time.
class RowReader {
 public:
  static constexpr int kPageRows = 8192;

  core::Status Open(Database& from, const std::string& select) {
    paged_ = from.dialect() == Dialect::kPostgres;
    if (paged_) {
      if (core::Status declared =
              from.Exec("DECLARE copy_rows NO SCROLL CURSOR FOR " + select, "reading rows");
          !declared.ok()) {
        return declared;
      }
    }
    core::Result<Statement> stmt =
        from.Prepare(paged_ ? "FETCH " + std::to_string(kPageRows) + " FROM copy_rows" : select);
    if (!stmt.ok()) return stmt.error();
    stmt_ = std::move(stmt).value();
    from_ = &from;
    return core::Status::Ok();
  }
  // Advances to the next row: false after the last.
  core::Result<bool> Next() {
    core::Result<bool> row = stmt_.Step();
    if (!paged_ || !row.ok()) return row;
    if (row.value()) {
      ++in_page_;
      return true;
    }
    if (in_page_ < kPageRows) return false;
    in_page_ = 0;
    stmt_.Reset();
    return Next();
  }
  const Statement& row() const { return stmt_; }
  core::Status Close() {
    stmt_.Reset();
    return paged_ ? from_->Exec("CLOSE copy_rows", "reading rows") : core::Status::Ok();
  }

 private:
  Database* from_ = nullptr;
  Statement stmt_;
  bool paged_ = false;
  int in_page_ = 0;
};

// Copies one table's rows as read, one at a time: into PostgreSQL they go through one COPY
// (BulkLoad) sent a piece at a time, elsewhere one INSERT each.
core::Result<std::int64_t> CopyTable(Database& from, Database& to, const Table& table) {
  std::string names;
  std::string marks;
  for (const Column& column : table.columns) {
    if (!names.empty()) {
      names += ", ";
      marks += ", ";
    }
    names += column.name;
    marks += "?";
  }
  const std::string name(table.name);
  RowReader select;
  if (core::Status opened = select.Open(
          from, "SELECT " + names + " FROM " + name + " ORDER BY " + std::string(table.order));
      !opened.ok()) {
    return opened.error();
  }
  std::optional<BulkLoad> load;
  core::Result<Statement> insert = Statement();
  if (to.CanBulkLoad()) {
    core::Result<BulkLoad> begun = to.BeginBulkLoad(name, names);
    if (!begun.ok()) return begun.error();
    load.emplace(std::move(begun).value());
  } else {
    insert = to.Prepare("INSERT INTO " + name + " (" + names + ") VALUES (" + marks + ")");
    if (!insert.ok()) return insert.error();
  }
  Statement& out = load ? load->row() : insert.value();
  std::vector<std::string> texts(table.columns.size());  // alive until the insert has run
  std::int64_t rows = 0;
  for (;;) {
    core::Result<bool> row = select.Next();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& in = select.row();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const int column = static_cast<int>(c);
      if (in.IsNull(column)) {
        out.BindNull(column + 1);
      } else if (table.columns[c].kind == Kind::kInt) {
        out.BindInt(column + 1, in.Int(column));
      } else if (table.columns[c].kind == Kind::kReal) {
        out.BindDouble(column + 1, in.Double(column));
      } else {
        texts[c] = std::string(in.Text(column));
        out.BindText(column + 1, texts[c]);
      }
    }
    if (core::Status status = out.Run(); !status.ok()) return status.error();
    ++rows;
  }
  if (load) {
    if (core::Status status = load->Finish(); !status.ok()) return status.error();
  }
  if (core::Status status = select.Close(); !status.ok()) return status.error();
  return rows;
}

core::Status CopyMergers(Database& from, Database& to) {
  core::Result<Statement> select = from.Prepare(
      "SELECT code, merged_into FROM organizations WHERE merged_into IS NOT NULL ORDER BY code");
  if (!select.ok()) return select.error();
  core::Result<Statement> update =
      to.Prepare("UPDATE organizations SET merged_into = ? WHERE code = ?");
  if (!update.ok()) return update.error();
  for (;;) {
    core::Result<bool> row = select.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return core::Status::Ok();
    const std::string code(select.value().Text(0));
    const std::string into(select.value().Text(1));
    update.value().BindText(1, into).BindText(2, code);
    if (core::Status status = update.value().Run(); !status.ok()) return status;
  }
}

core::Status CheckEmpty(Database& to, const std::string& url) {
  for (const char* table : {"organizations", "users", "audit_log"}) {
    core::Result<std::int64_t> count = to.QueryInt("SELECT COUNT(*) FROM " + std::string(table));
    if (!count.ok()) return count.error();
    if (count.value() != 0) {
      return core::Error::Conflict(
                 "the database to copy into already holds " + std::string(table) + ": " + url, "TO")
          .With("copy_target_not_empty", {{"table", table}});
    }
  }
  return core::Status::Ok();
}

core::Result<CopySummary> Copy(Database& from, Database& to, const std::string& to_url) {
  core::Result<Transaction> reading = Transaction::BeginRead(from);
  if (!reading.ok()) return reading.error();
  core::Result<Transaction> writing = Transaction::Begin(to);
  if (!writing.ok()) return writing.error();
  if (core::Status status = CheckEmpty(to, to_url); !status.ok()) return status.error();
  CopySummary summary;
  for (const Table& table : Tables()) {
    core::Result<std::int64_t> rows = CopyTable(from, to, table);
    if (!rows.ok()) {
      core::Error error = rows.error();
      error.message = "copying " + std::string(table.name) + ": " + error.message;
      return error;
    }
    summary.rows += rows.value();
  }
  if (core::Status status = CopyMergers(from, to); !status.ok()) return status.error();
  if (core::Status status = CopyEvidenceBytes(from, to); !status.ok()) return status.error();
  for (std::string_view table : IdentityTables()) {
    if (core::Status status = to.impl().ContinueIdentity(table, "id"); !status.ok()) {
      return status.error();
    }
  }
  core::Result<ChainHead> head = ReadAuditHead(to);
  if (!head.ok()) return head.error();
  summary.head = head.value();
  if (summary.head.id > 0) {  // anchored where the backend keeps heads outside the database
    core::Result<Statement> at = to.Prepare("SELECT at FROM audit_log WHERE id = ?");
    if (!at.ok()) return at.error();
    at.value().BindInt(1, summary.head.id);
    core::Result<bool> found = at.value().Step();
    if (!found.ok()) return found.error();
    to.NoteAuditHead(summary.head.id, summary.head.hash, std::string(at.value().Text(0)));
  }
  if (core::Status status = writing.value().Commit(); !status.ok()) return status.error();
  return summary;
}

}  // namespace

core::Result<CopySummary> CopyDatabase(const std::string& from, const std::string& to,
                                       const core::Clock& clock) {
  return Guarded("copying a database", [&]() -> core::Result<CopySummary> {
    for (const std::string* url : {&from, &to}) {
      core::Result<std::unique_ptr<Store>> store = OpenStore(*url, clock);
      if (!store.ok()) return store.error();
      if (core::Status status = store.value()->Migrate(); !status.ok()) return status.error();
    }
    core::Result<Database> source = OpenDatabase(from, clock);
    if (!source.ok()) return source.error();
    core::Result<Database> target = OpenDatabase(to, clock);
    if (!target.ok()) return target.error();
    return Copy(source.value(), target.value(), to);
  });
}

}  // namespace grassroots::storage
