#include "app/lifecycle_service.h"

#include "storage/organization_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

// Whether `code` is an organization `by` may read, and whether it has ended.
core::Result<std::pair<bool, bool>> TargetState(storage::OrganizationRecords& orgs,
                                                const core::Principal& by,
                                                const std::string& code) {
  if (code.empty()) return std::pair<bool, bool>(false, false);
  auto ancestry = orgs.Ancestry(code);
  if (!ancestry.ok()) return ancestry.error();
  if (ancestry.value().empty() ||
      !core::MayAccessOrganization(by, ancestry.value(), core::OrgAction::kRead)) {
    return std::pair<bool, bool>(false, false);
  }
  auto target = orgs.Find(code);
  if (!target.ok()) return target.error();
  return std::pair<bool, bool>(true, target.value() && target.value()->end.has_value());
}

}  // namespace

core::Status EndOrganization(storage::Store& store, const core::Principal& by,
                             const std::string& code, const core::OrgEnd& end,
                             const core::CivilDate& today, const storage::Actor& actor) {
  // What the check reads and the end it records are one transaction.
  return store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::OrganizationRecords orgs(tx);
    auto org = orgs.Find(code);
    if (!org.ok()) return org.error();
    if (!org.value()) return core::Error::NotFound("no organization " + code, "code");
    core::EndContext context;
    context.today = today;
    context.already_ended = org.value()->end.has_value();
    auto children = orgs.Children(code);
    if (!children.ok()) return children.error();
    context.children = std::move(children).value();
    auto target = TargetState(orgs, by, end.merged_into);
    if (!target.ok()) return target.error();
    context.target_known = target.value().first;
    context.target_ended = target.value().second;
    if (core::Status checked = core::CheckOrgEnd(code, end, context); !checked.ok()) {
      return checked;
    }
    return orgs.End(code, end);
  });
}

core::Status RecordMemberLeft(storage::Store& store, const std::string& id,
                              const core::MemberLeave& leave, const core::CivilDate& today,
                              const storage::Actor& actor) {
  return store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::MemberRecords members(tx);
    auto member = members.Find(id);
    if (!member.ok()) return member.error();
    if (!member.value()) return core::Error::NotFound("no member " + id, "id");
    // A joined date that does not read as a day (stored before dates were checked) is unknown.
    const std::optional<core::CivilDate> joined = core::ParseIsoDate(member.value()->joined);
    core::Status checked =
        core::CheckMemberLeave(leave, joined, member.value()->left.has_value(), today);
    if (!checked.ok()) return checked;
    return members.RecordLeft(id, leave);
  });
}

}  // namespace grassroots::app
