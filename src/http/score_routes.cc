// /scores: one organization's scores, a year's list, single and bulk writes, and the
// committee's grade override. The rules are the CSV import's: 0..100, a grade needs a reason.
#include <cmath>
#include <set>

#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

nlohmann::json ScoreJson(const core::ScoreRecord& score) {
  nlohmann::json body = {{"code", score.code}, {"year", score.year}};
  for (int d = 0; d < core::kDimensionCount; ++d) {
    body[std::string(core::kDimensionKeys[d])] = score.dimensions[d];
  }
  body["grade"] = score.committee_grade ? nlohmann::json(core::ToString(*score.committee_grade))
                                        : nlohmann::json(nullptr);
  body["reason"] = score.reason;
  return body;
}

// 422 naming the field when a grade or reason is malformed.
bool ParseGrade(const nlohmann::json& body, core::ScoreRecord& score, bool required,
                httplib::Response& res) {
  std::string grade;
  if (!GetString(body, "grade", grade, required, res) ||
      !GetString(body, "reason", score.reason, required, res)) {
    return false;
  }
  if (grade.empty()) {
    score.committee_grade.reset();
    return true;
  }
  score.committee_grade = core::ParseGrade(grade);
  if (!score.committee_grade) {
    WriteError(res, 422, "invalid", "grade must be A, B, C or D", "grade");
    return false;
  }
  if (score.reason.find_first_not_of(" \t") == std::string::npos) {
    WriteError(res, 422, "invalid", "a committee grade needs a reason", "reason");
    return false;
  }
  return true;
}

// The six dimensions (required, 0..100) and the optional grade and reason.
bool ParseDimensions(const nlohmann::json& body, core::ScoreRecord& score, httplib::Response& res) {
  for (int d = 0; d < core::kDimensionCount; ++d) {
    const std::string key(core::kDimensionKeys[d]);
    if (!GetNumber(body, key.c_str(), score.dimensions[d], true, res)) return false;
    if (!std::isfinite(score.dimensions[d]) || score.dimensions[d] < core::kMinScore ||
        score.dimensions[d] > core::kMaxScore) {
      WriteError(res, 422, "invalid", key + " must be from 0 to 100", key);
      return false;
    }
  }
  return ParseGrade(body, score, false, res);
}

const std::initializer_list<std::string_view> kScoreFields = {
    "team", "leader", "venue", "routine", "service", "members", "grade", "reason"};

void OfOrganization(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code || !RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto scores = call.store.ScoresOf(*code);
  if (!scores.ok()) return WriteError(call.res, scores.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& score : scores.value()) items.push_back(ScoreJson(score));
  WriteJson(call.res, {{"items", items}, {"total", items.size()}});
}

void List(Call& call) {
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
  if (year < 1900 || year > 2200) {
    return WriteError(call.res, 422, "invalid", "year is required (1900..2200)", "year");
  }
  if (!OrgFilterParams(call.req, filter, call.res)) return;
  ApplyScope(call.principal, filter);
  auto page = call.store.ListScores(year, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& score : page.value().items) items.push_back(ScoreJson(score));
  WriteJson(call.res, {{"items", items},
                       {"total", page.value().total},
                       {"offset", filter.offset},
                       {"limit", filter.limit}});
}

void Put(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::ScoreRecord score{*code, *year, {}, std::nullopt, {}};
  if (!OnlyFields(*body, kScoreFields, call.res) || !ParseDimensions(*body, score, call.res) ||
      !RequireOrg(call, *code, core::OrgAction::kWriteScores)) {
    return;
  }
  auto created = call.store.SaveScore(score, call.actor);
  if (!created.ok()) return WriteError(call.res, created.error());
  WriteJson(call.res, ScoreJson(score), created.value() ? 201 : 200);
}

