// The runs of stored assessments: their headers, a year's selection as a later run reads it, and
// Save, which replaces a year's run with a new result and the inputs it was computed from.
#include "storage/assessment_records.h"

#include <optional>

#include "storage/assessment_rows.h"
#include "storage/audit_chain.h"
#include "storage/code_index.h"
#include "storage/policy_records.h"
#include "storage/server_sql.h"
#include "storage/statistics.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kInfoColumns =
    "year, policy_version, run_at, selected_count, inputs_stored, audit_id, audit_hash";

AssessmentInfo ReadInfo(const Statement& s) {
  AssessmentInfo info;
  info.year = static_cast<int>(s.Int(0));
  info.policy_version = s.Text(1);
  info.run_at = s.Text(2);
  info.selected_count = s.Int(3);
  info.inputs_stored = s.Int(4) != 0;
  info.audit_id = s.IsNull(5) ? 0 : s.Int(5);
  if (!s.IsNull(6)) info.audit_hash = s.Text(6);
  return info;
}

core::Result<std::optional<AssessmentInfo>> ReadInfoOf(Database& db, int year) {
  return QueryOne<AssessmentInfo>(
      db, "SELECT " + std::string(kInfoColumns) + " FROM assessments WHERE year = ?",
      {std::int64_t{year}}, ReadInfo);
}

core::Status CheckSizes(const core::AssessmentInput& input, const core::AssessmentResult& result) {
  if (input.orgs == nullptr || input.scores == nullptr) {
    return core::Error::Invalid("the assessment's inputs lack organizations or scores");
  }
  const core::OrgTable& orgs = *input.orgs;
  const std::size_t n = orgs.size();
  const bool aligned =
      result.score_cents.size() == n && result.grade.size() == n && result.rank.size() == n &&
      result.selected.size() == n && result.reasons.size() == n && result.consecutive.size() == n &&
      input.scores->has_score.size() == n && input.scores->committee_grade.size() == n &&
      input.scores->dimensions.size() == n * core::kDimensionCount && result.year == input.year;
  if (!aligned) {
    return core::Error::Invalid("assessment result of " + std::to_string(result.year) +
                                " is not aligned with the " + std::to_string(n) + " organizations");
  }
  for (const core::QuotaGroup& group : result.quotas) {
    if (group.unit >= orgs.unit_codes.size()) {
      return core::Error::Invalid("quota group names unit " + std::to_string(group.unit) + " of " +
                                  std::to_string(orgs.unit_codes.size()));
    }
  }
  for (const core::ManualDecision& decision : input.manual) {
    if (decision.org >= n) return core::Error::Invalid("a manual decision names no organization");
  }
  for (const core::CommitteeReason& reason : input.scores->committee_reasons) {
    if (reason.org >= n) return core::Error::Invalid("a committee reason names no organization");
  }
  return core::Status::Ok();
}

// A year with no stored run: removes whatever rows it holds without one (none while every run
// is written by Save; SQLite's foreign keys also refuse them, PostgreSQL keeps no key on the
// result rows since migration 031). Children first, as the cascade would.
core::Status DeleteYear(Database& db, int year) {
  for (std::string_view sql :
       {"DELETE FROM assessment_results WHERE year = ?",
        "DELETE FROM assessment_quotas WHERE year = ?", "DELETE FROM assessments WHERE year = ?"}) {
    if (core::Status status = Execute(db, sql, {std::int64_t{year}}); !status.ok()) return status;
  }
  return core::Status::Ok();
}

// A run replacing a stored one keeps its header row (deleting it would cascade to the result
// rows ReplaceResultRows keeps) and its quotas go.
core::Status UpdateHeader(Database& db, const AssessmentInfo& info) {
  if (core::Status status =
          Execute(db,
                  "UPDATE assessments SET policy_version = ?, run_at = ?, selected_count = ?,"
                  " inputs_stored = 1, audit_id = NULL, audit_hash = NULL WHERE year = ?",
                  {info.policy_version, info.run_at, info.selected_count, std::int64_t{info.year}});
      !status.ok()) {
    return status;
  }
  return Execute(db, "DELETE FROM assessment_quotas WHERE year = ?", {std::int64_t{info.year}});
}

