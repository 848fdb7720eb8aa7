// Standardized Party branches (标准化党支部, issue 14): designate a batch, revoke one, list them
// with each one's conflict with the year's rectification selection. The rule is core's
// (standards.h), applied by app/standards_service; the list's file is
// GET /exports/standardized-branches/{year}.{format} (export_routes.cc).
#include <charconv>

#include "app/standards_service.h"
#include "core/field_rules.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/route_clock.h"
#include "http/standards_filters.h"
#include "http/text_or_null.h"

namespace grassroots::http {
namespace {

nlohmann::json DesignationJson(const app::DesignationView& view) {
  const storage::DesignationRow& r = view.row;
  return {{"id", r.id},
          {"year", r.year},
          {"org", r.org_code},
          {"name", r.org_name},
          {"unit", r.unit},
          {"type", r.type},
          {"batch", {{"id", r.batch_id}, {"name", r.batch_name}, {"on", r.designated_on}}},
          {"state", r.current() ? "current" : "revoked"},
          {"revoked_on", TextOrNull(r.revoked_on)},
          {"revoke_reason", TextOrNull(r.revoke_reason)},
          {"revoked_by", TextOrNull(r.revoked_by)},
          {"selected", r.selected},
          {"in_conflict", view.in_conflict}};
}

void ListStandardBranches(Call& call) {
  storage::DesignationFilter filter;
  if (!DesignationParams(call, filter)) return;
  auto page = app::ListDesignations(call.store, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  std::int64_t conflicts = 0;
  for (const app::DesignationView& view : page.value().items) {
    items.push_back(DesignationJson(view));
    conflicts += view.in_conflict ? 1 : 0;
  }
  WriteJson(call.res, {{"items", items},
                       {"total", page.value().total},
                       {"offset", filter.org.offset},
                       {"limit", filter.org.limit},
                       {"can",
                        {{"designate", core::MayManageStandards(call.principal)},
                         {"revoke", core::MayManageStandards(call.principal)}}}});
}

void Designate(Call& call) {
  if (!core::MayManageStandards(call.principal)) {
    return WriteError(call.res, 403, "forbidden",
                      "only the organization department designates standardized branches");
  }
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::StandardBatchInput in;
  double year = 0;
  if (!OnlyFields(*body, {"year", "name", "on", "codes"}, call.res) ||
      !GetNumber(*body, "year", year, true, call.res) ||
      !GetString(*body, "name", in.name, false, call.res) ||
      !GetString(*body, "on", in.on, false, call.res)) {
    return;
  }
  in.year = static_cast<std::int64_t>(year);
  if (year != static_cast<double>(in.year)) in.year = 0;  // not a whole number: out of range
  const nlohmann::json& codes = (*body)["codes"];
  if (!codes.is_array()) {
    return WriteError(call.res, 422, "invalid", "codes must be a list of organization codes",
                      "codes", "wrong_type");
  }
  for (const nlohmann::json& code : codes) {
    if (!code.is_string()) {
      return WriteError(call.res, 422, "invalid", "codes must be a list of organization codes",
                        "codes", "wrong_type");
    }
    in.codes.push_back(code.get<std::string>());
  }
  auto outcome = app::DesignateBatch(call.store, call.principal, in, Today(), call.actor);
  if (!outcome.ok()) return WriteError(call.res, outcome.error());
  if (!outcome.value().refused.empty()) return WriteRowErrors(call.res, outcome.value().refused);
  WriteJson(call.res,
            {{"batch", outcome.value().batch_id}, {"year", in.year}, {"designated", in.codes}},
            201);
}

void Revoke(Call& call) {
  if (!core::MayManageStandards(call.principal)) {
    return WriteError(call.res, 403, "forbidden",
                      "only the organization department revokes standardized branches");
  }
  const std::string text = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    const std::string shown = text.substr(0, 20);
    return WriteError(call.res, 404, "not_found", "no designation with id " + shown, "id",
                      "designation_not_found", {{"id", shown}});
  }
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::RevocationInput in;
  if (!OnlyFields(*body, {"on", "reason"}, call.res) ||
      !GetString(*body, "on", in.on, false, call.res) ||
      !GetString(*body, "reason", in.reason, false, call.res)) {
    return;
  }
  auto revoked = app::RevokeDesignation(call.store, call.principal, id, in, Today(), call.actor);
  if (!revoked.ok()) return WriteError(call.res, revoked.error());
  WriteJson(call.res, DesignationJson(revoked.value()));
}

}  // namespace

void AddStandardsRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/standardized-branches",
                    "Standardized Party branches (标准化党支部) in the caller's scope: ?year, "
                    "?state=current|revoked|all, unit, type, parent, q, offset, limit; each "
                    "with in_conflict when the year's assessment selected it for rectification",
                    true, ListStandardBranches});
  routes.push_back({Method::kPost, "/api/v1/standardized-branches",
                    "Designate a batch: {year, name, on: YYYY-MM-DD, codes: [...]}; all or "
                    "nothing, every refused code in rows with its reason (admin)",
                    true, Designate});
  routes.push_back({Method::kPost, "/api/v1/standardized-branches/{id}/revoke",
                    "Revoke a designation: {on: YYYY-MM-DD, reason} (admin)", true, Revoke});
}

}  // namespace grassroots::http
