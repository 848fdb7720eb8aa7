// 百局联百村 (issue 14): villages' problem tags, the partner agencies with their spare capacity,
// the partners proposed for a village and the pairings recorded. The rules are core's
// (pairing.h, the [pairing] mapping of the policy), applied by app/pairing_service. Reads of a
// village answer as the organization's other reads do (http/access.h: out of scope = never
// used); the agencies are the county's and read by admin and auditor; every write is admin's.
#include <charconv>

#include "app/pairing_service.h"
#include "core/field_rules.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/list_filters.h"
#include "http/route.h"
#include "http/route_clock.h"

namespace grassroots::http {
namespace {

bool Manager(Call& call) {
  if (core::MayManagePairing(call.principal)) return true;
  WriteError(call.res, 403, "forbidden", "only the organization department manages pairings");
  return false;
}

nlohmann::json TagsJson(const std::vector<core::VillageTag>& tags) {
  nlohmann::json out = nlohmann::json::array();
  for (core::VillageTag tag : tags) out.push_back(core::ToString(tag));
  return out;
}

nlohmann::json AgencyJson(const core::Agency& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"category", core::ToString(a.category)},
          {"capacity", a.capacity}};
}

nlohmann::json AgencyViewJson(const app::AgencyView& v) {
  nlohmann::json out = AgencyJson(v.agency);
  out["paired"] = v.paired;
  out["spare"] = v.spare;
  return out;
}

nlohmann::json PairingJson(const storage::PairingRow& p) {
  return {{"id", p.id},        {"year", p.year},
          {"org", p.org_code}, {"name", p.org_name},
          {"unit", p.unit},    {"agency", AgencyJson(p.agency)},
          {"on", p.paired_on}, {"recorded_by", p.recorded_by}};
}

// The scoped organization filter and page of a list, with ?year. False after writing 422.
bool ListParams(Call& call, int& year, storage::OrgFilter& filter) {
  if (!QueryYear(call.req, true, year, call.res) || !OrgFilterParams(call.req, filter, call.res) ||
      !PageParams(call.req, filter.offset, filter.limit, call.res)) {
    return false;
  }
  ApplyScope(call.principal, filter);
  return true;
}

