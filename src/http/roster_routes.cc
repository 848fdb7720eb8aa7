// GET /members: the member roster across the organizations in the caller's scope, by status
// (mobile 流动党员, lost_contact 失联党员, pocket 口袋党员, ...), filtered and paged on the
// server (issue 10). Members who left are not on the roster; nor are the members of
// organizations that ended.
#include "app/organization_records.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/json_writer.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

void WriteRosterRow(JsonWriter& out, const storage::RosterRow& row) {
  out.BeginObject()
      .Field("id", row.member.id)
      .Field("name", row.member.name)
      .Field("org", row.member.org)
      .Field("org_name", row.org_name)
      .Field("status", core::ToString(row.member.status))
      .Field("joined", row.member.joined)
      .EndObject();
}

void Roster(Call& call) {
  storage::OrgFilter filter;
  if (!PageParams(call.req, filter.offset, filter.limit, call.res) ||
      !OrgFilterParams(call.req, filter, call.res)) {
    return;
  }
  std::optional<core::MemberStatus> status;
  if (auto text = QueryText(call.req, "status", call.res); !text) {
    return;
  } else if (!text->empty()) {
    status = core::ParseMemberStatus(*text);
    if (!status) {
      return WriteError(
          call.res, 422, "invalid",
          "status must be regular, mobile, lost_contact, pocket or retired", "status",
          "unknown_value",
          {{"value", *text}, {"accepted", "regular, mobile, lost_contact, pocket, retired"}});
    }
  }
  filter.ended = false;
  ApplyScope(call.principal, filter);
  auto page = app::Roster(call.store, filter, status);
  if (!page.ok()) return WriteError(call.res, page.error());
  JsonWriter out;
  out.BeginObject().Key("items").BeginArray();
  for (const storage::RosterRow& row : page.value().items) WriteRosterRow(out, row);
  out.EndArray().Key("total").Int(page.value().total);
  out.Key("offset").Int(filter.offset).Key("limit").Int(filter.limit).EndObject();
  WriteJsonText(call.res, out.Take());
}

}  // namespace

void AddRosterRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/members",
                    "The member roster in scope: members on the roll of organizations that exist "
                    "(status: regular, mobile, lost_contact, pocket or retired; unit, type, "
                    "parent, q of the organization; offset, limit), by organization and id",
                    true, Roster});
}

}  // namespace grassroots::http
