#include "core/field_access.h"

#include <string>

namespace grassroots::core {
namespace {

Error AdminOnly(std::string_view field) {
  const std::string name(field);
  return Error::Forbidden("only admin may change " + name, name)
      .With("admin_only_field", {{"field", name}});
}

}  // namespace

std::string_view FieldName(GuardedField field) {
  switch (field) {
    case GuardedField::kOrgType:
      return "type";
    case GuardedField::kOrgUnit:
      return "unit";
    case GuardedField::kOrgParent:
      return "parent";
    case GuardedField::kCommitteeGrade:
      return "grade";
  }
  return "";
}

bool MayChangeField(const Principal& who, GuardedField /*field*/) {
  return who.role == Role::kAdmin;
}

Status CheckFieldChange(const Principal& who, GuardedField field) {
  if (MayChangeField(who, field)) return Status::Ok();
  return AdminOnly(FieldName(field));
}

Status CheckOrganizationChange(const Principal& who, const Organization* before,
                               const Organization& after, std::string_view inherited_unit) {
  const bool type_changes = before != nullptr && before->type != after.type;
  const bool parent_changes = before != nullptr && before->parent != after.parent;
  const std::string_view unit_was =
      before != nullptr ? std::string_view(before->unit) : inherited_unit;
  if (type_changes) {
    if (auto status = CheckFieldChange(who, GuardedField::kOrgType); !status.ok()) return status;
  }
  if (parent_changes) {
    if (auto status = CheckFieldChange(who, GuardedField::kOrgParent); !status.ok()) return status;
  }
  if (unit_was != after.unit) return CheckFieldChange(who, GuardedField::kOrgUnit);
  return Status::Ok();
}

Status CheckScoreChange(const Principal& who, const ScoreRecord* before, const ScoreRecord& after) {
  if (MayChangeField(who, GuardedField::kCommitteeGrade)) return Status::Ok();
  const std::optional<Grade> grade_was =
      before != nullptr ? before->committee_grade : std::optional<Grade>();
  const std::string_view reason_was = before != nullptr ? std::string_view(before->reason) : "";
  if (grade_was != after.committee_grade) return AdminOnly("grade");
  if (reason_was != after.reason) return AdminOnly("reason");
  return Status::Ok();
}

}  // namespace grassroots::core
