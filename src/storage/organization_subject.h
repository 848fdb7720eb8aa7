// Organizations and their members as storage over a transaction (tx.h; issue 11): the
// organization list and one organization with its counts, the tree (ancestry, children, the
// whole table the engine reads), the member list and roster, the single audited writes of the
// server, and organizations that end and members who leave. Values arrive checked by core
// (core::ValidateOrganizations, core::CheckOrgEnd, core::CheckMemberLeave). Every write appends
// its audit entry in the same transaction: "organization.create"/"organization.update"/
// "organization.end" on "organization:CODE", "member.save"/"member.leave" on "member:ID", with
// the row before and after as JSON (audited_rows.h). SQL shared by SQLite and PostgreSQL. The
// bulk imports stay Store::Upsert* (sql_imports.cc).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/import_rows.h"
#include "core/org_table.h"
#include "core/organization.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

class OrganizationRecords {
 public:
  explicit OrganizationRecords(Tx& tx) : tx_(&tx) {}

  // A page of the organization list (`filter`'s conditions, scope and paging).
  core::Result<Page<core::Organization>> List(const OrgFilter& filter);
  // The same page handed over one row at a time, as stored, without building an Organization
  // per row (a list response writes them straight out); answers the total. The views are valid
  // during the call only; `parent` is empty for a direct organization.
  core::Result<std::int64_t> Visit(const OrgFilter& filter,
                                   const std::function<void(const OrgRowView&)>& row);
  // The organization as stored now (end included), or nullopt.
  core::Result<std::optional<core::Organization>> Find(const std::string& code);
  // The organization with its member counts and children that have not ended, or nullopt.
  core::Result<std::optional<OrgDetail>> Detail(const std::string& code);
  // The code, its parent's, ... up to the direct organization; empty when unknown.
  core::Result<std::vector<std::string>> Ancestry(const std::string& code);
  // The children of `code` (any state) with the day each ended, if it did, by code.
  core::Result<std::vector<std::pair<std::string, std::optional<core::CivilDate>>>> Children(
      const std::string& code);
  // Every organization that ended, with the day.
  core::Result<std::vector<std::pair<std::string, core::CivilDate>>> Ends();
  // All organizations as the engine reads them, ordered by code.
  core::Result<core::OrgTable> Table();
  // What validation of an import or a single write needs to know of the stored organizations.
  core::Result<core::StoredOrgs> Stored();

  // Creates or updates `org`, validated by the caller (parent exists, no cycle, unit resolved).
  // True when it was created. kInvalid when the unit is not resolved.
  core::Result<bool> Save(const core::Organization& org);
  // Records that `code` ended (checked by the caller: core::CheckOrgEnd). kNotFound (field
  // "code") when unknown; kConflict ("organization_ended") when it has ended already. The row
  // stays.
  core::Status End(const std::string& code, const core::OrgEnd& end);

 private:
  Tx* tx_;
};

// Members' rows of organizations, with the roster across organizations.
class MemberRecords {
 public:
  explicit MemberRecords(Tx& tx) : tx_(&tx) {}

  // A page of the members of `org_code`, by id.
  core::Result<Page<core::Member>> List(const std::string& org_code, std::int64_t offset,
                                        std::int64_t limit);
  core::Result<std::optional<core::Member>> Find(const std::string& id);
  // One page of the members on the roll (members who left aside) whose organization matches
  // `filter` (its unit, type, q and scope; not ended by default) and whose status is `status`
  // (nullopt: any), ordered by organization code then member id, each with the name of its
  // organization.
  core::Result<Page<RosterRow>> Roster(const OrgFilter& filter,
                                       std::optional<core::MemberStatus> status);
  // The members on the roll of `code` and every organization below it that has not ended, by
  // core::MemberStatus: what a unit's totals add up to.
  core::Result<std::array<std::int64_t, 5>> SubtreeCounts(const std::string& code);

  // Creates or updates the member (a stored leaving is kept by the caller). True when created.
  core::Result<bool> Save(const core::Member& member);
  // Records that member `id` left (checked by the caller: core::CheckMemberLeave). kNotFound
  // (field "id"); kConflict ("member_left") when already left.
  core::Status RecordLeft(const std::string& id, const core::MemberLeave& leave);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
