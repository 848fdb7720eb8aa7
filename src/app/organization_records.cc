#include "app/organization_records.h"

#include <utility>

#include "app/member_status_service.h"
#include "core/field_access.h"
#include "core/import_rows.h"
#include "storage/organization_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

// The unit a new organization takes from its parent (kDefaultUnit for a direct one).
std::string InheritedUnit(const core::StoredOrgs& stored, const core::Organization& org) {
  if (org.parent.empty()) return std::string(core::kDefaultUnit);
  const auto it = stored.find(org.parent);
  return it == stored.end() ? std::string(core::kDefaultUnit) : it->second.unit;
}

}  // namespace

core::Result<std::vector<std::string>> AncestryOf(storage::Store& store, const std::string& code) {
  return storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Ancestry(code); });
}

core::Result<std::optional<storage::OrgDetail>> OrganizationOf(storage::Store& store,
                                                               const std::string& code) {
  return storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail(code); });
}

core::Result<std::int64_t> VisitOrganizations(
    storage::Store& store, const storage::OrgFilter& filter,
    const std::function<void(const storage::OrgRowView&)>& row) {
  return storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Visit(filter, row); });
}

core::Result<std::array<std::int64_t, 5>> SubtreeMemberCounts(storage::Store& store,
                                                              const std::string& code) {
  return storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::MemberRecords(t).SubtreeCounts(code); });
}

core::Result<SavedOrganization> SaveOrganizationEntry(
    storage::Store& store, const core::Principal& by, core::Organization org,
    const core::Organization* before, bool parent_hidden, const storage::Actor& actor) {
  // The tree it is validated against and the write are one transaction.
  std::vector<core::Row<core::Organization>> rows = {{1, std::move(org)}};
  auto created = storage::WriteValue(store, actor, [&](storage::Tx& tx) -> core::Result<bool> {
    storage::OrganizationRecords orgs(tx);
    auto stored = orgs.Stored();
    if (!stored.ok()) return stored.error();
    if (parent_hidden) stored.value().erase(rows[0].value.parent);
    if (auto errors = core::ValidateOrganizations(rows, stored.value()); !errors.empty()) {
      const core::LineError& e = errors.front();
      core::Error error = core::Error::Invalid(e.message, e.field.empty() ? "parent" : e.field);
      error.reason = e.reason;
      error.params = e.params;
      return error;
    }
    if (core::Status may = core::CheckOrganizationChange(
            by, before, rows[0].value, InheritedUnit(stored.value(), rows[0].value));
        !may.ok()) {
      return may.error();
    }
    return orgs.Save(rows[0].value);
  });
  if (!created.ok()) return created.error();
  return SavedOrganization{std::move(rows[0].value), created.value()};
}

core::Result<storage::Page<core::Member>> MembersOf(storage::Store& store, const std::string& code,
                                                    std::int64_t offset, std::int64_t limit) {
  return storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::MemberRecords(t).List(code, offset, limit); });
}

core::Result<std::optional<core::Member>> MemberOf(storage::Store& store, const std::string& id) {
  return storage::ReadValue(store,
                            [&](storage::Tx& t) { return storage::MemberRecords(t).Find(id); });
}

core::Result<bool> SaveMemberEntry(storage::Store& store, const core::Principal& by,
                                   core::Member member, const storage::Actor& actor) {
  return storage::WriteValue(store, actor, [&](storage::Tx& tx) -> core::Result<bool> {
    storage::MemberRecords members(tx);
    auto existing = members.Find(member.id);
    if (!existing.ok()) return existing.error();
    if (existing.value() && existing.value()->org != member.org) {
      // A member of an organization `by` may not change: the id is taken, and nothing more is
      // said of where (core/access.h, "Secrecy").
      auto ancestry = storage::OrganizationRecords(tx).Ancestry(existing.value()->org);
      if (!ancestry.ok()) return ancestry.error();
      if (!core::MayAccessOrganization(by, ancestry.value(), core::OrgAction::kWriteMembers)) {
        return core::Error::Conflict(
                   "the member id " + member.id + " is already in use; choose another", "id")
            .With("member_id_unavailable", {{"id", member.id}});
      }
    }
    if (!existing.value() || existing.value()->status == member.status) {
      if (existing.value()) member.left = existing.value()->left;  // kept by the save
      return members.Save(member);
    }
    // A change of status is a dated change (core::CheckStatusChange), taking effect today, and
    // written with the rest of the member in the same transaction.
    const core::CivilDate today = core::CountyDate(core::DefaultClock().Now());
    const core::StatusChangeInput change{std::string(core::ToString(member.status)),
                                         core::FormatIsoDate(today), ""};
    core::Member rest = member;
    rest.status = existing.value()->status;
    rest.left = existing.value()->left;
    auto saved = members.Save(rest);
    if (!saved.ok()) return saved.error();
    auto changed = ChangeMemberStatusIn(tx, member.id, change, today);
    if (!changed.ok()) return changed.error();
    return false;
  });
}

core::Result<storage::Page<storage::RosterRow>> Roster(storage::Store& store,
                                                       const storage::OrgFilter& filter,
                                                       std::optional<core::MemberStatus> status) {
  return storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::MemberRecords(t).Roster(filter, status); });
}

}  // namespace grassroots::app
