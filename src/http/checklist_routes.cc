// Checklists (issue 14, standards): the definitions read from the TOML file beside the policy,
// an organization's checklists of a year with their answers and evidence, applying them to the
// year's score, and where each dimension of a score came from. Reading follows the
// organization's read scope; filling, adding evidence and applying take OrgAction::kWriteScores
// (a checklist is the assessors' input, like a score: admin, and a unit_admin for its unit's
// organizations). Out of scope is answered as a code never used. The rules are
// core/checklist.h's, applied by app/checklist_service.
#include "app/checklist_service.h"
#include "app/organization_records.h"
#include "core/checklist.h"
#include "core/field_rules.h"
#include "core/text.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/file_transfer.h"
#include "http/json_input.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

using nlohmann::json;

const core::ChecklistSet& Set(const Call& call) { return call.services.checklists.set; }

json FeedsJson(const core::Checklist& c) {
  return c.feeds ? json(core::kDimensionKeys[static_cast<int>(*c.feeds)]) : json(nullptr);
}

json DefinitionJson(const core::Checklist& c) {
  json types = json::array();
  for (core::OrgType type : c.types) types.push_back(core::ToString(type));
  json items = json::array();
  for (const core::ChecklistItem& item : c.items) {
    items.push_back({{"key", item.key}, {"text", item.text}});
  }
  return {{"id", c.id},
          {"name", c.name},
          {"types", std::move(types)},
          {"feeds", FeedsJson(c)},
          {"items", std::move(items)}};
}

json ScoreErrorJson(const core::Error& e) {
  json params = json::object();
  for (const auto& [name, value] : e.params) params[name] = value;
  return {{"reason", e.reason}, {"params", std::move(params)}, {"message", e.message}};
}

json ApplicationJson(const storage::ApplicationRow& a) {
  json items = json::parse(a.items_json, nullptr, false);
  return {{"id", a.id},
          {"dimension", a.dimension},
          {"checklist", a.checklist},
          {"checklist_name", a.checklist_name},
          {"met", a.met},
          {"applicable", a.applicable},
          {"score", a.score_cents / 100.0},
          {"mapping", a.mapping},
          {"items", items.is_discarded() ? json::array() : items},
          {"applied_by", a.applied_by},
          {"applied_at", a.applied_at}};
}

// Whether the caller may fill and apply `code`'s checklists (core::MayAccessOrganization).
core::Result<bool> MayFill(Call& call, const std::string& code) {
  auto ancestry = app::AncestryOf(call.store, code);
  if (!ancestry.ok()) return ancestry.error();
  return !ancestry.value().empty() && core::MayAccessOrganization(call.principal, ancestry.value(),
                                                                  core::OrgAction::kWriteScores);
}

void WriteOrgChecklists(Call& call, const std::string& code, int year) {
  auto found = app::ChecklistsOf(call.store, Set(call), code, year);
  if (!found.ok()) return WriteError(call.res, found.error());
  auto may_fill = MayFill(call, code);
  if (!may_fill.ok()) return WriteError(call.res, may_fill.error());
  json checklists = json::array();
  for (const app::ChecklistView& view : found.value().checklists) {
    json body = DefinitionJson(*view.checklist);
    json answers = json::object();
    for (const storage::AnswerRow& a : view.answers) {
      answers[a.item] = {{"state", a.state},
                         {"note", a.note},
                         {"evidence", a.evidence},
                         {"updated_by", a.updated_by},
                         {"updated_at", a.updated_at}};
    }
    body["answers"] = std::move(answers);
    if (view.score) {
      body["score"] = {{"met", view.score->met},
                       {"applicable", view.score->applicable},
                       {"score", view.score->Score()}};
    } else {
      body["score"] = nullptr;
    }
    body["score_error"] = view.score_error ? ScoreErrorJson(*view.score_error) : json(nullptr);
    checklists.push_back(std::move(body));
  }
  const core::Organization& org = found.value().org;
  WriteJson(call.res, {{"org_code", org.code},
                       {"org_name", org.name},
                       {"type", core::ToString(org.type)},
                       {"year", year},
                       {"mapping", core::kChecklistMapping},
                       {"checklists", std::move(checklists)},
                       {"can", {{"fill", may_fill.value()}, {"apply", may_fill.value()}}}});
}

