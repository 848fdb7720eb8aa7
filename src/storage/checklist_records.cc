#include "storage/checklist_records.h"

#include <map>

#include "core/clock.h"
#include "storage/audit_chain.h"
#include "storage/audited_rows.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kAnswerColumns =
    "a.id, a.org_code, a.year, a.checklist, a.item, a.state, a.note, a.updated_by, a.updated_at,"
    " (SELECT COUNT(*) FROM checklist_evidence e WHERE e.answer_id = a.id)";

AnswerRow ReadAnswer(const Statement& s) {
  AnswerRow row;
  row.id = s.Int(0);
  row.org_code = TextOrEmpty(s, 1);
  row.year = static_cast<int>(s.Int(2));
  row.checklist = TextOrEmpty(s, 3);
  row.item = TextOrEmpty(s, 4);
  row.state = TextOrEmpty(s, 5);
  row.note = TextOrEmpty(s, 6);
  row.updated_by = TextOrEmpty(s, 7);
  row.updated_at = TextOrEmpty(s, 8);
  row.evidence = s.Int(9);
  return row;
}

constexpr std::string_view kApplicationColumns =
    "id, org_code, year, dimension, checklist, checklist_name, met, applicable, score_cents,"
    " mapping, items, applied_by, applied_at";

ApplicationRow ReadApplication(const Statement& s) {
  ApplicationRow row;
  row.id = s.Int(0);
  row.org_code = TextOrEmpty(s, 1);
  row.year = static_cast<int>(s.Int(2));
  row.dimension = TextOrEmpty(s, 3);
  row.checklist = TextOrEmpty(s, 4);
  row.checklist_name = TextOrEmpty(s, 5);
  row.met = static_cast<int>(s.Int(6));
  row.applicable = static_cast<int>(s.Int(7));
  row.score_cents = static_cast<std::int32_t>(s.Int(8));
  row.mapping = TextOrEmpty(s, 9);
  row.items_json = TextOrEmpty(s, 10);
  row.applied_by = TextOrEmpty(s, 11);
  row.applied_at = TextOrEmpty(s, 12);
  return row;
}

// {"ITEM":{"state":..,"note":..},...} of `answers`, for the audit entry.
std::string AnswersJson(const std::map<std::string, std::pair<std::string, std::string>>& answers) {
  std::string out = "{";
  for (const auto& [item, value] : answers) {
    if (out.size() > 1) out += ",";
    out += JsonQuote(item) + ":" +
           JsonObject({{"state", JsonQuote(value.first)}, {"note", JsonQuote(value.second)}});
  }
  return out + "}";
}

}  // namespace

core::Result<std::vector<AnswerRow>> ChecklistRecords::Answers(const std::string& code, int year) {
  return QueryAll<AnswerRow>(tx_->db(),
                             "SELECT " + std::string(kAnswerColumns) +
                                 " FROM checklist_answers a WHERE a.org_code = ? AND a.year = ?"
                                 " ORDER BY a.checklist, a.item",
                             {code, std::int64_t{year}}, ReadAnswer);
}

core::Result<std::optional<AnswerRow>> ChecklistRecords::Answer(std::int64_t id) {
  return QueryOne<AnswerRow>(
      tx_->db(),
      "SELECT " + std::string(kAnswerColumns) + " FROM checklist_answers a WHERE a.id = ?", {id},
      ReadAnswer);
}

core::Status ChecklistRecords::SaveAnswers(const std::string& code, int year,
                                           const std::string& checklist,
                                           const std::vector<core::ItemAnswer>& answers) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  const std::string at = core::FormatUtc(tx_->db().clock().Now());
  auto stored = QueryAll<AnswerRow>(tx_->db(),
                                    "SELECT " + std::string(kAnswerColumns) +
                                        " FROM checklist_answers a WHERE a.org_code = ? AND"
                                        " a.year = ? AND a.checklist = ?",
                                    {code, std::int64_t{year}, checklist}, ReadAnswer);
  if (!stored.ok()) return stored.error();
  std::map<std::string, std::pair<std::string, std::string>> before, after;
  for (const AnswerRow& row : stored.value()) before[row.item] = {row.state, row.note};
  after = before;
  for (const core::ItemAnswer& answer : answers) {
    const std::string state(core::ToString(answer.state));
    after[answer.item] = {state, answer.note};
    if (core::Status s = Execute(
            tx_->db(),
            "INSERT INTO checklist_answers (org_code, year, checklist, item, state, note,"
            " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (org_code, year, checklist, item) DO UPDATE SET state = excluded.state,"
            " note = excluded.note, updated_by = excluded.updated_by,"
            " updated_at = excluded.updated_at",
            {code, std::int64_t{year}, checklist, answer.item, state, answer.note,
             tx_->actor().name, at});
        !s.ok()) {
      return s;
    }
  }
  const std::string entity = "checklist:" + code + ":" + std::to_string(year) + ":" + checklist;
  return tx_->Audit("checklist.answer", entity,
                    before.empty() ? std::nullopt : std::optional(AnswersJson(before)),
                    AnswersJson(after));
}

