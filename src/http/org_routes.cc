// /organizations and /members: list, detail, create, update or move, with the import's rules
// (core::CheckOrganization, core::CheckMember, core::ValidateOrganizations) and the fields
// only admin changes (core::CheckOrganizationChange). Organizations out of the caller's scope
// do not exist for them (http/access.h), also as parents and as members' organizations.
#include "app/organization_records.h"
#include "core/field_access.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/json_writer.h"
#include "http/list_filters.h"
#include "http/record_input.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

// The fields of a row, leaving the object open; "ended" is null while the organization exists.
void WriteOrgFields(JsonWriter& out, const storage::OrgRowView& org) {
  out.BeginObject()
      .Field("code", org.code)
      .Field("name", org.name)
      .Field("type", org.type)
      .Field("kind", org.kind)
      .Field("parent", org.parent)
      .Field("secretary", org.secretary)
      .Field("unit", org.unit)
      .Key("ended");
  if (org.ended_on.empty()) {
    out.Null();
    return;
  }
  out.BeginObject().Field("kind", org.end_kind).Field("on", org.ended_on).Key("merged_into");
  org.merged_into.empty() ? out.Null() : out.String(org.merged_into);
  out.EndObject();
}

void WriteOrgRow(JsonWriter& out, const storage::OrgRowView& org) {
  WriteOrgFields(out, org);
  out.EndObject();
}

void WriteOrg(JsonWriter& out, const core::Organization& org) {
  const std::string on = org.end ? core::FormatIsoDate(org.end->on) : std::string();
  WriteOrgFields(out, {org.code, org.name, core::ToString(org.type), core::ToString(org.kind),
                       org.parent, org.secretary, org.unit, on,
                       org.end ? core::ToString(org.end->kind) : std::string_view(),
                       org.end ? std::string_view(org.end->merged_into) : std::string_view()});
  if (org.end) out.Field("end_reason", org.end->reason);
  out.EndObject();
}

// "left" is null while the member is on the roll.
void WriteMember(JsonWriter& out, const core::Member& member) {
  out.BeginObject()
      .Key("id")
      .String(member.id)
      .Key("name")
      .String(member.name)
      .Key("org")
      .String(member.org)
      .Key("status")
      .String(core::ToString(member.status))
      .Key("joined")
      .String(member.joined)
      .Key("left");
  if (member.left) {
    out.BeginObject()
        .Field("kind", core::ToString(member.left->kind))
        .Field("on", core::FormatIsoDate(member.left->on))
        .Field("reason", member.left->reason)
        .EndObject();
  } else {
    out.Null();
  }
  out.EndObject();
}

template <typename T, typename F>
std::string PageText(const storage::Page<T>& page, std::int64_t offset, std::int64_t limit,
                     F write_item) {
  JsonWriter out;
  out.BeginObject().Key("items").BeginArray();
  for (const T& item : page.items) write_item(out, item);
  out.EndArray();
  out.Key("total").Int(page.total).Key("offset").Int(offset).Key("limit").Int(limit).EndObject();
  return out.Take();
}

template <typename T, typename F>
std::string ItemText(const T& item, F write_item) {
  JsonWriter out;
  write_item(out, item);
  return out.Take();
}

// The organization in a request body (every problem answered at once, 422); `code` comes from
// the path on updates.
std::optional<core::Organization> ParseOrg(const nlohmann::json& body, httplib::Response& res) {
  core::Organization org;
  if (auto errors = ReadOrganization(body, org); !errors.empty()) {
    WriteFieldErrors(res, errors);
    return std::nullopt;
  }
  return org;
}

// Where the organization goes: a direct one needs the global right, else the parent's. A
// parent unknown to the caller (never used, or out of scope) passes here: validation answers
// it with 422 like an import would (Save).
bool MayPlace(Call& call, const core::Organization& org) {
  if (org.parent.empty()) return Require(call, core::GlobalAction::kCreateDirectOrganization);
  auto sees = Sees(call, org.parent);
  if (!sees.ok()) {
    WriteError(call.res, sees.error());
    return false;
  }
  return !sees.value() || RequireOrg(call, org.parent, core::OrgAction::kWriteOrganization);
}

