// The monthly spot check (每月一抽查, issue 13): draw a month (admin), list and read draws,
// verify a draw, record and list findings, open a rectification item from a finding. Handlers
// read the request and map the answer; the use cases are app/spot_check_service.h's (scope
// included: a drawn organization or finding out of scope is answered as one never drawn).
// A malformed month in the path is 400 naming "month".
#include "app/spot_check_service.h"
#include "app/spot_finding_evidence.h"
#include "core/evidence.h"
#include "core/periods.h"
#include "core/rectification_item_rules.h"
#include "http/call_params.h"
#include "http/errors.h"
#include "http/file_transfer.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/route_clock.h"
#include "http/spot_check_json.h"

namespace grassroots::http {
namespace {

// The path's month, "YYYY-MM"; 400 naming "month" otherwise.
std::optional<std::string> PathMonth(Call& call) {
  const std::string text = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  core::Result<core::DayRange> month = core::ParseMonth("month", text);
  if (!month.ok()) {
    WriteError(call.res, 400, "bad_request", month.error().message, "month", month.error().reason,
               month.error().params);
    return std::nullopt;
  }
  return text;
}

nlohmann::ordered_json FindingEvidenceJson(const storage::EvidenceRecord& e) {
  return {{"id", e.id},     {"file_name", e.file_name},     {"content_type", e.content_type},
          {"size", e.size}, {"uploaded_by", e.uploaded_by}, {"uploaded_at", e.uploaded_at}};
}

// Each finding of `findings` (FindingToJson's) with "evidence": its files.
bool WithEvidence(Call& call, const std::vector<storage::FindingRecord>& findings,
                  nlohmann::ordered_json& items) {
  auto files = app::EvidenceOfFindings(call.store, findings);
  if (!files.ok()) {
    WriteError(call.res, files.error());
    return false;
  }
  for (nlohmann::ordered_json& item : items) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& e : files.value()[item["id"].get<std::int64_t>()]) {
      list.push_back(FindingEvidenceJson(e));
    }
    item["evidence"] = std::move(list);
  }
  return true;
}

void ListSpotChecks(Call& call) {
  auto list = app::ListSpotChecks(call.store);
  if (!list.ok()) return WriteError(call.res, list.error());
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const storage::SpotCheckRecord& check : list.value()) {
    items.push_back(SpotCheckHeaderToJson(check));
  }
  // Whether the caller may draw a month (core::MayRunSpotCheck): the page shows the button by it.
  WriteJsonText(call.res, nlohmann::ordered_json{{"items", std::move(items)},
                                                 {"can_run", core::MayRunSpotCheck(call.principal)}}
                              .dump());
}

void RunSpotCheck(Call& call) {
  auto month = PathMonth(call);
  if (!month) return;
  std::optional<std::uint64_t> seed;
  if (!call.req.body.empty()) {
    auto body = ParseBody(call.req, call.res);
    if (!body || !OnlyFields(*body, {"seed"}, call.res)) return;
    if (body->contains("seed") && !(*body)["seed"].is_null()) {
      const nlohmann::json& given = (*body)["seed"];
      const std::string text = given.is_string() ? given.get<std::string>()
                               : given.is_number_unsigned()
                                   ? std::to_string(given.get<std::uint64_t>())
                                   : std::string("?");
      core::Result<std::uint64_t> parsed = core::ParseSeed("seed", text);
      if (!parsed.ok()) return WriteError(call.res, parsed.error());
      seed = parsed.value();
    }
  }
  auto view = app::RunSpotCheck(call.store, call.principal, *month, seed,
                                call.services.policy.policy, call.actor);
  if (!view.ok()) return WriteError(call.res, view.error());
  WriteJsonText(call.res, SpotCheckToJson(view.value()).dump(), 201);
}

void Get(Call& call) {
  auto month = PathMonth(call);
  if (!month) return;
  auto view = app::GetSpotCheck(call.store, call.principal, *month);
  if (!view.ok()) return WriteError(call.res, view.error());
  nlohmann::ordered_json body = SpotCheckToJson(view.value());
  if (!WithEvidence(call, view.value().findings, body["findings"])) return;
  WriteJsonText(call.res, body.dump());
}

void VerifySpotCheck(Call& call) {
  auto month = PathMonth(call);
  if (!month) return;
  auto verified = app::VerifySpotCheck(call.store, call.principal, *month);
  if (!verified.ok()) return WriteError(call.res, verified.error());
  WriteJsonText(call.res, SpotVerificationToJson(verified.value()).dump());
}

void Findings(Call& call) {
  auto month = PathMonth(call);
  if (!month) return;
  auto findings = app::ListFindings(call.store, call.principal, *month);
  if (!findings.ok()) return WriteError(call.res, findings.error());
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const storage::FindingRecord& f : findings.value()) items.push_back(FindingToJson(f));
  if (!WithEvidence(call, findings.value(), items)) return;
  WriteJsonText(call.res, nlohmann::ordered_json{{"items", std::move(items)}}.dump());
}

void AddFinding(Call& call) {
  auto month = PathMonth(call);
  if (!month) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  app::NewFinding finding;
  if (!OnlyFields(*body, {"org_code", "outcome", "note", "checked_on"}, call.res) ||
      !GetString(*body, "org_code", finding.org_code, true, call.res) ||
      !GetString(*body, "outcome", finding.outcome, true, call.res) ||
      !GetString(*body, "note", finding.note, false, call.res) ||
      !GetString(*body, "checked_on", finding.checked_on, false, call.res)) {
    return;
  }
  auto added = app::RecordFinding(call.store, call.principal, *month, finding, call.actor, Now());
  if (!added.ok()) return WriteError(call.res, added.error());
  nlohmann::ordered_json answer = FindingToJson(added.value());
  answer["evidence"] = nlohmann::ordered_json::array();
  WriteJsonText(call.res, answer.dump(), 201);
}