core::Status InsertHeader(Database& db, const AssessmentInfo& info) {
  return Execute(db,
                 "INSERT INTO assessments (year, policy_version, run_at, selected_count,"
                 " inputs_stored) VALUES (?, ?, ?, ?, 1)",
                 {std::int64_t{info.year}, info.policy_version, info.run_at, info.selected_count});
}

// The header points at the run's own audit entry, the newest one of this transaction.
core::Status RecordAuditHead(Database& db, int year) {
  return Execute(db,
                 "UPDATE assessments SET (audit_id, audit_hash) ="
                 " (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) WHERE year = ?",
                 {std::int64_t{year}});
}

// Binds one quota group of `year` in kQuotaColumns' order.
void BindQuota(Statement& stmt, int year, const core::OrgTable& orgs,
               const core::QuotaGroup& group) {
  stmt.BindInt(1, year)
      .BindText(2, orgs.unit_codes[group.unit])
      .BindText(3, core::ToString(group.type))
      .BindInt(4, group.count)
      .BindInt(5, group.ratio_ppm)
      .BindInt(6, group.quota)
      .BindInt(8, group.taken);
  group.cut_cents >= 0 ? stmt.BindInt(7, group.cut_cents) : stmt.BindNull(7);
}

constexpr std::string_view kQuotaColumns =
    "year, unit_code, type, count, ratio_ppm, quota, cut_cents, taken";

// A country's year has some 10,000 groups (units x types): through a bulk load where the
// backend has one (one COPY instead of a round trip each), else one INSERT each.
core::Status InsertQuotas(Database& db, const core::OrgTable& orgs,
                          const core::AssessmentResult& result) {
  if (result.quotas.empty()) return core::Status::Ok();
  std::optional<BulkLoad> load;
  core::Result<Statement> insert = Statement();
  if (db.CanBulkLoad()) {
    core::Result<BulkLoad> begun = db.BeginBulkLoad("assessment_quotas", kQuotaColumns);
    if (!begun.ok()) return begun.error();
    load.emplace(std::move(begun).value());
  } else {
    insert = db.Prepare("INSERT INTO assessment_quotas (" + std::string(kQuotaColumns) +
                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert.ok()) return insert.error();
  }
  Statement& stmt = load ? load->row() : insert.value();
  for (const core::QuotaGroup& group : result.quotas) {
    BindQuota(stmt, result.year, orgs, group);
    if (core::Status status = stmt.Run(); !status.ok()) return status;
  }
  return load ? load->Finish() : core::Status::Ok();
}

std::string HeaderJson(const AssessmentInfo& info) {
  return "{\"policy_version\":" + JsonQuote(info.policy_version) +
         ",\"selected_count\":" + std::to_string(info.selected_count) + "}";
}

// The run's audit entry, a checkpoint (a list people act on: its head is worth keeping).
core::Status AuditRun(const Tx& tx, const AssessmentInfo& info,
                      const std::optional<AssessmentInfo>& previous) {
  AuditEntry entry;
  entry.at = info.run_at;
  entry.actor = tx.actor().name;
  entry.origin = tx.actor().origin;
  entry.action = previous ? "assessment.rerun" : "assessment.run";
  entry.entity = "assessment/" + std::to_string(info.year);
  if (previous) entry.before_json = HeaderJson(*previous);
  entry.after_json = HeaderJson(info);
  entry.checkpoint = entry.entity;
  return AppendAudit(tx.db(), std::move(entry));
}