// Validates like an import, checks the fields only admin changes against `before` (nullptr
// when creating) and saves; answers 201 when created, 200 when updated. A parent the caller
// may not see is taken out of the stored tree first, so that it is refused with the very words
// of a parent that does not exist.
void Save(Call& call, core::Organization org, const core::Organization* before) {
  bool parent_hidden = false;
  if (!org.parent.empty()) {
    auto sees = Sees(call, org.parent);
    if (!sees.ok()) return WriteError(call.res, sees.error());
    parent_hidden = !sees.value();
  }
  auto saved = app::SaveOrganizationEntry(call.store, call.principal, std::move(org), before,
                                          parent_hidden, call.actor);
  if (!saved.ok()) return WriteError(call.res, saved.error());
  WriteJsonText(call.res, ItemText(saved.value().org, WriteOrg), saved.value().created ? 201 : 200);
}

// A page of organizations, as VisitOrganizations reads it for `filter` (scope applied).
void WriteList(Call& call, const storage::OrgFilter& filter) {
  // Rows go from the statement to the text as they are read: no Organization per row.
  JsonWriter out;
  out.BeginObject().Key("items").BeginArray();
  auto total = app::VisitOrganizations(
      call.store, filter, [&](const storage::OrgRowView& org) { WriteOrgRow(out, org); });
  if (!total.ok()) return WriteError(call.res, total.error());
  out.EndArray().Key("total").Int(total.value());
  out.Key("offset").Int(filter.offset).Key("limit").Int(filter.limit).EndObject();
  WriteJsonText(call.res, out.Take());
}

// Remembered by data version (http/read_memo.h): the page depends on the parsed filter and the
// caller's scope, nothing else (no clock: "ended" is a stored fact).
void ListOrganizations(Call& call) {
  storage::OrgFilter filter;
  if (!PageParams(call.req, filter.offset, filter.limit, call.res)) return;
  if (!OrganizationListParams(call.req, filter, call.res)) return;
  ApplyScope(call.principal, filter);
  MemoKey key("organizations");
  AddFilterKey(key.Add(ScopeKey(call.principal)), filter);
  call.services.pages.Answer(call, key.text(), [&] { WriteList(call, filter); });
}

// What the caller may do to the organization, as core::MayAccessOrganization decides, so
// that a page offers only that: {"change", "change_members", "change_scores", "end"}.
std::string MayText(Call& call, const std::string& code) {
  auto ancestry = app::AncestryOf(call.store, code);
  const std::vector<std::string> chain =
      ancestry.ok() ? ancestry.value() : std::vector<std::string>{};
  const auto may = [&](core::OrgAction action) {
    return core::MayAccessOrganization(call.principal, chain, action);
  };
  JsonWriter out;
  out.BeginObject()
      .Key("change")
      .Bool(may(core::OrgAction::kWriteOrganization))
      .Key("change_members")
      .Bool(may(core::OrgAction::kWriteMembers))
      .Key("change_scores")
      .Bool(may(core::OrgAction::kWriteScores))
      .Key("end")
      .Bool(may(core::OrgAction::kEnd))
      .EndObject();
  return out.Take();
}

// {"regular": n, "mobile": n, ...}, by core::MemberStatus.
std::string CountsText(const std::array<std::int64_t, 5>& counts) {
  JsonWriter out;
  out.BeginObject();
  for (int s = 0; s < 5; ++s) {
    out.Key(core::ToString(static_cast<core::MemberStatus>(s))).Int(counts[s]);
  }
  out.EndObject();
  return out.Take();
}

void WriteDetail(Call& call, const std::string& code) {
  if (!RequireOrg(call, code, core::OrgAction::kRead)) return;
  auto detail = app::OrganizationOf(call.store, code);
  if (!detail.ok()) return WriteError(call.res, detail.error());
  if (!detail.value()) return WriteError(call.res, 404, "not_found", "no organization", "code");
  // The organization's fields, then its counts, in one object.
  std::string text = ItemText(detail.value()->org, WriteOrg);
  text.pop_back();
  // With no organization below it, its subtree is itself: no walk (most are branches).
  auto subtree = detail.value()->children == 0
                     ? core::Result<std::array<std::int64_t, 5>>(detail.value()->member_counts)
                     : app::SubtreeMemberCounts(call.store, code);
  if (!subtree.ok()) return WriteError(call.res, subtree.error());
  text += ",\"member_counts\":" + CountsText(detail.value()->member_counts) +
          ",\"subtree_member_counts\":" + CountsText(subtree.value()) +
          ",\"members_left\":" + std::to_string(detail.value()->members_left) +
          ",\"children\":" + std::to_string(detail.value()->children) +
          ",\"may\":" + MayText(call, code) + "}";
  WriteJsonText(call.res, std::move(text));
}

