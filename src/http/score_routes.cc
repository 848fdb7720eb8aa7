// /scores: one organization's scores, a year's list, single and bulk writes, and the
// committee's grade override. The rules are core's, the CSV import's (core/score_rules.h), and
// only admin sets a committee grade (core/field_access.h).
#include <algorithm>
#include <set>

#include "app/score_entry.h"
#include "app/score_sheet.h"
#include "core/disclosure.h"
#include "core/field_access.h"
#include "core/field_rules.h"
#include "core/score_rules.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/json_writer.h"
#include "http/record_input.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

// `with_reason` false: the committee's reason is null (core/disclosure.h).
nlohmann::json ScoreJson(const core::ScoreRecord& score, bool with_reason = true) {
  nlohmann::json body = {{"code", score.code}, {"year", score.year}};
  for (int d = 0; d < core::kDimensionCount; ++d) {
    body[std::string(core::kDimensionKeys[d])] = score.dimensions[d];
  }
  body["grade"] = score.committee_grade ? nlohmann::json(core::ToString(*score.committee_grade))
                                        : nlohmann::json(nullptr);
  body["reason"] = with_reason ? nlohmann::json(score.reason) : nlohmann::json(nullptr);
  return body;
}

bool MayReadReason(const Call& call) {
  return core::MaySeeCommitteeReason(call.principal.role, call.services.policy.policy);
}

void OrgScores(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code || !RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto scores = app::ScoresOf(call.store, *code);
  if (!scores.ok()) return WriteError(call.res, scores.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& score : scores.value()) items.push_back(ScoreJson(score, MayReadReason(call)));
  WriteJson(call.res, {{"items", items}, {"total", items.size()}});
}

// ?scored: true (the default: organizations with a score of the year), false (those the year
// ranks that have none yet) or all (both: the score entry sheet).
std::optional<storage::SheetRows> SheetRowsParam(Call& call) {
  if (!call.req.has_param("scored")) return storage::SheetRows::kScored;
  const std::string scored = call.req.get_param_value("scored");
  if (scored == "true") return storage::SheetRows::kScored;
  if (scored == "false") return storage::SheetRows::kUnscored;
  if (scored == "all") return storage::SheetRows::kAll;
  WriteError(call.res, 422, "invalid", "scored must be true, false or all", "scored",
             "unknown_value", {{"value", scored.substr(0, 16)}, {"accepted", "true, false, all"}});
  return std::nullopt;
}

// A score sheet row: the organization (code, name, type, unit) and its score of the year, the
// dimensions null and `scored` false when it has none; the committee's reason only
// `with_reason` (core::MaySeeCommitteeReason).
void WriteSheetRow(JsonWriter& out, const storage::ScoreSheetRow& row, int year, bool with_reason) {
  out.BeginObject().Field("code", row.code).Key("year").Int(year);
  for (int d = 0; d < core::kDimensionCount; ++d) {
    out.Key(core::kDimensionKeys[d]);
    row.score ? out.Double(row.score->dimensions[d]) : out.Null();
  }
  const bool graded = row.score && row.score->committee_grade;
  out.Key("grade");
  graded ? out.String(core::ToString(*row.score->committee_grade)) : out.Null();
  out.Key("reason");
  with_reason ? out.String(row.score ? row.score->reason : std::string()) : out.Null();
  out.Field("name", row.name).Field("type", row.type).Field("unit", row.unit);
  out.Key("scored").Bool(row.score.has_value()).EndObject();
}

