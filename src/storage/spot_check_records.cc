#include "storage/spot_check_records.h"

#include "core/clock.h"
#include "core/spot_check_rules.h"
#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kCheckColumns =
    "SELECT month, seed, seed_source, audit_head, ratio_ppm, min_selected, assessment_year,"
    " candidate_count, candidates_digest, run_by, run_at FROM spot_checks";

constexpr std::string_view kFindingColumns =
    "SELECT f.id, f.month, f.org_code, COALESCE(o.name, ''), f.outcome, f.note, f.checked_on,"
    " f.item_id, f.recorded_by, f.recorded_at FROM spot_check_findings f"
    " LEFT JOIN organizations o ON o.code = f.org_code";

SpotCheckRecord ReadCheck(const Statement& s) {
  SpotCheckRecord r;
  r.month = s.Text(0);
  if (core::Result<std::uint64_t> seed = core::ParseSeed("seed", s.Text(1)); seed.ok()) {
    r.seed = seed.value();
  }
  r.seed_source = s.Text(2);
  r.audit_head = s.Text(3);
  r.ratio_ppm = s.Int(4);
  r.min_selected = static_cast<int>(s.Int(5));
  if (!s.IsNull(6)) r.assessment_year = static_cast<int>(s.Int(6));
  r.candidate_count = s.Int(7);
  r.candidates_digest = s.Text(8);
  r.run_by = s.Text(9);
  r.run_at = s.Text(10);
  return r;
}

FindingRecord ReadFinding(const Statement& s) {
  FindingRecord f;
  f.id = s.Int(0);
  f.month = s.Text(1);
  f.org_code = s.Text(2);
  f.org_name = s.Text(3);
  f.outcome = s.Text(4);
  f.note = s.Text(5);
  f.checked_on = s.Text(6);
  if (!s.IsNull(7)) f.item_id = s.Int(7);
  f.recorded_by = s.Text(8);
  f.recorded_at = s.Text(9);
  return f;
}

std::string FindingJson(const FindingRecord& f) {
  return JsonObject({{"id", std::to_string(f.id)},
                     {"month", JsonQuote(f.month)},
                     {"org", JsonQuote(f.org_code)},
                     {"outcome", JsonQuote(f.outcome)},
                     {"note", JsonQuote(f.note)},
                     {"checked_on", JsonQuote(f.checked_on)},
                     {"item", f.item_id ? std::to_string(*f.item_id) : std::string("null")}});
}

std::string CheckJson(const SpotCheckRecord& r, const core::SpotDraw& draw) {
  std::string drawn = "[";
  for (const std::string& code : draw.codes) {
    if (drawn.size() > 1) drawn += ',';
    drawn += JsonQuote(code);
  }
  drawn += ']';
  return JsonObject({{"month", JsonQuote(r.month)},
                     {"seed", JsonQuote(std::to_string(r.seed))},
                     {"seed_source", JsonQuote(r.seed_source)},
                     {"audit_head", JsonQuote(r.audit_head)},
                     {"ratio_ppm", std::to_string(r.ratio_ppm)},
                     {"min_selected", std::to_string(r.min_selected)},
                     {"candidates", std::to_string(r.candidate_count)},
                     {"candidates_digest", JsonQuote(r.candidates_digest)},
                     {"drawn", drawn}});
}