// Remembered by data version (http/read_memo.h) for the caller's role and scope, which decide
// both whether it is shown and "may"; a refusal is not kept, so it is decided anew each time.
void Detail(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  const MemoKey key = MemoKey("organization").Add(*code).Add(ScopeKey(call.principal));
  call.services.pages.Answer(call, key.text(), [&] { WriteDetail(call, *code); });
}

void Create(Call& call) {
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  auto org = ParseOrg(*body, call.res);
  if (!org || !MayPlace(call, *org)) return;
  auto ancestry = app::AncestryOf(call.store, org->code);
  if (!ancestry.ok()) return WriteError(call.res, ancestry.error());
  // The same answer whoever holds the code (core/access.h, "Secrecy").
  if (!ancestry.value().empty()) {
    return WriteError(call.res, 409, "conflict",
                      "the code " + org->code + " is already in use; choose another", "code",
                      "code_unavailable", {{"code", org->code}});
  }
  Save(call, std::move(*org), nullptr);
}

void Update(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  if (!body->contains("code")) (*body)["code"] = *code;
  auto org = ParseOrg(*body, call.res);
  if (!org) return;
  if (org->code != *code) {
    return WriteError(call.res, 422, "invalid", "code cannot be changed", "code",
                      "code_unchangeable");
  }
  if (!RequireOrg(call, *code, core::OrgAction::kWriteOrganization)) return;
  auto before = app::OrganizationOf(call.store, *code);
  if (!before.ok()) return WriteError(call.res, before.error());
  if (!before.value()) return WriteError(call.res, 404, "not_found", "no organization", "code");
  // Only a move needs a right to the new place, and moving is admin's (before any look at
  // the place, which would tell what exists there).
  if (org->parent != before.value()->org.parent) {
    if (auto may = core::CheckFieldChange(call.principal, core::GuardedField::kOrgParent);
        !may.ok()) {
      return WriteError(call.res, may.error());
    }
    if (!MayPlace(call, *org)) return;
  }
  Save(call, std::move(*org), &before.value()->org);
}

void Members(Call& call) {
  auto code = PathCode(call.req, call.res);
  std::int64_t offset = 0, limit = 50;
  if (!code || !PageParams(call.req, offset, limit, call.res) ||
      !RequireOrg(call, *code, core::OrgAction::kRead)) {
    return;
  }
  auto page = app::MembersOf(call.store, *code, offset, limit);
  if (!page.ok()) return WriteError(call.res, page.error());
  WriteJsonText(call.res, PageText(page.value(), offset, limit, WriteMember));
}

void SaveMember(Call& call) {
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::Member member;
  if (auto errors = ReadMember(*body, core::CountyDate(core::DefaultClock().Now()), member);
      !errors.empty()) {
    return WriteFieldErrors(call.res, errors);
  }
  if (!RequireOrg(call, member.org, core::OrgAction::kWriteMembers)) return;
  auto created = app::SaveMemberEntry(call.store, call.principal, member, call.actor);
  if (!created.ok()) return WriteError(call.res, created.error());
  WriteJsonText(call.res, ItemText(member, WriteMember), created.value() ? 201 : 200);
}

}  // namespace

void AddOrgRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {Method::kGet, "/api/v1/organizations",
       "Organizations in scope (unit, type, parent, direct, q, offset, limit; state: active "
       "by default, ended or all)",
       true, ListOrganizations});
  routes.push_back(
      {Method::kPost, "/api/v1/organizations", "Create an organization", true, Create});
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}",
                    "An organization with member counts (members who left apart), its own and "
                    "with every organization below it that exists (subtree_member_counts), "
                    "children that exist, how it ended if it did, and what you may do to it (may)",
                    true, Detail});
  routes.push_back({Method::kPut, "/api/v1/organizations/{code}", "Update or move an organization",
                    true, Update});
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/members",
                    "Members of an organization", true, Members});
  routes.push_back(
      {Method::kPost, "/api/v1/members", "Create or update a member", true, SaveMember});
}

}  // namespace grassroots::http