void Definitions(Call& call) {
  json checklists = json::array();
  for (const core::Checklist& c : Set(call).checklists) checklists.push_back(DefinitionJson(c));
  WriteJson(call.res, {{"name", Set(call).name},
                       {"source", call.services.checklists.source},
                       {"mapping", core::kChecklistMapping},
                       {"checklists", std::move(checklists)}});
}

void ChecklistsOfOrganization(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  if (!RequireOrg(call, *code, core::OrgAction::kRead)) return;
  WriteOrgChecklists(call, *code, *year);
}

// {"items":[{"item","state","note"}...]} into answers; false after writing a 422.
bool ReadAnswers(Call& call, const json& body, std::vector<core::ItemAnswer>& answers) {
  if (!OnlyFields(body, {"items"}, call.res)) return false;
  if (!body.contains("items") || !body["items"].is_array()) {
    WriteError(call.res, FieldError("items", "items must be a list of {item, state, note}",
                                    body.contains("items") ? "wrong_type" : "required",
                                    body.contains("items") ? core::Params{{"expected", "array"}}
                                                           : core::Params{}));
    return false;
  }
  for (std::size_t i = 0; i < body["items"].size(); ++i) {
    const json& row = body["items"][i];
    const std::string at = "items[" + std::to_string(i) + "]";
    if (!row.is_object()) {
      WriteError(call.res,
                 FieldError(at, at + " must be an object", "wrong_type", {{"expected", "object"}}));
      return false;
    }
    core::ItemAnswer answer;
    std::string state;
    if (!OnlyFields(row, {"item", "state", "note"}, call.res) ||
        !GetString(row, "item", answer.item, true, call.res) ||
        !GetString(row, "state", state, true, call.res) ||
        !GetString(row, "note", answer.note, false, call.res)) {
      return false;
    }
    auto parsed = core::ParseAnswerState(state);
    if (!parsed) {
      WriteError(call.res, core::VocabularyError(at + ".state", state, core::kAnswerStateNames));
      return false;
    }
    answer.state = *parsed;
    answers.push_back(std::move(answer));
  }
  return true;
}

void Fill(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  const std::string checklist = call.req.matches[3].str();
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  std::vector<core::ItemAnswer> answers;
  if (!ReadAnswers(call, *body, answers)) return;
  if (!RequireOrg(call, *code, core::OrgAction::kWriteScores)) return;
  core::Status saved =
      app::SaveAnswers(call.store, Set(call), *code, *year, checklist, answers, call.actor);
  if (!saved.ok()) return WriteError(call.res, saved.error());
  WriteOrgChecklists(call, *code, *year);
}

void Apply(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  if (!RequireOrg(call, *code, core::OrgAction::kWriteScores)) return;
  auto applied =
      app::ApplyToScores(call.store, Set(call), call.principal, *code, *year, call.actor);
  if (!applied.ok()) return WriteError(call.res, applied.error());
  json items = json::array();
  for (const storage::ApplicationRow& a : applied.value()) items.push_back(ApplicationJson(a));
  WriteJson(call.res, {{"org_code", *code}, {"year", *year}, {"applied", std::move(items)}});
}