core::Status InsertCandidates(Database& db, const std::string& month,
                              const std::vector<core::SpotCandidate>& candidates) {
  core::Result<Statement> insert = db.Prepare(
      "INSERT INTO spot_check_candidates (month, org_code, type, under_rectification,"
      " drawn_last_month) VALUES (?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.error();
  Statement& stmt = insert.value();
  for (const core::SpotCandidate& c : candidates) {
    const std::string type(core::ToString(c.type));
    stmt.BindText(1, month).BindText(2, c.code).BindText(3, type);
    stmt.BindInt(4, c.under_rectification ? 1 : 0).BindInt(5, c.drawn_last_month ? 1 : 0);
    if (core::Status s = stmt.Run(); !s.ok()) return s;
  }
  return core::Status::Ok();
}

core::Status InsertDraw(Database& db, const std::string& month, const core::SpotDraw& draw) {
  core::Result<Statement> insert =
      db.Prepare("INSERT INTO spot_check_draws (month, seq, org_code, number) VALUES (?, ?, ?, ?)");
  if (!insert.ok()) return insert.error();
  Statement& stmt = insert.value();
  for (std::size_t i = 0; i < draw.codes.size(); ++i) {
    stmt.BindText(1, month).BindInt(2, static_cast<std::int64_t>(i + 1));
    stmt.BindText(3, draw.codes[i]).BindInt(4, draw.numbers[i]);
    if (core::Status s = stmt.Run(); !s.ok()) return s;
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<std::optional<SpotCheckRecord>> SpotCheckRecords::Get(const std::string& month) {
  return QueryOne<SpotCheckRecord>(tx_.db(), std::string(kCheckColumns) + " WHERE month = ?",
                                   {month}, ReadCheck);
}

core::Result<std::vector<SpotCheckRecord>> SpotCheckRecords::List() {
  return QueryAll<SpotCheckRecord>(tx_.db(), std::string(kCheckColumns) + " ORDER BY month DESC",
                                   {}, ReadCheck);
}

core::Result<std::vector<core::SpotCandidate>> SpotCheckRecords::Candidates(
    const std::string& month) {
  return QueryAll<core::SpotCandidate>(
      tx_.db(),
      "SELECT org_code, type, under_rectification, drawn_last_month FROM spot_check_candidates"
      " WHERE month = ? ORDER BY org_code",
      {month}, [](const Statement& s) {
        core::SpotCandidate c;
        c.code = s.Text(0);
        c.type = core::ParseOrgType(s.Text(1)).value_or(core::OrgType::kVillage);
        c.under_rectification = s.Int(2) != 0;
        c.drawn_last_month = s.Int(3) != 0;
        return c;
      });
}

core::Result<std::vector<DrawnRecord>> SpotCheckRecords::Drawn(const std::string& month) {
  return QueryAll<DrawnRecord>(
      tx_.db(),
      "SELECT d.seq, d.org_code, d.number, c.type, COALESCE(o.name, ''),"
      " COALESCE(o.unit_code, ''), c.under_rectification FROM spot_check_draws d"
      " JOIN spot_check_candidates c ON c.month = d.month AND c.org_code = d.org_code"
      " LEFT JOIN organizations o ON o.code = d.org_code WHERE d.month = ? ORDER BY d.seq",
      {month}, [](const Statement& s) {
        DrawnRecord d;
        d.seq = static_cast<int>(s.Int(0));
        d.org_code = s.Text(1);
        d.number = static_cast<std::uint32_t>(s.Int(2));
        d.type = s.Text(3);
        d.org_name = s.Text(4);
        d.unit = s.Text(5);
        d.under_rectification = s.Int(6) != 0;
        return d;
      });
}

core::Result<std::vector<std::string>> SpotCheckRecords::DrawnCodes(const std::string& month) {
  return QueryAll<std::string>(tx_.db(),
                               "SELECT org_code FROM spot_check_draws WHERE month = ?"
                               " ORDER BY org_code",
                               {month}, [](const Statement& s) { return std::string(s.Text(0)); });
}

core::Result<CandidateFacts> SpotCheckRecords::LiveCandidateFacts(const std::string& first_day,
                                                                  int year) {
  CandidateFacts facts;
  auto orgs = QueryAll<CandidateFacts::Org>(
      tx_.db(),
      "SELECT code, type FROM organizations WHERE ended_on IS NULL OR ended_on >= ?"
      " ORDER BY code",
      {first_day}, [](const Statement& s) {
        return CandidateFacts::Org{std::string(s.Text(0)),
                                   core::ParseOrgType(s.Text(1)).value_or(core::OrgType::kVillage)};
      });
  if (!orgs.ok()) return orgs.error();
  facts.orgs = std::move(orgs).value();
  // 0 when no assessment of the year or before is stored (years start at 1900).
  core::Result<std::int64_t> newest =
      QueryCount(tx_.db(), "SELECT COALESCE(MAX(year), 0) FROM assessments WHERE year <= ?",
                 {std::int64_t{year}});
  if (!newest.ok()) return newest.error();
  if (newest.value() == 0) return facts;
  const std::int64_t assessed = newest.value();
  facts.assessment_year = static_cast<int>(assessed);
  auto selected = QueryAll<std::string>(
      tx_.db(),
      "SELECT org_code FROM assessment_results WHERE year = ? AND selected = 1 ORDER BY org_code",
      {assessed}, [](const Statement& s) { return std::string(s.Text(0)); });
  if (!selected.ok()) return selected.error();
  facts.selected = std::move(selected).value();
  auto plans = QueryAll<std::pair<std::string, core::PlanProgress>>(
      tx_.db(),
      "SELECT p.org_code, COUNT(i.id), COALESCE(SUM(CASE WHEN i.state = 'closed' THEN 1 ELSE 0"
      " END), 0) FROM rectification_plans p LEFT JOIN rectification_items i ON i.plan_id = p.id"
      " WHERE p.year = ? GROUP BY p.org_code",
      {assessed}, [](const Statement& s) {
        core::PlanProgress progress;
        progress.items = static_cast<int>(s.Int(1));
        progress.closed = static_cast<int>(s.Int(2));
        return std::make_pair(std::string(s.Text(0)), progress);
      });
  if (!plans.ok()) return plans.error();
  for (auto& [code, progress] : plans.value()) facts.plans.emplace(code, progress);
  return facts;
}

core::Status SpotCheckRecords::Create(const SpotCheckRecord& record,
                                      const std::vector<core::SpotCandidate>& candidates,
                                      const core::SpotDraw& draw) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  core::Result<std::optional<SpotCheckRecord>> existing = Get(record.month);
  if (!existing.ok()) return existing.error();
  if (existing.value()) {
    return core::Error::Conflict("the spot check of " + record.month + " was drawn already (" +
                                     existing.value()->run_at + "); it is drawn once a month",
                                 "month")
        .With("spot_check_exists", {{"month", record.month}});
  }
  Database& db = tx_.db();
  if (core::Status s = Execute(
          db,
          "INSERT INTO spot_checks (month, seed, seed_source, audit_head, ratio_ppm,"
          " min_selected, assessment_year, candidate_count, candidates_digest, run_by, run_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {record.month, std::to_string(record.seed), record.seed_source, record.audit_head,
           record.ratio_ppm, std::int64_t{record.min_selected},
           record.assessment_year ? SqlParam(std::int64_t{*record.assessment_year})
                                  : SqlParam(std::monostate()),
           record.candidate_count, record.candidates_digest, record.run_by, record.run_at});
      !s.ok()) {
    return s;
  }
  if (core::Status s = InsertCandidates(db, record.month, candidates); !s.ok()) return s;
  if (core::Status s = InsertDraw(db, record.month, draw); !s.ok()) return s;
  return tx_.Audit("spotcheck.run", "spotcheck:" + record.month, std::nullopt,
                   CheckJson(record, draw));
}

core::Result<FindingRecord> SpotCheckRecords::AddFinding(FindingRecord finding) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  finding.recorded_by = tx_.actor().name;
  finding.recorded_at = core::FormatUtc(db.clock().Now());
  if (core::Status s = Execute(db,
                               "INSERT INTO spot_check_findings (month, org_code, outcome, note,"
                               " checked_on, item_id, recorded_by, recorded_at)"
                               " VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
                               {finding.month, finding.org_code, finding.outcome, finding.note,
                                finding.checked_on, finding.recorded_by, finding.recorded_at});
      !s.ok()) {
    return s.error();
  }
  // The shared SQL has no RETURNING; a write transaction holds the backend's write lock, so the
  // largest id is the row just inserted.
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM spot_check_findings");
  if (!id.ok()) return id.error();
  finding.id = id.value();
  if (core::Status s = tx_.Audit("spotfinding.create", "spotfinding:" + std::to_string(finding.id),
                                 std::nullopt, FindingJson(finding));
      !s.ok()) {
    return s.error();
  }
  return finding;
}

