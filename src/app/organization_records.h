// Organizations and members through the API (/organizations, /members): their reads, the place
// of a code in the tree that every access check starts from, and the single writes with the
// checks that need what is stored — the import's validation of the tree
// (core::ValidateOrganizations), the fields only admin changes (core::CheckOrganizationChange),
// a member id held in an organization the writer may not change. The caller has checked that
// the writer may write where the organization or member goes. Knows neither HTTP nor SQL.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/organization.h"
#include "storage/store.h"

namespace grassroots::app {

// The code, its parent's, ... up to the direct organization; empty when there is no such
// organization. What core::MayAccessOrganization reads.
core::Result<std::vector<std::string>> AncestryOf(storage::Store& store, const std::string& code);

// The stored organization `code` with its counts and how it ended, if it did; nullopt when
// there is none.
core::Result<std::optional<storage::OrgDetail>> OrganizationOf(storage::Store& store,
                                                               const std::string& code);

// A page of the organization list (its scope applied by the caller), handed over a row at a
// time as stored; answers the total.
core::Result<std::int64_t> VisitOrganizations(
    storage::Store& store, const storage::OrgFilter& filter,
    const std::function<void(const storage::OrgRowView&)>& row);

// Members on the roll of `code` and every organization below it that has not ended, by
// core::MemberStatus.
core::Result<std::array<std::int64_t, 5>> SubtreeMemberCounts(storage::Store& store,
                                                              const std::string& code);

// Creates or updates `org` on behalf of `by` (`before`: the stored organization, nullptr when
// creating), validated as an import row against the stored tree. A parent
// `by` may not see (`parent_hidden`) is unknown, refused in the words of one never used.
// kInvalid with the import's reason (field "parent" when the row error names none); kForbidden
// when `by` changes a field only admin changes. Nothing is written on any error.
struct SavedOrganization {
  core::Organization org;  // as stored: its assessing unit resolved
  bool created = false;
};
core::Result<SavedOrganization> SaveOrganizationEntry(
    storage::Store& store, const core::Principal& by, core::Organization org,
    const core::Organization* before, bool parent_hidden, const storage::Actor& actor);

// A page of the members of `code`.
core::Result<storage::Page<core::Member>> MembersOf(storage::Store& store, const std::string& code,
                                                    std::int64_t offset, std::int64_t limit);

// The member `id`; nullopt when there is none.
core::Result<std::optional<core::Member>> MemberOf(storage::Store& store, const std::string& id);

// Creates or updates `member` on behalf of `by` (who may change the members of `member.org`);
// true when created. A member who left stays left. kConflict (reason member_id_unavailable,
// field "id") when the id is held in an organization `by` may not change the members of: the
// same words whoever holds it. A changed status of an existing member is a change of status
// taking effect today (the county's day of core::DefaultClock), under core::CheckStatusChange
// (app/member_status_service.h), recorded in its history with the member's other fields in one
// transaction; refused as that rule refuses it.
core::Result<bool> SaveMemberEntry(storage::Store& store, const core::Principal& by,
                                   core::Member member, const storage::Actor& actor);

// A page of the member roster (its scope applied by the caller), of one status or all.
core::Result<storage::Page<storage::RosterRow>> Roster(storage::Store& store,
                                                       const storage::OrgFilter& filter,
                                                       std::optional<core::MemberStatus> status);

}  // namespace grassroots::app
