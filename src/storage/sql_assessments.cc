// Manual decisions and stored assessments: the rows an assessment reads and writes,
// aligned with an OrgTable by code.
#include <algorithm>

#include "storage/assessment_rows.h"
#include "storage/audit_chain.h"
#include "storage/code_index.h"
#include "storage/sql_store.h"
#include "storage/statistics.h"

namespace grassroots::storage {
namespace {

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

core::Status InsertPolicy(Database& db, const core::Policy& policy, const std::string& version) {
  core::Result<Statement> stmt = db.Prepare(
      "INSERT INTO policies (version, name, content, created_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (version) DO NOTHING");
  if (!stmt.ok()) return stmt.error();
  const std::string content = core::CanonicalPolicyText(policy);
  const std::string now = core::FormatUtc(db.clock().Now());
  stmt.value().BindText(1, version).BindText(2, policy.name).BindText(3, content).BindText(4, now);
  return stmt.value().Run();
}

}  // namespace

core::Result<std::optional<AssessmentInfo>> ReadAssessmentInfo(Database& db, int year) {
  core::Result<Statement> stmt = db.Prepare(
      "SELECT policy_version, run_at, selected_count, inputs_stored, audit_id, audit_hash"
      " FROM assessments WHERE year = ?");
  if (!stmt.ok()) return stmt.error();
  core::Result<bool> row = stmt.value().BindInt(1, year).Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<AssessmentInfo>();
  const Statement& s = stmt.value();
  AssessmentInfo info;
  info.year = year;
  info.policy_version = s.Text(0);
  info.run_at = s.Text(1);
  info.selected_count = s.Int(2);
  info.inputs_stored = s.Int(3) != 0;
  info.audit_id = s.IsNull(4) ? 0 : s.Int(4);
  info.audit_hash = s.IsNull(5) ? std::string() : std::string(s.Text(5));
  return std::optional<AssessmentInfo>(std::move(info));
}

namespace {

// A year with no stored run: removes whatever rows it holds without one (none, with foreign
// keys on; children first, as the cascade does only then).
core::Status DeleteYear(Database& db, int year) {
  for (std::string_view sql :
       {"DELETE FROM assessment_results WHERE year = ?",
        "DELETE FROM assessment_quotas WHERE year = ?", "DELETE FROM assessments WHERE year = ?"}) {
    core::Result<Statement> stmt = db.Prepare(sql);
    if (!stmt.ok()) return stmt.error();
    if (core::Status status = stmt.value().BindInt(1, year).Run(); !status.ok()) return status;
  }
  return core::Status::Ok();
}

// A run replacing a stored one keeps its header row (deleting it would cascade to the result
// rows ReplaceResultRows keeps) and its quotas go.
core::Status UpdateHeader(Database& db, const AssessmentInfo& info) {
  core::Result<Statement> stmt = db.Prepare(
      "UPDATE assessments SET policy_version = ?, run_at = ?, selected_count = ?,"
      " inputs_stored = 1, audit_id = NULL, audit_hash = NULL WHERE year = ?");
  if (!stmt.ok()) return stmt.error();
  stmt.value()
      .BindText(1, info.policy_version)
      .BindText(2, info.run_at)
      .BindInt(3, info.selected_count)
      .BindInt(4, info.year);
  if (core::Status status = stmt.value().Run(); !status.ok()) return status;
  core::Result<Statement> quotas = db.Prepare("DELETE FROM assessment_quotas WHERE year = ?");
  if (!quotas.ok()) return quotas.error();
  return quotas.value().BindInt(1, info.year).Run();
}

core::Status InsertHeader(Database& db, const AssessmentInfo& info) {
  core::Result<Statement> stmt = db.Prepare(
      "INSERT INTO assessments (year, policy_version, run_at, selected_count, inputs_stored)"
      " VALUES (?, ?, ?, ?, 1)");
  if (!stmt.ok()) return stmt.error();
  stmt.value()
      .BindInt(1, info.year)
      .BindText(2, info.policy_version)
      .BindText(3, info.run_at)
      .BindInt(4, info.selected_count);
  return stmt.value().Run();
}

// The header points at the run's own audit entry, the newest one of this transaction.
core::Status RecordAuditHead(Database& db, int year) {
  core::Result<Statement> stmt = db.Prepare(
      "UPDATE assessments SET (audit_id, audit_hash) ="
      " (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) WHERE year = ?");
  if (!stmt.ok()) return stmt.error();
  return stmt.value().BindInt(1, year).Run();
}

core::Status InsertQuotas(Database& db, const core::OrgTable& orgs,
                          const core::AssessmentResult& result) {
  core::Result<Statement> insert = db.Prepare(
      "INSERT INTO assessment_quotas (year, unit_code, type, count, ratio_ppm, quota,"
      " cut_cents, taken) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.error();
  Statement& stmt = insert.value();
  for (const core::QuotaGroup& group : result.quotas) {
    stmt.BindInt(1, result.year)
        .BindText(2, orgs.unit_codes[group.unit])
        .BindText(3, core::ToString(group.type))
        .BindInt(4, group.count)
        .BindInt(5, group.ratio_ppm)
        .BindInt(6, group.quota)
        .BindInt(8, group.taken);
    group.cut_cents >= 0 ? stmt.BindInt(7, group.cut_cents) : stmt.BindNull(7);
    if (core::Status status = stmt.Run(); !status.ok()) return status;
  }
  return core::Status::Ok();
}

std::string HeaderJson(const AssessmentInfo& info) {
  return "{\"policy_version\":" + JsonQuote(info.policy_version) +
         ",\"selected_count\":" + std::to_string(info.selected_count) + "}";
}

}  // namespace

core::Result<std::vector<core::ManualDecision>> SqlStore::LoadManualDecisions(
    int year, const core::OrgTable& orgs) {
  using Decisions = std::vector<core::ManualDecision>;
  return Guarded("loading manual decisions", [&]() -> core::Result<Decisions> {
    core::Result<Statement> stmt = db_.Prepare(
        "SELECT org_code, include, reason FROM manual_decisions WHERE year = ?"
        " ORDER BY org_code");
    if (!stmt.ok()) return stmt.error();
    stmt.value().BindInt(1, year);
    Decisions decisions;
    core::Status status =
        ForEachOrgRow(stmt.value(), orgs, [&](std::uint32_t org, const Statement& s) {
          decisions.push_back({org, s.Int(1) != 0, std::string(s.Text(2))});
          return core::Status::Ok();
        });
    if (!status.ok()) return status.error();
    return decisions;
  });
}

core::Result<std::optional<std::vector<std::uint8_t>>> SqlStore::LoadSelection(
    int year, const core::OrgTable& orgs) {
  using Selection = std::optional<std::vector<std::uint8_t>>;
  return Guarded("loading a stored selection", [&]() -> core::Result<Selection> {
    core::Result<Transaction> snapshot = Transaction::BeginRead(db_);
    if (!snapshot.ok()) return snapshot.error();
    core::Result<std::optional<AssessmentInfo>> info = ReadAssessmentInfo(db_, year);
    if (!info.ok()) return info.error();
    if (!info.value()) return Selection();
    core::Result<Statement> stmt = db_.Prepare(
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
  });
}

core::Result<std::optional<AssessmentInfo>> SqlStore::LoadAssessmentInfo(int year) {
  return Guarded("loading an assessment", [&] { return ReadAssessmentInfo(db_, year); });
}

core::Status SqlStore::SaveAssessment(const core::Policy& policy, const std::string& policy_version,
                                      const core::AssessmentInput& input,
                                      const core::AssessmentResult& result, const Actor& actor) {
  return Guarded("saving an assessment", [&]() -> core::Status {
    core::Result<bool> replaced = WriteAssessment(policy, policy_version, input, result, actor);
    if (!replaced.ok()) {
      return WithContext(
          replaced.error(),
          "saving the assessment of " + std::to_string(result.year) + " (nothing was written)");
    }
    // A run that replaces one of the same year leaves the table's shape (rows per year, unit
    // and group) as it was, and SQLite's ANALYZE reads every year's rows (3 s a country year):
    // statistics are refreshed when there are none, and when a year is added to a table whose
    // statistics describe fewer rows than one such year (statistics.h): a second year of the
    // same organizations changes none of the per-year estimates the plans use.
    core::Result<bool> known = HasStatistics(db_, "assessment_results");
    core::Result<bool> outgrown =
        replaced.value() ? core::Result<bool>(false)
                         : StatisticsOutgrown(db_, "assessment_results",
                                              static_cast<std::int64_t>(input.orgs->size()));
    if (!known.ok() || !known.value() || !outgrown.ok() || outgrown.value()) {
      (void)RefreshStatistics(db_, "assessment_results");  // the result stands either way
    }
    return core::Status::Ok();
  });
}

core::Result<bool> SqlStore::WriteAssessment(const core::Policy& policy,
                                             const std::string& policy_version,
                                             const core::AssessmentInput& input,
                                             const core::AssessmentResult& result,
                                             const Actor& actor) {
  if (core::Status status = CheckSizes(input, result); !status.ok()) return status.error();
  const core::OrgTable& orgs = *input.orgs;
  if (policy_version.empty()) return core::Error::Invalid("the policy has no version");
  core::Result<Transaction> txn = Transaction::Begin(db_);
  if (!txn.ok()) return txn.error();
  if (core::Status status = InsertPolicy(db_, policy, policy_version); !status.ok()) {
    return status.error();
  }
  core::Result<std::optional<AssessmentInfo>> previous = ReadAssessmentInfo(db_, result.year);
  if (!previous.ok()) return previous.error();

  AssessmentInfo info;
  info.year = result.year;
  info.policy_version = policy_version;
  info.run_at = core::FormatUtc(db_.clock().Now());
  info.selected_count = static_cast<std::int64_t>(result.SelectedCount());
  if (previous.value()) {
    if (core::Status status = UpdateHeader(db_, info); !status.ok()) return status.error();
    if (core::Status status = ReplaceResultRows(db_, input, result); !status.ok()) {
      return status.error();
    }
  } else {
    if (core::Status status = DeleteYear(db_, result.year); !status.ok()) return status.error();
    if (core::Status status = InsertHeader(db_, info); !status.ok()) return status.error();
    if (core::Status status = InsertResultRows(db_, input, result); !status.ok()) {
      return status.error();
    }
  }
  if (core::Status status = InsertQuotas(db_, orgs, result); !status.ok()) return status.error();

  AuditEntry entry;
  entry.at = info.run_at;
  entry.actor = actor.name;
  entry.origin = actor.origin;
  entry.action = previous.value() ? "assessment.rerun" : "assessment.run";
  entry.entity = "assessment/" + std::to_string(result.year);
  if (previous.value()) entry.before_json = HeaderJson(*previous.value());
  entry.after_json = HeaderJson(info);
  entry.checkpoint = entry.entity;  // a list people act on: its head is worth keeping
  if (core::Status status = AppendAudit(db_, std::move(entry)); !status.ok()) return status.error();
  if (core::Status status = RecordAuditHead(db_, result.year); !status.ok()) return status.error();
  if (core::Status status = txn.value().Commit(); !status.ok()) return status.error();
  return previous.value().has_value();
}

}  // namespace grassroots::storage