void OverrideGrade(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::ScoreRecord wanted;
  if (!OnlyFields(*body, {"grade", "reason"}, call.res) ||
      !ParseGrade(*body, wanted, true, call.res) ||
      !Require(call, core::GlobalAction::kRunAssessment) ||
      !RequireOrg(call, *code, core::OrgAction::kRead)) {
    return;
  }
  auto scores = call.store.ScoresOf(*code);
  if (!scores.ok()) return WriteError(call.res, scores.error());
  for (core::ScoreRecord score : scores.value()) {
    if (score.year != *year) continue;
    score.committee_grade = wanted.committee_grade;
    score.reason = wanted.reason;
    auto saved = call.store.SaveScore(score, call.actor);
    if (!saved.ok()) return WriteError(call.res, saved.error());
    return WriteJson(call.res, ScoreJson(score));
  }
  WriteError(call.res, 404, "not_found", "no score of " + *code + " in this year", "year");
}

// One row of a bulk body; errors name the row index.
bool ParseBulkRow(const nlohmann::json& row, std::size_t index, core::ScoreRecord& score,
                  httplib::Response& res) {
  std::vector<std::string_view> fields(kScoreFields);
  fields.push_back("code");
  fields.push_back("year");
  double year = 0;
  if (!row.is_object()) {
    WriteError(res, 422, "invalid", "row " + std::to_string(index) + " is not an object", "body");
    return false;
  }
  for (auto it = row.begin(); it != row.end(); ++it) {
    if (std::find(fields.begin(), fields.end(), it.key()) == fields.end()) {
      WriteError(res, 422, "invalid", "unknown field " + it.key(), it.key());
      return false;
    }
  }
  if (!GetString(row, "code", score.code, true, res) || !GetNumber(row, "year", year, true, res) ||
      !ParseDimensions(row, score, res)) {
    return false;
  }
  if (year != std::floor(year) || year < 1900 || year > 2200) {
    WriteError(res, 422, "invalid", "year must be a whole number 1900..2200", "year");
    return false;
  }
  score.year = static_cast<int>(year);
  return true;
}

void Bulk(Call& call) {
  auto body = ParseBody(call.req, call.res, true);
  if (!body) return;
  std::vector<core::Row<core::ScoreRecord>> rows;
  std::set<std::string> codes;
  for (std::size_t i = 0; i < body->size(); ++i) {
    core::ScoreRecord score;
    if (!ParseBulkRow((*body)[i], i, score, call.res)) return;
    codes.insert(score.code);
    rows.push_back({static_cast<int>(i + 1), std::move(score)});
  }
  // Organizations out of the caller's scope are unknown to them, row by row, like codes never
  // used (core/access.h, "Secrecy").
  auto known = SeenOf(call, std::vector<std::string>(codes.begin(), codes.end()));
  if (!known.ok()) return WriteError(call.res, known.error());
  if (auto errors = core::ValidateScores(rows, known.value()); !errors.empty()) {
    nlohmann::json details = nlohmann::json::array();
    for (const auto& error : errors) {
      details.push_back({{"line", error.line}, {"message", error.message}});
    }
    return WriteJson(
        call.res,
        {{"error", {{"code", "invalid"}, {"message", "rows are invalid"}}}, {"rows", details}},
        422);
  }
  for (const std::string& code : codes) {
    if (!RequireOrg(call, code, core::OrgAction::kWriteScores)) return;
  }
  std::vector<core::ScoreRecord> scores;
  for (auto& row : rows) scores.push_back(std::move(row.value));
  auto written = call.store.UpsertScores(scores, call.actor);
  if (!written.ok()) return WriteError(call.res, written.error());
  WriteJson(call.res,
            {{"inserted", written.value().inserted}, {"updated", written.value().updated}});
}

}  // namespace

void AddScoreRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/scores",
                    "An organization's scores, every year", true, OfOrganization});
  routes.push_back({Method::kGet, "/api/v1/scores",
                    "A year's scores (year, unit, type, parent, q, offset, limit)", true, List});
  routes.push_back({Method::kPut, "/api/v1/scores/{code}/{year}",
                    "Set one score: six dimensions 0..100, optional grade with reason", true, Put});
  routes.push_back({Method::kPut, "/api/v1/scores/{code}/{year}/grade",
                    "Committee grade override with a reason (admin)", true, OverrideGrade});
  routes.push_back({Method::kPost, "/api/v1/scores/bulk",
                    "Set many scores, all or none (JSON array)", true, Bulk});
}

}  // namespace grassroots::http