core::Result<std::optional<core::ScoreRecord>> ChecklistRecords::Score(const std::string& code,
                                                                       int year) {
  return QueryOne<core::ScoreRecord>(
      tx_->db(),
      "SELECT " + std::string(kScoreColumns) + " FROM scores s WHERE s.org_code = ? AND s.year = ?",
      {code, std::int64_t{year}}, ReadScore);
}

core::Result<std::optional<core::Organization>> ChecklistRecords::Organization(
    const std::string& code) {
  return QueryOne<core::Organization>(
      tx_->db(), "SELECT " + std::string(kOrgColumns) + " FROM organizations o WHERE o.code = ?",
      {code}, [](const Statement& s) { return ReadOrg(s, 0); });
}

core::Status ChecklistRecords::ReplaceScore(const core::ScoreRecord& before,
                                            const core::ScoreRecord& after) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  std::vector<SqlParam> params;
  for (double d : after.dimensions) params.emplace_back(d);
  params.emplace_back(after.code);
  params.emplace_back(std::int64_t{after.year});
  if (core::Status s = Execute(tx_->db(),
                               "UPDATE scores SET team = ?, leader = ?, venue = ?, routine = ?,"
                               " service = ?, members = ? WHERE org_code = ? AND year = ?",
                               params);
      !s.ok()) {
    return s;
  }
  return tx_->Audit("score.save", ScoreEntity(after.code, after.year), ScoreJson(before),
                    ScoreJson(after));
}

core::Result<ApplicationRow> ChecklistRecords::AddApplication(ApplicationRow a) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  a.applied_by = tx_->actor().name;
  a.applied_at = core::FormatUtc(tx_->db().clock().Now());
  core::Result<std::optional<std::int64_t>> id = QueryOne<std::int64_t>(
      tx_->db(),
      "INSERT INTO checklist_applications (org_code, year, dimension, checklist, checklist_name,"
      " met, applicable, score_cents, mapping, items, applied_by, applied_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.org_code, std::int64_t{a.year}, a.dimension, a.checklist, a.checklist_name,
       std::int64_t{a.met}, std::int64_t{a.applicable}, std::int64_t{a.score_cents}, a.mapping,
       a.items_json, a.applied_by, a.applied_at},
      [](const Statement& s) { return s.Int(0); });
  if (!id.ok()) return id.error();
  if (!id.value()) return core::Error::Internal("an insert answered no id");
  const std::int64_t new_id = *id.value();
  const std::string after = JsonObject({{"id", std::to_string(new_id)},
                                        {"org_code", JsonQuote(a.org_code)},
                                        {"year", std::to_string(a.year)},
                                        {"dimension", JsonQuote(a.dimension)},
                                        {"checklist", JsonQuote(a.checklist)},
                                        {"met", std::to_string(a.met)},
                                        {"applicable", std::to_string(a.applicable)},
                                        {"score_cents", std::to_string(a.score_cents)},
                                        {"mapping", JsonQuote(a.mapping)},
                                        {"items", a.items_json},
                                        {"applied_at", JsonQuote(a.applied_at)}});
  if (core::Status s =
          tx_->Audit("checklist.apply", "checklist_application:" + std::to_string(new_id),
                     std::nullopt, after);
      !s.ok()) {
    return s.error();
  }
  a.id = new_id;
  return a;
}

core::Result<std::vector<ApplicationRow>> ChecklistRecords::Applications(const std::string& code,
                                                                         int year) {
  return QueryAll<ApplicationRow>(tx_->db(),
                                  "SELECT " + std::string(kApplicationColumns) +
                                      " FROM checklist_applications WHERE org_code = ? AND"
                                      " year = ? ORDER BY id DESC",
                                  {code, std::int64_t{year}}, ReadApplication);
}

}  // namespace grassroots::storage