core::Status SpotCheckRecords::LinkItem(const FindingRecord& before, std::int64_t item_id) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  if (core::Status s = Execute(tx_.db(), "UPDATE spot_check_findings SET item_id = ? WHERE id = ?",
                               {item_id, before.id});
      !s.ok()) {
    return s;
  }
  FindingRecord after = before;
  after.item_id = item_id;
  return tx_.Audit("spotfinding.item", "spotfinding:" + std::to_string(before.id),
                   FindingJson(before), FindingJson(after));
}

core::Result<std::optional<FindingRecord>> SpotCheckRecords::Finding(std::int64_t id) {
  return QueryOne<FindingRecord>(tx_.db(), std::string(kFindingColumns) + " WHERE f.id = ?", {id},
                                 ReadFinding);
}

core::Result<std::vector<FindingRecord>> SpotCheckRecords::Findings(const std::string& month) {
  return QueryAll<FindingRecord>(
      tx_.db(), std::string(kFindingColumns) + " WHERE f.month = ? ORDER BY f.org_code, f.id",
      {month}, ReadFinding);
}

core::Result<std::vector<FindingRecord>> SpotCheckRecords::FindingsBetween(
    const std::string& first, const std::string& last) {
  return QueryAll<FindingRecord>(tx_.db(),
                                 std::string(kFindingColumns) +
                                     " WHERE f.checked_on >= ? AND f.checked_on <= ?"
                                     " ORDER BY f.checked_on, f.id",
                                 {first, last}, ReadFinding);
}

core::Result<std::vector<FindingRecord>> SpotCheckRecords::ProblemsOf(const std::string& org_code) {
  return QueryAll<FindingRecord>(tx_.db(),
                                 std::string(kFindingColumns) +
                                     " WHERE f.org_code = ? AND f.outcome = 'problem_found'"
                                     " ORDER BY f.checked_on DESC, f.id DESC",
                                 {org_code}, ReadFinding);
}

}  // namespace grassroots::storage
