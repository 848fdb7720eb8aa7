// Who reads the committee's internal deliberation (the reason it gave with a grade it set by
// hand, 评议理由), issue 10. The secretaries of the organizations it is about (secretary,
// first_secretary) see their own record without it unless the county's policy says they may
// ([disclosure] committee_reason_to_secretaries, default false); every other role that may
// read the record reads it. Pure.
#pragma once

#include "core/access.h"
#include "core/policy.h"

namespace grassroots::core {

bool MaySeeCommitteeReason(Role role, const Policy& policy);

}  // namespace grassroots::core
