// GET /ledger: the rectification ledger (台账, issue 12), a year's items in the caller's scope
// (the county for admin and auditor, a direct organization's subtree for its unit_admin, the
// organizations of a secretary, first secretary or leader), filtered and paged on the server.
// Its file is GET /exports/ledger/{year}.{format} (export_routes.cc), with the same filters.
#include "app/ledger_service.h"
#include "app/warning_service.h"
#include "core/early_warning.h"
#include "core/field_rules.h"
#include "http/access.h"
#include "http/call_params.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/json_writer.h"
#include "http/ledger_filters.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

// The item's early-warning colour (core::WarningOf, issue 13) by the policy's thresholds.
std::string_view WarningOf(const storage::LedgerRow& row, const core::SupervisionThresholds& t,
                           core::UnixSeconds now) {
  const auto deadline = core::ParseIsoDate(row.deadline);
  const auto state = core::ParseItemState(row.state);
  if (!deadline || !state) return "green";
  return core::ToString(core::WarningOf(core::WarningItem{*deadline, *state}, t, now));
}

void WriteLine(JsonWriter& out, const app::LedgerLine& line, const core::SupervisionThresholds& t,
               core::UnixSeconds now) {
  const storage::LedgerRow& row = line.row;
  out.BeginObject()
      .Key("item_id")
      .Int(row.item_id)
      .Key("plan_id")
      .Int(row.plan_id)
      .Field("org_code", row.org_code)
      .Field("org_name", row.org_name)
      .Field("unit", row.unit)
      .Field("type", row.type)
      .Key("dimension")
      .StringOrNull(row.dimension)
      .Field("measure", row.measure)
      .Field("responsible", row.responsible)
      .Key("support_role")
      .StringOrNull(row.support_role)
      .Field("deadline", row.deadline)
      .Field("state", row.state)
      .Key("overdue_days")
      .Int(line.overdue_days)
      .Key("evidence_count")
      .Int(row.evidence_count)
      .Field("warning", WarningOf(row, t, now))
      .EndObject();
}

void ListLedger(Call& call) {
  auto year = RequiredQueryYear(call);
  if (!year) return;
  app::LedgerQuery query;
  query.year = *year;
  if (!PageParams(call.req, query.org.offset, query.org.limit, call.res) ||
      !LedgerParams(call.req, call.principal, query, call.res)) {
    return;
  }
  const core::UnixSeconds now = core::DefaultClock().Now();
  auto page = app::ListLedger(call.store, query, now);
  if (!page.ok()) return WriteError(call.res, page.error());
  JsonWriter out;
  out.BeginObject().Key("items").BeginArray();
  const core::SupervisionThresholds& t = call.services.policy.policy.supervision;
  for (const app::LedgerLine& line : page.value().items) WriteLine(out, line, t, now);
  out.EndArray().Key("total").Int(page.value().total);
  out.Key("offset").Int(query.org.offset).Key("limit").Int(query.org.limit).EndObject();
  WriteJsonText(call.res, out.Take());
}

// GET /warnings: each organization under rectification in the caller's scope with its colour,
// for the dashboard's picture grouped by direct organization.
void Warnings(Call& call) {
  auto year = RequiredQueryYear(call);
  if (!year) return;
  storage::OrgFilter scope;
  ApplyScope(call.principal, scope);
  const core::SupervisionThresholds& t = call.services.policy.policy.supervision;
  auto warnings =
      app::WarningsOf(call.store, call.principal, *year, scope, t, core::DefaultClock().Now());
  if (!warnings.ok()) return WriteError(call.res, warnings.error());
  nlohmann::json orgs = nlohmann::json::array();
  nlohmann::json counts = {{"green", 0}, {"yellow", 0}, {"orange", 0}, {"red", 0}};
  for (const app::OrgWarning& w : warnings.value()) {
    const std::string colour(core::ToString(w.warning));
    counts[colour] = counts[colour].get<int>() + 1;
    orgs.push_back({{"org_code", w.org_code},
                    {"org_name", w.org_name},
                    {"direct", w.direct},
                    {"warning", colour},
                    {"open", w.open},
                    {"overdue", w.overdue},
                    {"due_soon", w.due_soon},
                    {"failed_spot_check", w.failed_spot_check}});
  }
  WriteJson(call.res,
            {{"year", *year},
             {"thresholds",
              {{"red_overdue_days", t.red_overdue_days}, {"due_soon_days", t.due_soon_days}}},
             {"counts", counts},
             {"organizations", orgs}});
}

}  // namespace

void AddLedgerRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/ledger",
                    "The rectification ledger (台账): a year's items in the caller's scope with "
                    "their state, deadline, overdue days and evidence count (year required; "
                    "state, unit, type, overdue=true, org, q; offset, limit), by organization "
                    "and item",
                    true, ListLedger});
  routes.push_back({Method::kGet, "/api/v1/warnings",
                    "Early warning (预警): each organization under rectification in the caller's "
                    "scope with its colour (red, orange, yellow, green by the policy's "
                    "[supervision] thresholds) and its direct organization (year required)",
                    true, Warnings});
}

}  // namespace grassroots::http
