// The server's view of stored assessments (issue 3): the years assessed, a year's rows
// filtered like the organization list, the policies, and the committee's manual decisions,
// each saved or deleted with an audit entry.
#include "storage/audit_chain.h"
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

std::string DecisionJson(int year, const StoredManualDecision& d) {
  return JsonObject({{"year", std::to_string(year)},
                     {"code", JsonQuote(d.code)},
                     {"include", d.include ? "true" : "false"},
                     {"reason", JsonQuote(d.reason)},
                     {"decided_by", JsonQuote(d.decided_by)},
                     {"decided_at", JsonQuote(d.decided_at)}});
}

StoredManualDecision ReadDecision(const Statement& s) {
  return {std::string(s.Text(0)), s.Int(1) != 0, std::string(s.Text(2)), std::string(s.Text(3)),
          std::string(s.Text(4))};
}

AssessmentRow ReadAssessmentRow(const Statement& s) {
  AssessmentRow row;
  row.code = s.Text(0);
  row.type = s.Text(1);
  row.unit = s.Text(2);
  if (!s.IsNull(3)) row.score_cents = static_cast<std::int32_t>(s.Int(3));
  if (!s.IsNull(4)) row.grade = std::string(s.Text(4));
  if (!s.IsNull(5)) row.rank = static_cast<std::int32_t>(s.Int(5));
  row.selected = s.Int(6) != 0;
  row.reasons = static_cast<std::uint8_t>(s.Int(7));
  row.consecutive = s.Int(8) != 0;
  row.name = s.Text(9);
  if (!s.IsNull(10)) {
    row.manual = HandDecision{s.Int(10) != 0, std::string(s.Text(11)), std::string(s.Text(12))};
  }
  return row;
}

core::Result<std::optional<StoredManualDecision>> FindDecision(Database& db, int year,
                                                               const std::string& code) {
  return QueryOne<StoredManualDecision>(
      db,
      "SELECT org_code, include, reason, decided_by, decided_at FROM manual_decisions"
      " WHERE year = ? AND org_code = ?",
      {std::int64_t{year}, code}, ReadDecision);
}

core::Status WriteDecision(Database& db, int year, const StoredManualDecision& d) {
  return Execute(db,
                 "INSERT INTO manual_decisions (year, org_code, include, reason, decided_by,"
                 " decided_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, org_code) DO UPDATE"
                 " SET include = excluded.include, reason = excluded.reason,"
                 " decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                 {std::int64_t{year}, d.code, std::int64_t{d.include ? 1 : 0}, d.reason,
                  d.decided_by, d.decided_at});
}

}  // namespace

// --- Assessments ---

core::Result<std::vector<AssessmentInfo>> SqlStore::ListAssessments() {
  return Guarded("listing assessments", [&] {
    return QueryAll<AssessmentInfo>(
        db_,
        "SELECT year, policy_version, run_at, selected_count, inputs_stored, audit_id, audit_hash"
        " FROM assessments ORDER BY year",
        {}, [](const Statement& s) {
          AssessmentInfo info;
          info.year = static_cast<int>(s.Int(0));
          info.policy_version = s.Text(1);
          info.run_at = s.Text(2);
          info.selected_count = s.Int(3);
          info.inputs_stored = s.Int(4) != 0;
          info.audit_id = s.IsNull(5) ? 0 : s.Int(5);
          if (!s.IsNull(6)) info.audit_hash = s.Text(6);
          return info;
        });
  });
}

