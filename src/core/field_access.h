// Fields of a record that only admin may change (issue 9), decided in this one place for score
// entry, bulk writes, imports, the grade override and organization writes. It sits beside
// access.h, which decides who may touch an organization at all: these rules apply on top, to
// a write that access.h already allows. Pure.
//
// Decisions:
// - What decides an organization's ranking group is the county's: its type, its assessing
//   unit and its parent (which carries the unit and the place in the tree). A unit_admin may
//   still change the rest of the record of the organizations it manages: name, kind (党委,
//   党总支, 党支部 — the assessment does not read it) and secretary.
// - A unit_admin may create an organization inside its subtree (access.h) with a type of its
//   choosing, since a new organization needs one, but under the assessing unit it inherits
//   from its parent: naming another unit is admin's.
// - Nobody grades themselves: the committee grade and its reason are the county committee's
//   (admin). A score written by anyone else keeps the grade and reason stored with it; a
//   write that would set, change or clear them is refused.
// A refusal is kForbidden with reason admin_only_field and params {field}, naming the field.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/access.h"
#include "core/error.h"
#include "core/organization.h"
#include "core/score.h"

namespace grassroots::core {

enum class GuardedField : std::uint8_t { kOrgType, kOrgUnit, kOrgParent, kCommitteeGrade };
inline constexpr GuardedField kAllGuardedFields[] = {GuardedField::kOrgType, GuardedField::kOrgUnit,
                                                     GuardedField::kOrgParent,
                                                     GuardedField::kCommitteeGrade};

// The field's name in requests and files: "type", "unit", "parent", "grade".
std::string_view FieldName(GuardedField field);

bool MayChangeField(const Principal& who, GuardedField field);
// Ok when `who` may change `field`, else the admin_only_field error.
Status CheckFieldChange(const Principal& who, GuardedField field);

// May `who` turn `before` (nullptr when creating) into `after`? `after` has its unit resolved
// (core::ValidateOrganizations); `inherited_unit` is the unit a new organization takes from
// its parent (kDefaultUnit for a direct one).
Status CheckOrganizationChange(const Principal& who, const Organization* before,
                               const Organization& after, std::string_view inherited_unit);

// May `who` turn `before` (nullptr when the organization has no score that year) into `after`?
// Only the grade and reason are guarded; the field named is "grade" when the grade differs,
// else "reason".
Status CheckScoreChange(const Principal& who, const ScoreRecord* before, const ScoreRecord& after);

}  // namespace grassroots::core
