// The escalation ladder of an overdue item (提醒 → 函询 → 诫勉, issue 13): what the system
// proposes now and whether the caller may confirm it (`can_confirm`: the web UI shows the
// button from this answer, never from a rule of its own), and the confirmation. The rules are
// core's (escalation.h), the use cases app's (escalation_service.h).

#include "app/escalation_service.h"
#include "http/call_params.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

std::optional<std::int64_t> PathItem(Call& call) { return PathId(call, "item_not_found", "item"); }

nlohmann::json ViewJson(const app::EscalationView& v) {
  nlohmann::json steps = nlohmann::json::array();
  for (const storage::EscalationRecord& s : v.steps) {
    steps.push_back({{"step", s.step},
                     {"overdue_days", s.overdue_days},
                     {"decided_by", s.decided_by},
                     {"decided_at", s.decided_at}});
  }
  return {{"item_id", v.item_id},
          {"overdue_days", v.overdue_days},
          {"steps", steps},
          {"proposed",
           v.proposed ? nlohmann::json(core::ToString(*v.proposed)) : nlohmann::json(nullptr)},
          {"can_confirm", v.can_confirm}};
}

void Show(Call& call) {
  auto id = PathItem(call);
  if (!id) return;
  auto view =
      app::EscalationOf(call.store, call.principal, *id, call.services.policy.policy.supervision,
                        core::DefaultClock().Now());
  if (!view.ok()) return WriteError(call.res, view.error());
  WriteJson(call.res, ViewJson(view.value()));
}

void Confirm(Call& call) {
  auto id = PathItem(call);
  if (!id) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  std::string step;
  if (!OnlyFields(*body, {"step"}, call.res) || !GetString(*body, "step", step, true, call.res)) {
    return;
  }
  auto view = app::ConfirmEscalation(call.store, call.principal, *id, step,
                                     call.services.policy.policy.supervision,
                                     core::DefaultClock().Now(), call.actor);
  if (!view.ok()) return WriteError(call.res, view.error());
  WriteJson(call.res, ViewJson(view.value()), 201);
}

}  // namespace

void AddEscalationRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/items/{id}/escalation",
                    "An item's escalation ladder (提醒 → 函询 → 诫勉): the steps confirmed, who "
                    "and when, the step proposed now and whether the caller may confirm it",
                    true, Show});
  routes.push_back({Method::kPost, "/api/v1/items/{id}/escalation",
                    "Confirm the proposed step: {step: reminder|inquiry|admonition} (admin, or "
                    "the unit admin above the item's organization)",
                    true, Confirm});
}

}  // namespace grassroots::http
