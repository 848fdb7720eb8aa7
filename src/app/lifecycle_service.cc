#include "app/lifecycle_service.h"

namespace grassroots::app {
namespace {

// Whether `code` is an organization `by` may read, and whether it has ended.
core::Result<std::pair<bool, bool>> TargetState(storage::Store& store, const core::Principal& by,
                                                const std::string& code) {
  if (code.empty()) return std::pair<bool, bool>(false, false);
  auto ancestry = store.Ancestry(code);
  if (!ancestry.ok()) return ancestry.error();
  if (ancestry.value().empty() ||
      !core::MayAccessOrganization(by, ancestry.value(), core::OrgAction::kRead)) {
    return std::pair<bool, bool>(false, false);
  }
  auto target = store.GetOrganization(code);
  if (!target.ok()) return target.error();
  return std::pair<bool, bool>(true, target.value() && target.value()->org.end.has_value());
}

}  // namespace

core::Status EndOrganization(storage::Store& store, const core::Principal& by,
                             const std::string& code, const core::OrgEnd& end,
                             const core::CivilDate& today, const storage::Actor& actor) {
  auto org = store.GetOrganization(code);
  if (!org.ok()) return org.error();
  if (!org.value()) return core::Error::NotFound("no organization " + code, "code");
  core::EndContext context;
  context.today = today;
  context.already_ended = org.value()->org.end.has_value();
  auto children = store.ChildrenOf(code);
  if (!children.ok()) return children.error();
  context.children = std::move(children).value();
  auto target = TargetState(store, by, end.merged_into);
  if (!target.ok()) return target.error();
  context.target_known = target.value().first;
  context.target_ended = target.value().second;
  if (core::Status checked = core::CheckOrgEnd(code, end, context); !checked.ok()) return checked;
  return store.EndOrganization(code, end, actor);
}

core::Status RecordMemberLeft(storage::Store& store, const std::string& id,
                              const core::MemberLeave& leave, const core::CivilDate& today,
                              const storage::Actor& actor) {
  auto member = store.GetMember(id);
  if (!member.ok()) return member.error();
  if (!member.value()) return core::Error::NotFound("no member " + id, "id");
  // A joined date that does not read as a day (stored before dates were checked) is unknown.
  const std::optional<core::CivilDate> joined = core::ParseIsoDate(member.value()->joined);
  core::Status checked =
      core::CheckMemberLeave(leave, joined, member.value()->left.has_value(), today);
  if (!checked.ok()) return checked;
  return store.RecordMemberLeft(id, leave, actor);
}

}  // namespace grassroots::app