core::Result<Page<AssessmentRow>> SqlStore::LoadAssessmentRows(int year, const OrgFilter& filter) {
  return Guarded("listing assessment rows", [&]() -> core::Result<Page<AssessmentRow>> {
    std::string where = "r.year = ?";
    std::vector<SqlParam> params = {std::int64_t{year}};
    if (!filter.grade.empty()) {
      where += " AND r.grade = ?";
      params.emplace_back(filter.grade);
    }
    if (filter.selected) {
      where += " AND r.selected = ?";
      params.emplace_back(std::int64_t{*filter.selected ? 1 : 0});
    }
    // Unit and type are the result's own copy (as they were when assessed), so counting by
    // those needs no join; the others (parent, search, scope) join today's organizations, and a
    // page joins them for the names (and the hand decisions, one key lookup a row).
    const FilteredQuery query{
        "assessment_results r JOIN organizations o ON o.code = r.org_code"
        " LEFT JOIN manual_decisions m ON m.year = r.year AND m.org_code = r.org_code",
        "r.org_code, r.type, r.unit_code, r.score_cents, r.grade, r.rank_in_type, r.selected,"
        " r.reasons, r.consecutive, o.name, m.include, m.reason, m.decided_by",
        where,
        params,
        filter.ranked ? std::string(kResultRankOrder) : std::string("r.org_code"),
        "assessment_results r",
        true,
        "r.unit_code",
        "r.type"};
    return ListPage<AssessmentRow>(db_, query, filter, ReadAssessmentRow);
  });
}

core::Result<std::vector<StoredManualDecision>> SqlStore::ListManualDecisions(int year) {
  return Guarded("listing manual decisions", [&] {
    return QueryAll<StoredManualDecision>(
        db_,
        "SELECT org_code, include, reason, decided_by, decided_at FROM manual_decisions"
        " WHERE year = ? ORDER BY org_code",
        {std::int64_t{year}}, ReadDecision);
  });
}

core::Status SqlStore::SaveManualDecision(int year, const StoredManualDecision& wanted,
                                          const Actor& actor) {
  const std::string entity = "manual:" + wanted.code + ":" + std::to_string(year);
  return Guarded("saving " + entity, [&]() -> core::Status {
    if (wanted.reason.empty()) return core::Error::Invalid("a reason is required", "reason");
    StoredManualDecision decision = wanted;
    if (decision.decided_at.empty()) decision.decided_at = core::FormatUtc(db_.clock().Now());
    core::Result<bool> created = AuditedWrite<StoredManualDecision>(
        db_, actor, {"assessment.manual", "assessment.manual", entity},
        [&] { return FindDecision(db_, year, decision.code); },
        [&] { return WriteDecision(db_, year, decision); },
        [&](const StoredManualDecision& d) { return DecisionJson(year, d); },
        DecisionJson(year, decision));
    if (!created.ok()) return created.error();
    return core::Status::Ok();
  });
}

core::Status SqlStore::DeleteManualDecision(int year, const std::string& code, const Actor& actor) {
  const std::string entity = "manual:" + code + ":" + std::to_string(year);
  return Guarded("deleting " + entity, [&]() -> core::Status {
    core::Result<Transaction> txn = Transaction::Begin(db_);
    if (!txn.ok()) return txn.error();
    core::Result<std::optional<StoredManualDecision>> before = FindDecision(db_, year, code);
    if (!before.ok()) return before.error();
    if (!before.value()) return core::Error::NotFound("no manual decision for " + code, "code");
    if (core::Status s =
            Execute(db_, "DELETE FROM manual_decisions WHERE year = ? AND org_code = ?",
                    {std::int64_t{year}, code});
        !s.ok()) {
      return s;
    }
    AuditEntry entry = NewEntry(actor, "assessment.manual.delete", entity);
    entry.before_json = DecisionJson(year, *before.value());
    if (core::Status s = AppendAudit(db_, std::move(entry)); !s.ok()) return s;
    return txn.value().Commit();
  });
}

core::Result<std::vector<PolicyInfo>> SqlStore::ListPolicies() {
  return Guarded("listing policies", [&] {
    return QueryAll<PolicyInfo>(
        db_, "SELECT version, name, content, created_at FROM policies ORDER BY created_at, version",
        {}, [](const Statement& s) {
          return PolicyInfo{std::string(s.Text(0)), std::string(s.Text(1)), std::string(s.Text(2)),
                            std::string(s.Text(3))};
        });
  });
}

}  // namespace grassroots::storage
