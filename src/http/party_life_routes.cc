// Party life (三会一课, issue 14) and the village collective economy (村集体经济). Meetings: a
// branch logs them (its secretary, the unit admin above, admin: core::MayLogMeetings), lists and
// quarter summaries are over the caller's scope, and the `routine` dimension's evidence is an
// organization's four quarters against the policy's [party_life] counts; a quarter's file
// imports all or nothing. The economy: the unit admin above a village or admin records it
// (core::MayRecordEconomy); lists and the totals by model are over the caller's scope. The rules
// are core/party_life.h's and core/collective_economy.h's, applied by app/party_life_service and
// app/economy_service.
#include <algorithm>
#include <cmath>

#include "app/economy_service.h"
#include "app/organization_records.h"
#include "app/party_life_service.h"
#include "core/field_rules.h"
#include "http/access.h"
#include "http/call_params.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/route_clock.h"

namespace grassroots::http {
namespace {

using nlohmann::json;

json KindsJson(const core::QuarterTally& t) {
  json kinds = json::array();
  for (const core::KindTally& k : t.kinds) {
    kinds.push_back({{"kind", core::ToString(k.kind)},
                     {"held", k.held},
                     {"required", k.required},
                     {"missing", k.missing}});
  }
  return kinds;
}

json TallyJson(const core::QuarterTally& t) {
  return {{"quarter", core::FormatQuarter(t.quarter)},
          {"ended", t.ended},
          {"short", t.short_of_required},
          {"kinds", KindsJson(t)}};
}

json MeetingJson(const core::MeetingRecord& m, const std::string& org_name = {}) {
  json out = {{"id", m.id},
              {"org_code", m.org_code},
              {"kind", core::ToString(m.kind)},
              {"date", core::FormatIsoDate(m.on)},
              {"attended", m.attended},
              {"expected", m.expected > 0 ? json(m.expected) : json(nullptr)},
              {"topic", m.topic},
              {"recorded_by", m.recorded_by},
              {"recorded_at", m.recorded_at}};
  if (!org_name.empty()) out["org_name"] = org_name;
  return out;
}

// ?quarter, required ("2016-Q2"); 422 otherwise.
std::optional<core::Quarter> QueryQuarter(Call& call) {
  const std::string text = call.req.get_param_value("quarter");
  if (text.empty()) {
    WriteError(call.res, 422, "invalid", "quarter is required (YYYY-Qn)", "quarter", "required");
    return std::nullopt;
  }
  auto quarter = core::ParseQuarter("quarter", text);
  if (!quarter.ok()) {
    WriteError(call.res, quarter.error());
    return std::nullopt;
  }
  return quarter.value();
}

// ?year; 0 when absent and not `required`, 422 when malformed or out of range.
std::optional<int> QueryYearOrZero(Call& call, bool required) {
  if (!required && call.req.get_param_value("year").empty()) return 0;
  return RequiredQueryYear(call);
}

// The caller's scope, narrowed to one organization by ?org when given (404 when out of scope).
bool ScopeOf(Call& call, storage::OrgFilter& filter) {
  ApplyScope(call.principal, filter);
  auto org = QueryText(call.req, "org", call.res);
  if (!org) return false;
  if (!org->empty()) {
    if (!RequireOrg(call, *org, core::OrgAction::kRead)) return false;
    filter.restrict_to_scope = true;
    filter.within.clear();
    filter.only = {*org};
  }
  return OrgFilterParams(call.req, filter, call.res);
}

void LogMeeting(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::MeetingInput in;
  std::int64_t expected = 0;
  if (!OnlyFields(*body, {"kind", "date", "attended", "expected", "topic"}, call.res) ||
      !GetString(*body, "kind", in.kind, true, call.res) ||
      !GetString(*body, "date", in.on, true, call.res) ||
      !GetInteger(*body, "attended", in.attended, true, call.res) ||
      !GetString(*body, "topic", in.topic, true, call.res)) {
    return;
  }
  if (body->contains("expected") && !(*body)["expected"].is_null()) {
    if (!GetInteger(*body, "expected", expected, true, call.res)) return;
    in.expected = expected;
  }
  auto org = OrgFor(call, *code, core::MayLogMeetings, "meeting_log_not_permitted");
  if (!org) return;
  auto stored = app::LogMeeting(call.store, *org, in, Today(), call.actor);
  if (!stored.ok()) return WriteError(call.res, stored.error());
  WriteJson(call.res, MeetingJson(stored.value()), 201);
}

void ListMeetings(Call& call) {
  auto quarter = QueryQuarter(call);
  if (!quarter) return;
  storage::OrgFilter filter;
  if (!ScopeOf(call, filter)) return;
  auto rows = app::ListMeetings(call.store, core::DaysOf(*quarter), filter);
  if (!rows.ok()) return WriteError(call.res, rows.error());
  json items = json::array();
  for (const storage::MeetingRow& row : rows.value()) {
    items.push_back(MeetingJson(row.meeting, row.org_name));
  }
  const std::size_t total = items.size();
  WriteJson(
      call.res,
      {{"quarter", core::FormatQuarter(*quarter)}, {"items", std::move(items)}, {"total", total}});
}

json RequiredJson(const core::PartyLifeRequirements& r) {
  json out = json::object();
  for (core::MeetingKind kind : core::kAllMeetingKinds) {
    out[std::string(core::ToString(kind))] = core::RequiredPerQuarter(r, kind);
  }
  return out;
}

void MeetingSummary(Call& call) {
  auto quarter = QueryQuarter(call);
  if (!quarter) return;
  storage::OrgFilter filter;
  if (!ScopeOf(call, filter)) return;
  const core::PartyLifeRequirements& required = call.services.policy.policy.party_life;
  const core::CivilDate today = Today();
  auto rows = app::QuarterSummary(call.store, *quarter, filter, required, today);
  if (!rows.ok()) return WriteError(call.res, rows.error());
  json items = json::array();
  std::int64_t short_count = 0;
  for (const app::BranchQuarter& row : rows.value()) {
    if (row.tally.short_of_required) ++short_count;
    items.push_back({{"code", row.code},
                     {"name", row.name},
                     {"short", row.tally.short_of_required},
                     {"kinds", KindsJson(row.tally)}});
  }
  const std::size_t total = items.size();
  WriteJson(call.res, {{"quarter", core::FormatQuarter(*quarter)},
                       {"ended", core::DaysOf(*quarter).last < today},
                       {"can_log", core::MayLogMeetingsWhereRead(call.principal)},
                       {"required", RequiredJson(required)},
                       {"items", std::move(items)},
                       {"total", total},
                       {"short", short_count}});
}

void Evidence(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = QueryYearOrZero(call, true);
  if (!year) return;
  auto org = OrgFor(call, *code, nullptr, "");
  if (!org) return;
  const core::PartyLifeRequirements& required = call.services.policy.policy.party_life;
  auto quarters = app::RoutineEvidence(call.store, *code, *year, required, Today());
  if (!quarters.ok()) return WriteError(call.res, quarters.error());
  json list = json::array();
  for (const core::QuarterTally& q : quarters.value()) list.push_back(TallyJson(q));
  WriteJson(call.res, {{"code", *code},
                       {"year", *year},
                       {"dimension", "routine"},
                       // A committee holds no meetings of its own: its branches' evidence counts.
                       {"applies", core::HoldsPartyLife(org->kind)},
                       {"required", RequiredJson(required)},
                       {"quarters", std::move(list)}});
}

void ImportMeetings(Call& call) {
  const std::string dry_run = call.req.get_param_value("dry_run");
  if (!dry_run.empty() && dry_run != "true" && dry_run != "false") {
    return WriteError(call.res, 422, "invalid", "dry_run must be true or false", "dry_run",
                      "not_a_boolean");
  }
  auto outcome = app::ImportMeetings(call.store, call.principal, call.req.body, Today(),
                                     dry_run == "true", call.actor);
  if (!outcome.ok()) return WriteError(call.res, outcome.error());
  if (!outcome.value().errors.empty()) return WriteRowErrors(call.res, outcome.value().errors);
  WriteJson(call.res, {{"dry_run", dry_run == "true"}, {"meetings", outcome.value().meetings}});
}

json EconomyJson(const core::EconomyRecord& r, const std::string& org_name = {}) {
  json out = {{"org_code", r.org_code},       {"year", r.year},
              {"income_fen", r.income_fen},   {"model", core::ToString(r.model)},
              {"recorded_by", r.recorded_by}, {"recorded_at", r.recorded_at}};
  if (!org_name.empty()) out["org_name"] = org_name;
  return out;
}

void RecordEconomy(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = PathYear(call.req, call.res, 2);
  if (!year) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::EconomyInput in;
  in.year = *year;
  if (!OnlyFields(*body, {"income_fen", "model"}, call.res) ||
      !GetInteger(*body, "income_fen", in.income_fen, true, call.res) ||
      !GetString(*body, "model", in.model, true, call.res)) {
    return;
  }
  auto org = OrgFor(call, *code, core::MayRecordEconomy, "economy_record_not_permitted");
  if (!org) return;
  auto stored = app::RecordEconomy(call.store, *org, in, Today().year, call.actor);
  if (!stored.ok()) return WriteError(call.res, stored.error());
  WriteJson(call.res, EconomyJson(stored.value()));
}

void ListEconomy(Call& call) {
  auto year = QueryYearOrZero(call, false);
  if (!year) return;
  storage::OrgFilter filter;
  if (!ScopeOf(call, filter)) return;
  auto rows = app::ListEconomy(call.store, *year, filter);
  if (!rows.ok()) return WriteError(call.res, rows.error());
  json items = json::array();
  for (const storage::EconomyRow& row : rows.value()) {
    items.push_back(EconomyJson(row.record, row.org_name));
  }
  const std::size_t total = items.size();
  WriteJson(call.res, {{"items", std::move(items)}, {"total", total}});
}

void EconomyTotals(Call& call) {
  storage::OrgFilter filter;
  if (!ScopeOf(call, filter)) return;
  auto totals = app::EconomyTotals(call.store, filter);
  if (!totals.ok()) return WriteError(call.res, totals.error());
  json items = json::array();
  for (const core::ModelTotal& t : totals.value()) {
    items.push_back({{"year", t.year},
                     {"model", core::ToString(t.model)},
                     {"villages", t.villages},
                     {"income_fen", t.income_fen}});
  }
  json models = json::array();
  for (core::EconomyModel m : core::kAllEconomyModels) models.push_back(core::ToString(m));
  WriteJson(call.res, {{"items", std::move(items)},
                       {"models", std::move(models)},
                       {"can_record", core::MayRecordEconomyWhereRead(call.principal)}});
}

}  // namespace

void AddPartyLifeRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kPost, "/api/v1/organizations/{code}/meetings",
                    "Log a meeting of a branch (三会一课): {kind: branch_meeting|"
                    "committee_meeting|group_meeting|party_lecture, date, attended, expected? "
                    "(default: members on the roll), topic}; its secretary, the unit admin above "
                    "or admin",
                    true, LogMeeting});
  routes.push_back({Method::kGet, "/api/v1/meetings",
                    "The meetings of a quarter (?quarter=YYYY-Qn) over the caller's scope, or one "
                    "organization's (?org); ?unit, ?type, ?parent",
                    true, ListMeetings});
  routes.push_back({Method::kGet, "/api/v1/meetings/summary",
                    "A quarter's meetings per branch in the caller's scope against the policy's "
                    "required counts ([party_life]), shortfalls flagged once the quarter ended",
                    true, MeetingSummary});
  routes.push_back({Method::kPost, "/api/v1/meetings/import",
                    "Import a quarter's meetings from a file (CSV in UTF-8 or GB18030, or .xlsx; "
                    "org_code,kind,date,attended,expected,topic), all or none; ?dry_run=true",
                    true, ImportMeetings});
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/routine-evidence",
                    "The routine dimension's evidence of a year (?year): each quarter's meetings "
                    "per kind against the required counts",
                    true, Evidence});
  routes.push_back({Method::kPut, "/api/v1/organizations/{code}/economy/{year}",
                    "Record a village's collective economy of a year: {income_fen (whole fen), "
                    "model: asset_revitalization|resource_based|resource_derived|service_driven|"
                    "project_symbiosis}; the unit admin above or admin",
                    true, RecordEconomy});
  routes.push_back({Method::kGet, "/api/v1/economy",
                    "Villages' collective economy records (?year, ?org) over the caller's scope",
                    true, ListEconomy});
  routes.push_back({Method::kGet, "/api/v1/economy/totals",
                    "Collective economy totals by year and model over the caller's scope", true,
                    EconomyTotals});
}

}  // namespace grassroots::http
