// Rectification plans, problems, items, their steps and evidence, and the caller's own items
// (issue 12; the shapes of API12's part C). Handlers read the request and map the answer; the
// use cases are app/rectification_service.h's, the rules core's.
#include <cctype>
#include <charconv>

#include "app/rectification_service.h"
#include "core/evidence.h"
#include "core/field_rules.h"
#include "http/access.h"
#include "http/call_params.h"
#include "http/errors.h"
#include "http/file_transfer.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/route_clock.h"
#include "http/text_or_null.h"

namespace grassroots::http {
namespace {

nlohmann::json ItemJson(const app::ItemView& view) {
  const storage::ItemRecord& i = view.item;
  return {{"id", i.id},
          {"plan_id", i.plan_id},
          {"problem_id", i.problem_id ? nlohmann::json(*i.problem_id) : nlohmann::json(nullptr)},
          {"org_code", i.org_code},
          {"org_name", i.org_name},
          {"year", i.year},
          {"measure", i.measure},
          {"responsible", i.responsible},
          {"responsible_user", TextOrNull(i.responsible_user)},
          {"support_role", i.support_role},
          {"deadline", i.deadline},
          {"state", i.state},
          {"overdue_days", view.overdue_days},
          {"evidence_count", i.evidence_count},
          {"submitted_by", TextOrNull(i.submitted_by_name)},
          {"closed_on", TextOrNull(i.closed_on)},
          {"can",
           {{"start", view.can.start},
            {"submit", view.can.submit},
            {"reject", view.can.reject},
            {"close", view.can.close},
            {"upload", view.can.upload}}}};
}

nlohmann::json EvidenceJson(const storage::EvidenceRecord& e) {
  return {{"id", e.id},
          {"file_name", e.file_name},
          {"content_type", e.content_type},
          {"size", e.size},
          {"sha256", e.sha256},
          {"uploaded_by", e.uploaded_by},
          {"uploaded_at", e.uploaded_at}};
}

nlohmann::json PlanJson(const app::PlanView& view) {
  const storage::PlanRecord& p = view.plan;
  nlohmann::json problems = nlohmann::json::array();
  for (const storage::ProblemRecord& problem : view.problems) {
    problems.push_back({{"id", problem.id},
                        {"dimension", problem.dimension},
                        {"description", problem.description},
                        {"proposed", problem.proposed}});
  }
  nlohmann::json items = nlohmann::json::array();
  for (const app::ItemView& item : view.items) items.push_back(ItemJson(item));
  return {{"id", p.id},
          {"year", p.year},
          {"org_code", p.org_code},
          {"org_name", p.org_name},
          {"unit", p.unit},
          {"type", p.type},
          {"created_at", p.created_at},
          {"outcome", TextOrNull(p.outcome)},
          {"outcome_reason", p.outcome_reason},
          {"finished", view.finished},
          {"problems", problems},
          {"items", items},
          {"can", {{"add_item", view.can_add_item}, {"set_outcome", view.can_set_outcome}}}};
}

void CreatePlans(Call& call) {
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  double year = 0;
  if (!OnlyFields(*body, {"year"}, call.res) || !GetNumber(*body, "year", year, true, call.res)) {
    return;
  }
  if (core::Status s = core::CheckYear("year", static_cast<long long>(year));
      !s.ok() || year != static_cast<double>(static_cast<long long>(year))) {
    return WriteError(
        call.res,
        s.ok() ? core::Error::Invalid("year must be a whole year", "year").With("invalid_year")
               : s.error());
  }
  auto created = app::CreatePlans(call.store, call.principal, static_cast<int>(year), call.actor);
  if (!created.ok()) return WriteError(call.res, created.error());
  WriteJson(call.res,
            {{"created", created.value().created}, {"existing", created.value().existing}});
}

void ListPlans(Call& call) {
  app::PlanListFilter filter;
  storage::OrgFilter& org = filter.query.org;
  if (!PageParams(call.req, org.offset, org.limit, call.res)) return;
  auto year = QueryText(call.req, "year", call.res);
  auto unit = QueryText(call.req, "unit", call.res);
  auto type = QueryText(call.req, "type", call.res);
  auto state = QueryText(call.req, "state", call.res);
  auto q = QueryText(call.req, "q", call.res);
  if (!year || !unit || !type || !state || !q) return;
  if (!year->empty()) {
    int value = 0;
    const auto [end, ec] = std::from_chars(year->data(), year->data() + year->size(), value);
    if (ec != std::errc() || end != year->data() + year->size() || !core::IsValidYear(value)) {
      return WriteError(call.res, 422, "invalid", "year must be a year", "year", "invalid_year",
                        {{"value", *year}});
    }
    filter.query.year = value;
  }
  if (*state == "finished" || *state == "active") {
    filter.query.finished = *state == "finished";
  } else if (!state->empty()) {
    return WriteError(call.res, 422, "invalid", "state must be active or finished", "state",
                      "unknown_value", {{"value", *state}, {"accepted", "active, finished"}});
  }
  org.unit = *unit;
  org.type = *type;
  org.query = *q;
  ApplyScope(call.principal, org);
  auto page = app::ListPlans(call.store, call.principal, filter, Now());
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  for (const app::PlanSummary& s : page.value().items) {
    items.push_back({{"id", s.plan.id},
                     {"year", s.plan.year},
                     {"org_code", s.plan.org_code},
                     {"org_name", s.plan.org_name},
                     {"unit", s.plan.unit},
                     {"type", s.plan.type},
                     {"items_total", s.progress.items},
                     {"items_closed", s.progress.closed},
                     {"items_overdue", s.progress.overdue},
                     {"finished", s.progress.finished()},
                     {"outcome", TextOrNull(s.plan.outcome)}});
  }
  WriteJson(call.res, {{"items", items}, {"total", page.value().total}});
}

void GetPlan(Call& call) {
  auto id = PathId(call, "plan_not_found", "plan");
  if (!id) return;
  auto plan = app::GetPlan(call.store, call.principal, *id, Now());
  if (!plan.ok()) return WriteError(call.res, plan.error());
  WriteJson(call.res, PlanJson(plan.value()));
}

void AddProblem(Call& call) {
  auto id = PathId(call, "plan_not_found", "plan");
  if (!id) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  app::NewProblem problem;
  if (!OnlyFields(*body, {"dimension", "description"}, call.res) ||
      !GetString(*body, "dimension", problem.dimension, true, call.res) ||
      !GetString(*body, "description", problem.description, true, call.res)) {
    return;
  }
  auto added = app::AddProblem(call.store, call.principal, *id, problem, call.actor);
  if (!added.ok()) return WriteError(call.res, added.error());
  const storage::ProblemRecord& p = added.value();
  WriteJson(call.res,
            {{"id", p.id},
             {"dimension", p.dimension},
             {"description", p.description},
             {"proposed", p.proposed}},
            201);
}

void AddItem(Call& call) {
  auto id = PathId(call, "plan_not_found", "plan");
  if (!id) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  app::NewItem item;
  if (!OnlyFields(
          *body,
          {"problem_id", "measure", "responsible", "responsible_user", "support_role", "deadline"},
          call.res) ||
      !GetString(*body, "measure", item.measure, true, call.res) ||
      !GetString(*body, "responsible", item.responsible, true, call.res) ||
      !GetString(*body, "responsible_user", item.responsible_user, false, call.res) ||
      !GetString(*body, "support_role", item.support_role, false, call.res) ||
      !GetString(*body, "deadline", item.deadline, true, call.res)) {
    return;
  }
  if (body->contains("problem_id") && !(*body)["problem_id"].is_null()) {
    const nlohmann::json& problem = (*body)["problem_id"];
    if (!problem.is_number_integer()) {
      return WriteError(call.res, 422, "invalid", "problem_id must be a whole number", "problem_id",
                        "wrong_type", {{"expected", "number"}});
    }
    item.problem_id = problem.get<std::int64_t>();
  }
  if (std::vector<core::Error> errors = core::CheckItemFields(item); !errors.empty()) {
    return WriteFieldErrors(call.res, errors);
  }
  auto added = app::AddItem(call.store, call.principal, *id, item, call.actor, Now());
  if (!added.ok()) return WriteError(call.res, added.error());
  WriteJson(call.res, ItemJson(added.value()), 201);
}

void SetOutcome(Call& call) {
  auto id = PathId(call, "plan_not_found", "plan");
  if (!id) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  std::string outcome, reason;
  if (!OnlyFields(*body, {"outcome", "reason"}, call.res) ||
      !GetString(*body, "outcome", outcome, true, call.res) ||
      !GetString(*body, "reason", reason, true, call.res)) {
    return;
  }
  auto plan = app::SetOutcome(call.store, call.principal, *id, outcome, reason, call.actor, Now());
  if (!plan.ok()) return WriteError(call.res, plan.error());
  WriteJson(call.res, PlanJson(plan.value()));
}

void GetItem(Call& call) {
  auto id = PathId(call, "item_not_found", "item");
  if (!id) return;
  auto detail = app::GetItem(call.store, call.principal, *id, Now());
  if (!detail.ok()) return WriteError(call.res, detail.error());
  nlohmann::json body = ItemJson(detail.value().view);
  nlohmann::json steps = nlohmann::json::array();
  for (const storage::StepRecord& s : detail.value().steps) {
    steps.push_back({{"step", s.step},
                     {"from_state", s.from_state},
                     {"to_state", s.to_state},
                     {"reason", s.reason},
                     {"actor", s.actor},
                     {"at", s.at}});
  }
  nlohmann::json evidence = nlohmann::json::array();
  for (const storage::EvidenceRecord& e : detail.value().evidence) {
    evidence.push_back(EvidenceJson(e));
  }
  body["steps"] = steps;
  body["evidence"] = evidence;
  WriteJson(call.res, body);
}

void TakeStep(Call& call) {
  auto id = PathId(call, "item_not_found", "item");
  if (!id) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  std::string step, reason;
  if (!OnlyFields(*body, {"step", "reason"}, call.res) ||
      !GetString(*body, "step", step, true, call.res) ||
      !GetString(*body, "reason", reason, false, call.res)) {
    return;
  }
  const std::optional<core::ItemStep> parsed = core::ParseItemStep(step);
  if (!parsed) {
    return WriteError(call.res, 422, "invalid", "step must be start, submit, reject or close",
                      "step", "unknown_value",
                      {{"value", step}, {"accepted", "start, submit, reject, close"}});
  }
  auto item = app::TakeStep(call.store, call.principal, *id, *parsed, reason, call.actor, Now());
  if (!item.ok()) return WriteError(call.res, item.error());
  WriteJson(call.res, ItemJson(item.value()));
}

void UploadItemEvidence(Call& call) {
  auto id = PathId(call, "item_not_found", "item");
  if (!id) return;
  const std::optional<httplib::MultipartFormData> file = UploadedFile(call.req, call.res);
  if (!file) return;
  auto added =
      app::AddEvidence(call.store, call.principal, *id, file->filename, file->content, call.actor);
  if (!added.ok()) return WriteError(call.res, added.error());
  WriteJson(call.res, EvidenceJson(added.value()), 201);
}

void DownloadItemEvidence(Call& call) {
  auto id = PathId(call, "evidence_not_found", "evidence");
  if (!id) return;
  auto file = app::ReadEvidence(call.store, call.principal, *id);
  if (!file.ok()) return WriteError(call.res, file.error());
  const storage::EvidenceRecord& e = file.value().evidence;
  SendFile(call.res, std::move(file.value().bytes), e.content_type,
           core::IsInlineEvidenceType(e.content_type), "evidence-" + std::to_string(e.id),
           e.file_name);
}

void MyItems(Call& call) {
  std::int64_t offset = 0, limit = 50;
  if (!PageParams(call.req, offset, limit, call.res)) return;
  auto state = QueryText(call.req, "state", call.res);
  auto overdue = QueryText(call.req, "overdue", call.res);
  if (!state || !overdue) return;
  if (!state->empty() && !core::ParseItemState(*state)) {
    return WriteError(call.res, 422, "invalid", "state must be an item state", "state",
                      "unknown_value",
                      {{"value", *state}, {"accepted", "open, in_progress, submitted, closed"}});
  }
  auto page =
      app::MyItems(call.store, call.principal, *state, *overdue == "true", offset, limit, Now());
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  for (const app::ItemView& item : page.value().items) items.push_back(ItemJson(item));
  WriteJson(call.res, {{"items", items}, {"total", page.value().total}});
}

}  // namespace

void AddRectificationRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kPost, "/api/v1/plans",
                    "Create a rectification plan for every organization selected in a year's "
                    "stored assessment that has none, its weakest dimensions proposed as "
                    "problems: {year}; admin. Answers {created, existing}",
                    true, CreatePlans});
  routes.push_back({Method::kGet, "/api/v1/plans",
                    "Rectification plans in scope with their progress: ?year, unit, type, "
                    "state=active|finished, q, offset, limit",
                    true, ListPlans});
  routes.push_back({Method::kGet, "/api/v1/plans/{id}",
                    "A plan: its problems, items (with the steps the caller may take) and outcome",
                    true, GetPlan});
  routes.push_back({Method::kPost, "/api/v1/plans/{id}/problems",
                    "Add a problem to a plan: {dimension, description}", true, AddProblem});
  routes.push_back({Method::kPost, "/api/v1/plans/{id}/items",
                    "Add an item to a plan: {problem_id?, measure, responsible, "
                    "responsible_user?, support_role?, deadline}",
                    true, AddItem});
  routes.push_back({Method::kPut, "/api/v1/plans/{id}/outcome",
                    "Mark a plan upgraded (once finished) or not: {outcome, reason}; admin or "
                    "the unit admin above it",
                    true, SetOutcome});
  routes.push_back(
      {Method::kGet, "/api/v1/items/{id}", "An item with its steps and evidence", true, GetItem});
  routes.push_back({Method::kPost, "/api/v1/items/{id}/steps",
                    "Take a step on an item: {step: start|submit|reject|close, reason (a "
                    "rejection's)}; closing needs evidence and someone other than the submitter",
                    true, TakeStep});
  routes.push_back({Method::kPost, "/api/v1/items/{id}/evidence",
                    "Attach evidence to an item: multipart/form-data with one field \"file\" "
                    "(a photo, PDF or Office document, at most 20 MiB; its bytes decide its type)",
                    true, UploadItemEvidence});
  routes.push_back({Method::kGet, "/api/v1/evidence/{id}",
                    "The bytes of a piece of evidence (images inline, other files as "
                    "attachments)",
                    true, DownloadItemEvidence});
  routes.push_back({Method::kGet, "/api/v1/my/items",
                    "The caller's items: naming their account, or of the organizations a "
                    "secretary or first secretary serves; ?state, overdue=true, offset, limit",
                    true, MyItems});
}

}  // namespace grassroots::http
