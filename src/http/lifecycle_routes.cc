// Ending organizations (POST /organizations/{code}/end: dissolved or merged from a date) and
// members leaving (POST /members/{id}/leave). The rules are core/lifecycle.h's, applied by
// app/lifecycle_service; the record stays in both cases.
#include "app/lifecycle_service.h"
#include "app/organization_records.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/route_clock.h"

namespace grassroots::http {
namespace {

// "on" as a day; false after writing 422.
bool GetDate(const nlohmann::json& body, core::CivilDate& out, httplib::Response& res) {
  std::string text;
  if (!GetString(body, "on", text, true, res)) return false;
  const std::optional<core::CivilDate> day = core::ParseIsoDate(text);
  if (!day) {
    WriteError(res, 422, "invalid", "on must be a day written YYYY-MM-DD", "on", "invalid_date",
               {{"value", text}});
    return false;
  }
  out = *day;
  return true;
}

void WriteOrganization(Call& call, const std::string& code) {
  auto detail = app::OrganizationOf(call.store, code);
  if (!detail.ok()) return WriteError(call.res, detail.error());
  if (!detail.value()) return WriteError(call.res, 404, "not_found", "no organization", "code");
  const core::Organization& org = detail.value()->org;
  nlohmann::json body = {{"code", org.code}, {"name", org.name}, {"ended", nullptr}};
  if (org.end) {
    body["ended"] = {
        {"kind", core::ToString(org.end->kind)},
        {"on", core::FormatIsoDate(org.end->on)},
        {"merged_into", org.end->merged_into.empty() ? nlohmann::json(nullptr)
                                                     : nlohmann::json(org.end->merged_into)},
        {"reason", org.end->reason}};
  }
  WriteJson(call.res, body);
}

void End(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::OrgEnd end;
  std::string kind;
  if (!OnlyFields(*body, {"kind", "on", "merged_into", "reason"}, call.res) ||
      !GetString(*body, "kind", kind, true, call.res) || !GetDate(*body, end.on, call.res) ||
      !GetString(*body, "merged_into", end.merged_into, false, call.res) ||
      !GetString(*body, "reason", end.reason, true, call.res)) {
    return;
  }
  const std::optional<core::OrgEndKind> parsed = core::ParseOrgEndKind(kind);
  if (!parsed) {
    return WriteError(call.res, 422, "invalid", "kind must be dissolved or merged", "kind",
                      "invalid_end_kind", {{"value", kind}});
  }
  end.kind = *parsed;
  if (!RequireOrg(call, *code, core::OrgAction::kEnd)) return;
  core::Status ended =
      app::EndOrganization(call.store, call.principal, *code, end, Today(), call.actor);
  if (!ended.ok()) return WriteError(call.res, ended.error());
  WriteOrganization(call, *code);
}

void Leave(Call& call) {
  const std::string id = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  if (!IsValidCode(id)) {
    return WriteError(call.res, 404, "not_found", "no member with this id", "id",
                      "member_not_found", {{"id", id}});
  }
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::MemberLeave leave;
  std::string kind;
  if (!OnlyFields(*body, {"kind", "on", "reason"}, call.res) ||
      !GetString(*body, "kind", kind, true, call.res) || !GetDate(*body, leave.on, call.res) ||
      !GetString(*body, "reason", leave.reason, true, call.res)) {
    return;
  }
  const std::optional<core::LeaveKind> parsed = core::ParseLeaveKind(kind);
  if (!parsed) {
    return WriteError(call.res, 422, "invalid", "kind must be transferred_out, died or other",
                      "kind", "invalid_leave_kind", {{"value", kind}});
  }
  leave.kind = *parsed;
  if (!RequireMember(call, id, core::OrgAction::kWriteMembers)) return;
  core::Status left = app::RecordMemberLeft(call.store, id, leave, Today(), call.actor);
  if (!left.ok()) return WriteError(call.res, left.error());
  WriteJson(call.res, {{"id", id},
                       {"left",
                        {{"kind", core::ToString(leave.kind)},
                         {"on", core::FormatIsoDate(leave.on)},
                         {"reason", leave.reason}}}});
}

}  // namespace

void AddLifecycleRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kPost, "/api/v1/organizations/{code}/end",
                    "Dissolve an organization or merge it into another from a date: {kind: "
                    "dissolved|merged, on: YYYY-MM-DD, merged_into?, reason}; its record stays, "
                    "and it is not assessed from that year on (organizations below it must be "
                    "moved or ended first)",
                    true, End});
  routes.push_back({Method::kPost, "/api/v1/members/{id}/leave",
                    "Record that a member left: {kind: transferred_out|died|other, on: "
                    "YYYY-MM-DD, reason}; the member stays on record, apart from the counts",
                    true, Leave});
}

}  // namespace grassroots::http
