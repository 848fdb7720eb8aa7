// One organization's record written inside a use case's transaction (tx.h): the single write of
// the server (Store::SaveOrganization) and a use case that changes an organization as one step
// of several (an adjustment's new secretary, app/adjustment_service) take this same path, with
// the same audit entry ("organization.create" / "organization.update", "organization:CODE",
// the row before and after as JSON).
#pragma once

#include "core/error.h"
#include "core/organization.h"
#include "storage/tx.h"

namespace grassroots::storage {

// The organization as stored now (end included), or nullopt.
core::Result<std::optional<core::Organization>> FindOrganization(Tx& tx, const std::string& code);

// Creates or updates `org`, validated by the caller (parent exists, no cycle, unit resolved),
// and audits it in `tx`. True when it was created. kInvalid when the unit is not resolved;
// kInternal in a read snapshot.
core::Result<bool> SaveOrganization(Tx& tx, const core::Organization& org);

// Creates or updates `member` (validated by the caller) and audits it in `tx` as
// Store::SaveMember does ("member.save", "member:ID"): the single member write when a change of
// status goes with it in the same transaction (app/member_status_service). True when created.
core::Result<bool> SaveMember(Tx& tx, const core::Member& member);

}  // namespace grassroots::storage