void ListScores(Call& call) {
  storage::OrgFilter filter;
  if (!PageParams(call.req, filter.offset, filter.limit, call.res)) return;
  const std::string year_text = call.req.get_param_value("year");
  int year = 0;
  try {
    std::size_t used = 0;
    year = std::stoi(year_text, &used);
    if (used != year_text.size()) year = 0;
  } catch (const std::exception&) {
    year = 0;
  }
  if (year < core::kMinYear || year > core::kMaxYear) {
    return WriteError(call.res, 422, "invalid", "year is required (1900..2200)", "year",
                      "year_out_of_range",
                      {{"value", year_text.substr(0, 16)},
                       {"min", std::to_string(core::kMinYear)},
                       {"max", std::to_string(core::kMaxYear)}});
  }
  if (!OrgFilterParams(call.req, filter, call.res)) return;
  const std::optional<storage::SheetRows> which = SheetRowsParam(call);
  if (!which) return;
  ApplyScope(call.principal, filter);
  auto page = app::ScoreSheet(call.store, year, *which, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  JsonWriter out;
  out.BeginObject().Key("items").BeginArray();
  const bool with_reason = MayReadReason(call);
  for (const auto& row : page.value().items) WriteSheetRow(out, row, year, with_reason);
  out.EndArray().Key("total").Int(page.value().total);
  out.Key("offset").Int(filter.offset).Key("limit").Int(filter.limit).EndObject();
  WriteJsonText(call.res, out.Take());
}

void Put(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  app::ScoreEntry entry{{*code, *year, {}, std::nullopt, {}}};
  if (auto errors = ReadScoreEntry(*body, false, entry); !errors.empty()) {
    return WriteFieldErrors(call.res, errors);
  }
  if (!RequireOrg(call, *code, core::OrgAction::kWriteScores)) return;
  auto saved = app::SaveScoreEntry(call.store, call.principal, entry, call.actor);
  if (!saved.ok()) return WriteError(call.res, saved.error());
  WriteJson(call.res, ScoreJson(saved.value().score, MayReadReason(call)),
            saved.value().created ? 201 : 200);
}

// The committee's grade (core::CheckFieldChange: admin only) with its reason, on a stored score.
void OverrideGrade(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::ScoreRecord wanted;
  if (auto errors = ReadCommitteeGrade(*body, wanted); !errors.empty()) {
    return WriteFieldErrors(call.res, errors);
  }
  if (auto may = core::CheckFieldChange(call.principal, core::GuardedField::kCommitteeGrade);
      !may.ok()) {
    return WriteError(call.res, may.error());
  }
  if (!RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto score = app::OverrideCommitteeGrade(call.store, *code, *year, wanted, call.actor);
  if (!score.ok()) return WriteError(call.res, score.error());
  WriteJson(call.res, ScoreJson(score.value()));
}

// Every row of a bulk body, as entries; each problem of a row is added to `errors` under the
// row's 1-based position.
std::vector<app::ScoreEntry> ReadBulkRows(const nlohmann::json& body,
                                          std::vector<core::LineError>& errors) {
  std::vector<app::ScoreEntry> entries(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const int line = static_cast<int>(i + 1);
    if (!body[i].is_object()) {
      errors.push_back({line,
                        "row " + std::to_string(line) + " is not an object",
                        {},
                        "wrong_type",
                        {{"expected", "object"}}});
      continue;
    }
    for (core::Error& e : ReadScoreEntry(body[i], true, entries[i])) {
      errors.push_back({line, std::move(e.message), std::move(e.field), std::move(e.reason),
                        std::move(e.params)});
    }
  }
  return entries;
}

// All rows or none: every bad row is reported (422, "rows"), as an import reports its lines.
void Bulk(Call& call) {
  auto body = ParseBody(call.req, call.res, true);
  if (!body) return;
  std::vector<core::LineError> errors;
  std::vector<app::ScoreEntry> entries = ReadBulkRows(*body, errors);
  std::vector<core::Row<core::ScoreRecord>> rows;
  std::set<std::string> codes;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const int line = static_cast<int>(i + 1);
    if (std::ranges::any_of(errors, [line](const auto& e) { return e.line == line; })) continue;
    codes.insert(entries[i].score.code);
    rows.push_back({line, entries[i].score});
  }
  // Organizations out of the caller's scope are unknown to them, row by row, like codes never
  // used (core/access.h, "Secrecy").
  auto known = SeenOf(call, std::vector<std::string>(codes.begin(), codes.end()));
  if (!known.ok()) return WriteError(call.res, known.error());
  for (core::LineError& error : core::ValidateScores(rows, known.value())) {
    errors.push_back(std::move(error));
  }
  if (!errors.empty()) {
    std::ranges::stable_sort(errors, {}, &core::LineError::line);
    return WriteRowErrors(call.res, errors);
  }
  for (const std::string& code : codes) {
    if (!RequireOrg(call, code, core::OrgAction::kWriteScores)) return;
  }
  auto written = app::SaveScoreEntries(call.store, call.principal, entries, call.actor);
  if (!written.ok()) return WriteError(call.res, written.error());
  WriteJson(call.res, {{"inserted", written.value().inserted},
                       {"updated", written.value().updated},
                       {"unchanged", written.value().unchanged}});
}

}  // namespace

void AddScoreRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/scores",
                    "An organization's scores, every year", true, OrgScores});
  routes.push_back({Method::kGet, "/api/v1/scores",
                    "A year's scores with each organization's name, type and unit, in code order "
                    "(year; scored=true|false|all: with a score, without one, or both; unit, "
                    "type, parent, direct, q, offset, limit)",
                    true, ListScores});
  routes.push_back({Method::kPut, "/api/v1/scores/{code}/{year}",
                    "Set one score: six dimensions 0..100; grade with reason (admin) or neither to "
                    "keep the stored ones",
                    true, Put});
  routes.push_back({Method::kPut, "/api/v1/scores/{code}/{year}/grade",
                    "Committee grade override with a reason (admin)", true, OverrideGrade});
  routes.push_back({Method::kPost, "/api/v1/scores/bulk",
                    "Set many scores, all or none (JSON array)", true, Bulk});
}

}  // namespace grassroots::http