void OpenItem(Call& call) {
  auto found = PathId(call, "spot_finding_not_found", "spot check finding");
  if (!found) return;
  const std::int64_t id = *found;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  app::NewItem item;
  if (!OnlyFields(*body, {"measure", "responsible", "responsible_user", "support_role", "deadline"},
                  call.res) ||
      !GetString(*body, "measure", item.measure, true, call.res) ||
      !GetString(*body, "responsible", item.responsible, true, call.res) ||
      !GetString(*body, "responsible_user", item.responsible_user, false, call.res) ||
      !GetString(*body, "support_role", item.support_role, false, call.res) ||
      !GetString(*body, "deadline", item.deadline, true, call.res)) {
    return;
  }
  if (std::vector<core::Error> errors = core::CheckItemFields(item); !errors.empty()) {
    return WriteFieldErrors(call.res, errors);
  }
  auto opened = app::OpenItemFromFinding(call.store, call.principal, id, item, call.actor, Now());
  if (!opened.ok()) return WriteError(call.res, opened.error());
  const storage::ItemRecord& i = opened.value().item;
  WriteJson(call.res,
            {{"id", i.id},
             {"plan_id", i.plan_id},
             {"org_code", i.org_code},
             {"year", i.year},
             {"measure", i.measure},
             {"responsible", i.responsible},
             {"deadline", i.deadline},
             {"state", i.state},
             {"finding_id", id}},
            201);
}

void UploadFindingEvidence(Call& call) {
  auto id = PathId(call, "spot_finding_not_found", "spot check finding");
  if (!id) return;
  const std::optional<httplib::MultipartFormData> file = UploadedFile(call.req, call.res);
  if (!file) return;
  auto added = app::AddFindingEvidence(call.store, call.principal, *id, file->filename,
                                       file->content, call.actor);
  if (!added.ok()) return WriteError(call.res, added.error());
  WriteJsonText(call.res, FindingEvidenceJson(added.value()).dump(), 201);
}

void ListFindingEvidence(Call& call) {
  auto id = PathId(call, "spot_finding_not_found", "spot check finding");
  if (!id) return;
  auto files = app::FindingEvidence(call.store, call.principal, *id);
  if (!files.ok()) return WriteError(call.res, files.error());
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const storage::EvidenceRecord& e : files.value()) items.push_back(FindingEvidenceJson(e));
  WriteJsonText(call.res, nlohmann::ordered_json{{"items", std::move(items)}}.dump());
}

void DownloadFindingEvidence(Call& call) {
  auto id = PathId(call, "finding_evidence_not_found", "finding evidence");
  if (!id) return;
  auto file = app::FindingEvidenceFileOf(call.store, call.principal, *id);
  if (!file.ok()) return WriteError(call.res, file.error());
  const storage::EvidenceRecord& e = file.value().evidence;
  // The name the client gave is offered only in the JSON list, never in a header.
  SendFile(call.res, std::move(file.value().bytes), e.content_type,
           core::IsInlineEvidenceType(e.content_type), "finding-evidence-" + std::to_string(e.id));
}

}  // namespace

void AddSpotCheckRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/spot-checks",
                    "The months drawn by the monthly spot check (每月一抽查), newest first, with "
                    "their seed, its source and the audit head it was drawn at, and can_run "
                    "(whether the caller may draw a month)",
                    true, ListSpotChecks});
  routes.push_back({Method::kPost, "/api/v1/spot-checks/{month}",
                    "Draw the month's spot check (admin; once a month, a second run is 409 "
                    "spot_check_exists): {\"seed\"} optional, else derived from the month and "
                    "the audit chain's head",
                    true, RunSpotCheck});
  routes.push_back({Method::kGet, "/api/v1/spot-checks/{month}",
                    "A month's draw: the drawn organizations in the caller's scope, in order, with "
                    "type, under-rectification mark and generator number, and their findings",
                    true, Get});
  routes.push_back({Method::kGet, "/api/v1/spot-checks/{month}/verify",
                    "Draw the month again from the stored seed and today's data: identical, or the "
                    "first difference (seed, digest, candidates, draw)",
                    true, VerifySpotCheck});
  routes.push_back({Method::kGet, "/api/v1/spot-checks/{month}/findings",
                    "The findings of a month's spot check in the caller's scope", true, Findings});
  routes.push_back({Method::kPost, "/api/v1/spot-checks/{month}/findings",
                    "Record a finding against a drawn organization (admin, or its unit admin): "
                    "{org_code, outcome: fine|problem_found, note, checked_on}",
                    true, AddFinding});
  routes.push_back({Method::kPost, "/api/v1/spot-check-findings/{id}/item",
                    "Open a rectification item on the organization's plan of that year from a "
                    "finding with a problem: {measure, responsible, responsible_user, "
                    "support_role, deadline}",
                    true, OpenItem});
  routes.push_back({Method::kPost, "/api/v1/spot-check-findings/{id}/evidence",
                    "Add an evidence file to a finding (admin, or the organization's unit admin): "
                    "multipart/form-data with one field \"file\" (a photo, PDF or Office "
                    "document, at most 20 MiB; its bytes decide its type)",
                    true, UploadFindingEvidence});
  routes.push_back({Method::kGet, "/api/v1/spot-check-findings/{id}/evidence",
                    "A finding's evidence files, oldest first", true, ListFindingEvidence});
  routes.push_back({Method::kGet, "/api/v1/spot-check-finding-evidence/{id}",
                    "Download a finding's evidence file (images inline, others as attachments)",
                    true, DownloadFindingEvidence});
}

}  // namespace grassroots::http