// Writes the run; answers the header it replaced, if any.
core::Result<std::optional<AssessmentInfo>> WriteRun(Tx& tx, const core::Policy& policy,
                                                     const std::string& policy_version,
                                                     const core::AssessmentInput& input,
                                                     const core::AssessmentResult& result) {
  if (core::Status status = CheckSizes(input, result); !status.ok()) return status.error();
  Database& db = tx.db();
  if (core::Status status = PolicyRecords(tx).Keep(policy, policy_version); !status.ok()) {
    return status.error();
  }
  core::Result<std::optional<AssessmentInfo>> previous = ReadInfoOf(db, result.year);
  if (!previous.ok()) return previous.error();

  AssessmentInfo info;
  info.year = result.year;
  info.policy_version = policy_version;
  info.run_at = core::FormatUtc(db.clock().Now());
  info.selected_count = static_cast<std::int64_t>(result.SelectedCount());
  core::Status rows = core::Status::Ok();
  if (previous.value()) {
    rows = UpdateHeader(db, info);
    if (rows.ok()) rows = ReplaceResultRows(db, input, result);
  } else {
    rows = DeleteYear(db, result.year);
    if (rows.ok()) rows = InsertHeader(db, info);
    if (rows.ok()) rows = InsertResultRows(db, input, result);
  }
  if (!rows.ok()) return rows.error();
  if (core::Status status = InsertQuotas(db, *input.orgs, result); !status.ok()) {
    return status.error();
  }
  if (core::Status status = AuditRun(tx, info, previous.value()); !status.ok()) {
    return status.error();
  }
  if (core::Status status = RecordAuditHead(db, result.year); !status.ok()) return status.error();
  return previous;
}

}  // namespace

core::Result<std::vector<AssessmentInfo>> AssessmentRecords::List() {
  return QueryAll<AssessmentInfo>(
      tx_->db(), "SELECT " + std::string(kInfoColumns) + " FROM assessments ORDER BY year", {},
      ReadInfo);
}

core::Result<std::optional<AssessmentInfo>> AssessmentRecords::Info(int year) {
  return ReadInfoOf(tx_->db(), year);
}

core::Result<std::optional<std::vector<std::uint8_t>>> AssessmentRecords::Selection(
    int year, const core::OrgTable& orgs) {
  using Selection = std::optional<std::vector<std::uint8_t>>;
  core::Result<std::optional<AssessmentInfo>> info = Info(year);
  if (!info.ok()) return info.error();
  if (!info.value()) return Selection();
  core::Result<Statement> stmt = tx_->db().Prepare(
      "SELECT org_code FROM assessment_results WHERE year = ? AND selected = 1"
      " ORDER BY org_code");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindInt(1, year);
  std::vector<std::uint8_t> selected(orgs.size(), 0);
  core::Status status = ForEachOrgRow(stmt.value(), orgs, [&](std::uint32_t org, auto&) {
    selected[org] = 1;
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return Selection(std::move(selected));
}

core::Result<AssessmentInfo> AssessmentRecords::Save(const core::Policy& policy,
                                                     const std::string& policy_version,
                                                     const core::AssessmentInput& input,
                                                     const core::AssessmentResult& result) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  core::Result<std::optional<AssessmentInfo>> replaced =
      WriteRun(*tx_, policy, policy_version, input, result);
  if (!replaced.ok()) {
    core::Error error = replaced.error();
    error.message = "saving the assessment of " + std::to_string(result.year) +
                    " (nothing was written): " + error.message;
    return error;
  }
  // A run that replaces one of the same year leaves the table's shape (rows per year, unit and
  // group) as it was, and SQLite's ANALYZE reads every year's rows (3 s a country year):
  // statistics are refreshed when there are none, and when a year is added to a table whose
  // statistics describe fewer rows than one such year (statistics.h): a second year of the same
  // organizations changes none of the per-year estimates the plans use. They only steer plans:
  // a failure to refresh them does not undo the run.
  core::Result<bool> known = HasStatistics(tx_->db(), "assessment_results");
  core::Result<bool> outgrown =
      replaced.value() ? core::Result<bool>(false)
                       : StatisticsOutgrown(tx_->db(), "assessment_results",
                                            static_cast<std::int64_t>(input.orgs->size()));
  if (!known.ok() || !known.value() || !outgrown.ok() || outgrown.value()) {
    (void)RefreshStatistics(tx_->db(), "assessment_results");
  }
  core::Result<std::optional<AssessmentInfo>> info = Info(result.year);
  if (!info.ok()) return info.error();
  if (!info.value()) return core::Error::Internal("the stored run vanished");
  return std::move(*info.value());
}

}  // namespace grassroots::storage