void ListTags(Call& call) {
  int year = 0;
  storage::OrgFilter filter;
  if (!ListParams(call, year, filter)) return;
  auto page = app::ListTaggedVillages(call.store, year, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  for (const storage::TaggedVillage& v : page.value().items) {
    items.push_back(
        {{"org", v.code}, {"name", v.name}, {"unit", v.unit}, {"tags", TagsJson(v.tags)}});
  }
  WriteJson(call.res, {{"items", items},
                       {"total", page.value().total},
                       {"offset", filter.offset},
                       {"limit", filter.limit},
                       {"can", {{"manage", core::MayManagePairing(call.principal)}}}});
}

void SetTags(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto code = PathCode(call.req, call.res, 2);
  if (!code || !RequireOrg(call, *code, core::OrgAction::kRead) || !Manager(call)) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  if (!OnlyFields(*body, {"tags"}, call.res)) return;
  std::vector<std::string> tags;
  const nlohmann::json& list = (*body)["tags"];
  if (!list.is_array()) {
    return WriteError(call.res, 422, "invalid", "tags must be a list", "tags", "wrong_type");
  }
  for (const nlohmann::json& tag : list) {
    if (!tag.is_string()) {
      return WriteError(call.res, 422, "invalid", "tags must be a list of names", "tags",
                        "wrong_type");
    }
    tags.push_back(tag.get<std::string>());
  }
  auto stored = app::SetVillageTags(call.store, call.principal, *year, *code, tags, call.actor);
  if (!stored.ok()) return WriteError(call.res, stored.error());
  WriteJson(call.res, {{"org", *code}, {"year", *year}, {"tags", TagsJson(stored.value())}});
}

void Proposals(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto code = PathCode(call.req, call.res, 2);
  if (!code || !RequireOrg(call, *code, core::OrgAction::kRead)) return;
  if (!SeesEverything(call.principal)) {
    return WriteError(call.res, 403, "forbidden",
                      "partner proposals are read by the organization department and auditors");
  }
  const core::PairingMatch& match = call.services.policy.policy.pairing;
  auto answer = app::ProposalsFor(call.store, *year, *code, match);
  if (!answer.ok()) return WriteError(call.res, answer.error());
  nlohmann::json proposals = nlohmann::json::array();
  for (const core::Proposal& p : answer.value().proposals) {
    nlohmann::json agency = AgencyJson(p.agency);
    agency["spare"] = p.spare;
    proposals.push_back({{"agency", agency},
                         {"tag", core::ToString(p.tag)},
                         {"category", core::ToString(match.For(p.tag))}});
  }
  nlohmann::json matching = nlohmann::json::object();
  for (core::VillageTag tag : core::kAllVillageTags) {
    matching[std::string(core::ToString(tag))] = core::ToString(match.For(tag));
  }
  WriteJson(call.res, {{"org", *code},
                       {"year", *year},
                       {"tags", TagsJson(answer.value().tags)},
                       {"matching", matching},
                       {"order",
                        "tag order (weak_org, poor, disorderly, specialized), then most "
                        "spare capacity, then name"},
                       {"paired", answer.value().paired},
                       {"proposals", proposals}});
}

void ListAgencies(Call& call) {
  if (!SeesEverything(call.principal)) {
    return WriteError(call.res, 403, "forbidden",
                      "agencies are read by the organization department and auditors");
  }
  int year = 0;
  if (!QueryYear(call.req, true, year, call.res)) return;
  auto list = app::ListAgencies(call.store, year);
  if (!list.ok()) return WriteError(call.res, list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const app::AgencyView& v : list.value()) items.push_back(AgencyViewJson(v));
  WriteJson(call.res, {{"year", year}, {"items", items}});
}

void AddAgency(Call& call) {
  if (!Manager(call)) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::AgencyInput in;
  double capacity = 0;
  if (!OnlyFields(*body, {"name", "category", "capacity"}, call.res) ||
      !GetString(*body, "name", in.name, false, call.res) ||
      !GetString(*body, "category", in.category, false, call.res) ||
      !GetNumber(*body, "capacity", capacity, true, call.res)) {
    return;
  }
  in.capacity = static_cast<std::int64_t>(capacity);
  if (static_cast<double>(in.capacity) != capacity) in.capacity = -1;  // not whole: refused
  auto stored = app::RegisterAgency(call.store, call.principal, in, call.actor);
  if (!stored.ok()) return WriteError(call.res, stored.error());
  WriteJson(call.res, AgencyViewJson(stored.value()), 201);
}

void ListPairings(Call& call) {
  int year = 0;
  storage::OrgFilter filter;
  if (!ListParams(call, year, filter)) return;
  auto page = app::ListPairings(call.store, year, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  for (const storage::PairingRow& p : page.value().items) items.push_back(PairingJson(p));
  WriteJson(call.res, {{"items", items},
                       {"total", page.value().total},
                       {"offset", filter.offset},
                       {"limit", filter.limit},
                       {"can", {{"manage", core::MayManagePairing(call.principal)}}}});
}

void AddPairing(Call& call) {
  if (!Manager(call)) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  app::PairingInput in;
  double year = 0;
  double agency = 0;
  if (!OnlyFields(*body, {"year", "org", "agency", "on"}, call.res) ||
      !GetNumber(*body, "year", year, true, call.res) ||
      !GetString(*body, "org", in.org, true, call.res) ||
      !GetNumber(*body, "agency", agency, true, call.res) ||
      !GetString(*body, "on", in.on, false, call.res)) {
    return;
  }
  in.year = static_cast<int>(year);
  in.agency = static_cast<std::int64_t>(agency);
  auto stored = app::RecordPairing(call.store, call.principal, in, Today(), call.actor);
  if (!stored.ok()) {
    // A village or agency the body names that does not exist is a wrong field (422).
    core::Error error = stored.error();
    if (error.code == core::ErrorCode::kNotFound) error.code = core::ErrorCode::kInvalid;
    return WriteError(call.res, error);
  }
  WriteJson(call.res, PairingJson(stored.value()), 201);
}

}  // namespace

void AddPairingRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {Method::kGet, "/api/v1/pairing/tags",
       "百局联百村: the villages tagged in ?year (weak_org 软, poor 穷, disorderly 乱, "
       "specialized 专业) in the caller's scope; unit, type, parent, q, offset, limit",
       true, ListTags});
  routes.push_back({Method::kPut, "/api/v1/pairing/tags/{year}/{code}",
                    "Set a village's tags of a year: {tags: [...]} (admin)", true, SetTags});
  routes.push_back({Method::kGet, "/api/v1/pairing/proposals/{year}/{code}",
                    "The partner agencies proposed for a village: of the category the policy "
                    "matches with each of its tags, with spare capacity (admin, auditor)",
                    true, Proposals});
  routes.push_back({Method::kGet, "/api/v1/pairing/agencies",
                    "The partner agencies (机关单位) with their pairings and spare capacity in "
                    "?year (admin, auditor)",
                    true, ListAgencies});
  routes.push_back({Method::kPost, "/api/v1/pairing/agencies",
                    "Register an agency: {name, category: party_gov|economic|political_legal|"
                    "agriculture, capacity} (admin)",
                    true, AddAgency});
  routes.push_back({Method::kGet, "/api/v1/pairing/pairings",
                    "The pairings of ?year in the caller's scope; unit, type, parent, q, offset, "
                    "limit",
                    true, ListPairings});
  routes.push_back({Method::kPost, "/api/v1/pairing/pairings",
                    "Pair an agency with a village: {year, org, agency, on?} (admin)", true,
                    AddPairing});
}

}  // namespace grassroots::http