void Sources(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  if (!RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto sources = app::ScoreSources(call.store, *code, *year);
  if (!sources.ok()) return WriteError(call.res, sources.error());
  json items = json::array();
  for (const app::DimensionSource& s : sources.value()) {
    items.push_back(
        {{"dimension", s.dimension},
         {"current", s.current ? json(*s.current) : json(nullptr)},
         {"from_checklist", s.current_from_application},
         {"application", s.application ? ApplicationJson(*s.application) : json(nullptr)}});
  }
  WriteJson(call.res, {{"org_code", *code}, {"year", *year}, {"dimensions", std::move(items)}});
}

json EvidenceFileJson(const storage::EvidenceRecord& e) {
  return {{"id", e.id},     {"file_name", e.file_name},     {"content_type", e.content_type},
          {"size", e.size}, {"uploaded_by", e.uploaded_by}, {"uploaded_at", e.uploaded_at}};
}

// The answer the path names ({code}/checklists/{year}/{checklist}/{item}) after `action` was
// allowed; 404 checklist_answer_not_found when that item has no answer yet.
std::optional<storage::AnswerRow> PathAnswer(Call& call, core::OrgAction action) {
  auto code = PathCode(call.req, call.res);
  if (!code) return std::nullopt;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return std::nullopt;
  if (!RequireOrg(call, *code, action)) return std::nullopt;
  const std::string checklist = call.req.matches[3].str();
  const std::string item = call.req.matches[4].str();
  auto answer = app::AnswerAt(call.store, *code, *year, checklist, item);
  if (!answer.ok()) {
    WriteError(call.res, answer.error());
    return std::nullopt;
  }
  if (!answer.value()) {
    const std::string shown = core::Excerpt(item, core::kMaxChecklistKeyLength);
    WriteError(call.res, 404, "not_found", "item " + shown + " has no answer yet; answer it first",
               "item", "checklist_answer_not_found", {{"item", shown}});
    return std::nullopt;
  }
  return answer.value();
}

void ListChecklistEvidence(Call& call) {
  auto answer = PathAnswer(call, core::OrgAction::kRead);
  if (!answer) return;
  auto files = app::AnswerEvidence(call.store, answer->id);
  if (!files.ok()) return WriteError(call.res, files.error());
  json items = json::array();
  for (const auto& f : files.value()) items.push_back(EvidenceFileJson(f));
  const std::size_t total = items.size();
  WriteJson(call.res, {{"items", std::move(items)}, {"total", total}});
}

void UploadChecklistEvidence(Call& call) {
  auto answer = PathAnswer(call, core::OrgAction::kWriteScores);
  if (!answer) return;
  const std::optional<httplib::MultipartFormData> file =
      UploadedFile(call.req, call.res, "one evidence file");
  if (!file) return;
  auto added =
      app::AddAnswerEvidence(call.store, *answer, file->filename, file->content, call.actor);
  if (!added.ok()) return WriteError(call.res, added.error());
  WriteJson(call.res, EvidenceFileJson(added.value()), 201);
}

void DownloadChecklistEvidence(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  if (!RequireOrg(call, *code, core::OrgAction::kRead)) return;
  const std::string text = call.req.matches.size() > 2 ? call.req.matches[2].str() : "";
  const std::string shown = text.substr(0, 20);
  const bool digits = !text.empty() && text.size() <= 18 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  std::optional<app::AnswerFile> found;
  if (digits) {
    auto file = app::AnswerFileOf(call.store, std::stoll(text));
    if (!file.ok()) return WriteError(call.res, file.error());
    found = std::move(file).value();
  }
  if (!found || found->org_code != *code) {
    return WriteError(call.res, 404, "not_found", "no evidence file with id " + shown, "id",
                      "checklist_evidence_not_found", {{"id", shown}});
  }
  SendFile(call.res, std::move(found->bytes), found->file.content_type, false,
           "evidence-" + std::to_string(found->file.id), found->file.file_name);
}

}  // namespace

void AddChecklistRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/checklists",
                    "The checklists of the file beside the policy: each with its items, the "
                    "organization types that fill it and the dimension it feeds, and the mapping",
                    true, Definitions});
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/checklists/{year}",
                    "An organization's checklists of a year: the items, each answer (met, not_met, "
                    "not_applicable, note, evidence count), the score a feeding checklist gives "
                    "now, and what the caller may do (can)",
                    true, ChecklistsOfOrganization});
  routes.push_back({Method::kPost, "/api/v1/organizations/{code}/checklists/{year}/apply",
                    "Apply the year's feeding checklists to the organization's stored score: each "
                    "fed dimension = met / applicable x 100, written as a score write and recorded "
                    "as applied (all or nothing; every item answered; a score must exist)",
                    true, Apply});
  routes.push_back({Method::kPut, "/api/v1/organizations/{code}/checklists/{year}/{checklist}",
                    "Answer items of a checklist: {items: [{item, state: met|not_met|"
                    "not_applicable, note}]}; the answers given replace those items' answers",
                    true, Fill});
  routes.push_back({Method::kGet,
                    "/api/v1/organizations/{code}/checklists/{year}/{checklist}/{item}/evidence",
                    "An answered item's evidence files", true, ListChecklistEvidence});
  routes.push_back(
      {Method::kPost, "/api/v1/organizations/{code}/checklists/{year}/{checklist}/{item}/evidence",
       "Add an evidence file to an answered item: multipart/form-data with one field \"file\"",
       true, UploadChecklistEvidence});
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/checklist-evidence/{id}",
                    "The bytes of one of the organization's checklist evidence files", true,
                    DownloadChecklistEvidence});
  routes.push_back({Method::kGet, "/api/v1/scores/{code}/{year}/sources",
                    "Where each dimension of a score came from: the newest checklist applied to "
                    "it as stored then (items, met, applicable, mapping, who and when) and "
                    "whether the stored score still holds that value",
                    true, Sources});
}

}  // namespace grassroots::http
