// Ending organizations and recording members who left, for the HTTP API (and any later
// entry point): the checks of core/lifecycle.h against what is stored, then the store's audited
// write. The caller has checked that `by` may end the organization or change the member roll.
#pragma once

#include <string>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/lifecycle.h"
#include "storage/store.h"

namespace grassroots::app {

// Records that organization `code` was dissolved or merged, as core::CheckOrgEnd allows with
// the stored children and the target organization as `by` may see it (one `by` may not read
// is unknown to them, like one that does not exist). `today` is the county's day. kNotFound
// (field "code") when there is no such organization.
core::Status EndOrganization(storage::Store& store, const core::Principal& by,
                             const std::string& code, const core::OrgEnd& end,
                             const core::CivilDate& today, const storage::Actor& actor);

// Records that member `id` left, as core::CheckMemberLeave allows. kNotFound (field "id").
core::Status RecordMemberLeft(storage::Store& store, const std::string& id,
                              const core::MemberLeave& leave, const core::CivilDate& today,
                              const storage::Actor& actor);

}  // namespace grassroots::app
