// Five-level support (五级包扶, issue 12) of an organization under rectification: who holds each
// role, visits and on-site sessions, work teams and special funds, per year; and the counts per
// person holding a role. Whoever's scope covers the organization reads it; admin and the
// unit_admin above it record (core::MayEditSupport). The values' rules are
// core/support_rules.h's, applied by app/support_service.
#include <cmath>

#include "app/organization_records.h"
#include "app/support_service.h"
#include "core/field_rules.h"
#include "http/access.h"
#include "http/call_params.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/route_clock.h"
#include "http/text_or_null.h"

namespace grassroots::http {
namespace {

using nlohmann::json;

json AssignmentJson(const storage::AssignmentRow& row) {
  return {{"id", row.id},
          {"role", row.role},
          {"person", row.person},
          {"agency", row.agency},
          {"user_name", TextOrNull(row.user_name)},
          {"phone", row.phone},
          {"start_date", row.start_date},
          {"ended_on", TextOrNull(row.ended_on)}};
}
json VisitJson(const storage::VisitRow& row) {
  return {{"id", row.id},
          {"visit_date", row.visit_date},
          {"kind", row.kind},
          {"visitor", row.visitor},
          {"visitor_role", TextOrNull(row.visitor_role)},
          {"solved", row.solved}};
}
json WorkTeamJson(const storage::WorkTeamRow& row) {
  return {{"id", row.id},
          {"leader", row.leader},
          {"members", row.members},
          {"agency", row.agency},
          {"start_date", row.start_date},
          {"end_date", TextOrNull(row.end_date)}};
}
json FundJson(const storage::FundRow& row) {
  return {{"id", row.id},
          {"amount_fen", row.amount_fen},
          {"purpose", row.purpose},
          {"granted_on", row.granted_on}};
}

bool GetYear(const json& body, int& out, httplib::Response& res) {
  std::int64_t year = 0;
  if (!GetInteger(body, "year", year, true, res)) return false;
  out = static_cast<int>(std::clamp<std::int64_t>(year, -1, 100000));
  return true;
}

// The organization `code` when the caller may read it and, with `edit`, record its support:
// 404 as for a code never used when out of scope, 403 when readable only.
std::optional<core::Organization> SupportedOrg(Call& call, const std::string& code, bool edit) {
  return OrgFor(call, code, edit ? core::MayEditSupport : nullptr, "support_edit_not_permitted",
                "only admin and the unit admin above it record an organization's support");
}

void WriteSheet(Call& call, const core::Organization& org, int year, int status = 200) {
  auto sheet = app::ReadSupport(call.store, org, year, call.services.policy.policy);
  if (!sheet.ok()) return WriteError(call.res, sheet.error());
  const app::SupportSheet& s = sheet.value();
  json body = {
      {"org_code", s.org_code},
      {"year", s.year},
      {"assignments", json::array()},
      {"visits", json::array()},
      {"work_teams", json::array()},
      {"funds", json::array()},
      {"counts",
       {{"visits", s.visit_count}, {"on_site", s.on_site_count}, {"funds_fen", s.funds_fen}}},
      {"default_fund_fen", s.default_fund_fen}};
  for (const auto& row : s.assignments) body["assignments"].push_back(AssignmentJson(row));
  for (const auto& row : s.visits) body["visits"].push_back(VisitJson(row));
  for (const auto& row : s.work_teams) body["work_teams"].push_back(WorkTeamJson(row));
  for (const auto& row : s.funds) body["funds"].push_back(FundJson(row));
  auto ancestry = app::AncestryOf(call.store, org.code);
  if (!ancestry.ok()) return WriteError(call.res, ancestry.error());
  body["can"] = {{"edit", core::MayEditSupport(call.principal, ancestry.value())}};
  WriteJson(call.res, body, status);
}

void Support(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = RequiredQueryYear(call);
  if (!year) return;
  auto org = SupportedOrg(call, *code, false);
  if (!org) return;
  WriteSheet(call, *org, *year);
}

void Assign(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  const std::string role_name = call.req.matches.size() > 2 ? call.req.matches[2].str() : "";
  const std::optional<core::SupportRole> role = core::ParseSupportRole(role_name);
  if (!role) {
    return WriteError(call.res, core::VocabularyError("role", role_name, core::kSupportRoleNames));
  }
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::SupportAssignmentInput input;
  input.role = *role;
  if (!OnlyFields(*body, {"year", "person", "agency", "user_name", "phone", "start_date"},
                  call.res) ||
      !GetYear(*body, input.year, call.res) ||
      !GetString(*body, "person", input.person, true, call.res) ||
      !GetString(*body, "agency", input.agency, false, call.res) ||
      !GetString(*body, "user_name", input.user_name, false, call.res) ||
      !GetString(*body, "phone", input.phone, false, call.res) ||
      !GetString(*body, "start_date", input.start_date, true, call.res)) {
    return;
  }
  auto org = SupportedOrg(call, *code, true);
  if (!org) return;
  auto id = app::AssignSupport(call.store, *org, input, Today(), call.actor);
  if (!id.ok()) return WriteError(call.res, id.error());
  WriteSheet(call, *org, input.year);
}

void Visit(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::VisitInput input;
  std::string kind;
  if (!OnlyFields(*body, {"year", "visit_date", "kind", "visitor", "visitor_role", "solved"},
                  call.res) ||
      !GetYear(*body, input.year, call.res) ||
      !GetString(*body, "visit_date", input.visit_date, true, call.res) ||
      !GetString(*body, "kind", kind, true, call.res) ||
      !GetString(*body, "visitor", input.visitor, true, call.res) ||
      !GetString(*body, "visitor_role", input.visitor_role, false, call.res) ||
      !GetString(*body, "solved", input.solved, false, call.res)) {
    return;
  }
  const std::optional<core::VisitKind> parsed = core::ParseVisitKind(kind);
  if (!parsed) return WriteError(call.res, core::VocabularyError("kind", kind, "visit, on_site"));
  input.kind = *parsed;
  auto org = SupportedOrg(call, *code, true);
  if (!org) return;
  auto id = app::RecordVisit(call.store, *org, input, Today(), call.actor);
  if (!id.ok()) return WriteError(call.res, id.error());
  WriteJson(call.res,
            VisitJson({id.value(), input.visit_date, std::string(core::ToString(input.kind)),
                       input.visitor, input.visitor_role, input.solved}),
            201);
}

void WorkTeam(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::WorkTeamInput input;
  if (!OnlyFields(*body, {"year", "leader", "members", "agency", "start_date", "end_date"},
                  call.res) ||
      !GetYear(*body, input.year, call.res) ||
      !GetString(*body, "leader", input.leader, true, call.res) ||
      !GetString(*body, "members", input.members, false, call.res) ||
      !GetString(*body, "agency", input.agency, false, call.res) ||
      !GetString(*body, "start_date", input.start_date, true, call.res)) {
    return;
  }
  const bool has_end = body->contains("end_date") && !(*body)["end_date"].is_null();
  if (has_end && !GetString(*body, "end_date", input.end_date, false, call.res)) return;
  auto org = SupportedOrg(call, *code, true);
  if (!org) return;
  auto id = app::RecordWorkTeam(call.store, *org, input, Today(), call.actor);
  if (!id.ok()) return WriteError(call.res, id.error());
  WriteJson(call.res,
            WorkTeamJson({id.value(), input.leader, input.members, input.agency, input.start_date,
                          input.end_date}),
            201);
}

void Fund(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::FundInput input;
  if (!OnlyFields(*body, {"year", "amount_fen", "purpose", "granted_on"}, call.res) ||
      !GetYear(*body, input.year, call.res) ||
      !GetInteger(*body, "amount_fen", input.amount_fen, true, call.res) ||
      !GetString(*body, "purpose", input.purpose, true, call.res) ||
      !GetString(*body, "granted_on", input.granted_on, true, call.res)) {
    return;
  }
  auto org = SupportedOrg(call, *code, true);
  if (!org) return;
  auto id = app::RecordFund(call.store, *org, input, Today(), call.actor);
  if (!id.ok()) return WriteError(call.res, id.error());
  WriteJson(call.res, FundJson({id.value(), input.amount_fen, input.purpose, input.granted_on}),
            201);
}

void Leaders(Call& call) {
  auto year = RequiredQueryYear(call);
  if (!year) return;
  storage::OrgFilter scope;
  ApplyScope(call.principal, scope);
  auto leaders = app::SupportLeaders(call.store, *year, scope);
  if (!leaders.ok()) return WriteError(call.res, leaders.error());
  json items = json::array();
  for (const storage::LeaderCount& row : leaders.value()) {
    items.push_back({{"person", row.person},
                     {"user_name", TextOrNull(row.user_name)},
                     {"role", row.role},
                     {"organizations", row.organizations},
                     {"visits", row.visits},
                     {"on_site", row.on_site}});
  }
  const std::size_t total = items.size();
  WriteJson(call.res, {{"items", std::move(items)}, {"total", total}});
}

}  // namespace

void AddSupportRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/support",
                    "An organization's five-level support (五级包扶) in a year (?year): holders "
                    "of each role with their history, visits and on-site sessions, work teams, "
                    "special funds, counts, the policy's default fund, and whether the caller "
                    "may record",
                    true, Support});
  routes.push_back({Method::kPut, "/api/v1/organizations/{code}/support/{role}",
                    "Make someone the holder of a support role from a start date: {year, person, "
                    "agency?, user_name?, phone?, start_date}; the holder before is ended on that "
                    "date (first_secretary: villages only). Answers the support sheet",
                    true, Assign});
  routes.push_back({Method::kPost, "/api/v1/organizations/{code}/visits",
                    "Log a visit or on-site session (现场办公): {year, visit_date, kind: "
                    "visit|on_site, visitor, visitor_role?, solved?}",
                    true, Visit});
  routes.push_back({Method::kPost, "/api/v1/organizations/{code}/work-teams",
                    "Record a work team posted there (驻村工作队): {year, leader, members?, "
                    "agency?, start_date, end_date?}",
                    true, WorkTeam});
  routes.push_back({Method::kPost, "/api/v1/organizations/{code}/funds",
                    "Record a special fund granted (专项经费): {year, amount_fen, purpose, "
                    "granted_on}",
                    true, Fund});
  routes.push_back({Method::kGet, "/api/v1/support/leaders",
                    "Everyone holding a support role in a year (?year) over the organizations "
                    "in the caller's scope: organizations supported, visits and on-site sessions "
                    "they logged there",
                    true, Leaders});
}

}  // namespace grassroots::http
