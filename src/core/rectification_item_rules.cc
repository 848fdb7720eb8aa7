#include "core/rectification_item_rules.h"

#include "core/clock.h"
#include "core/field_rules.h"
#include "core/support_rules.h"
#include "core/text.h"

namespace grassroots::core {
namespace {

void Append(std::vector<Error>& errors, const Status& status) {
  if (!status.ok()) errors.push_back(status.error());
}

}  // namespace

std::vector<Error> CheckItemFields(const ItemFields& item) {
  std::vector<Error> errors;
  if (TrimSpace(item.measure).empty()) {
    errors.push_back(Error::Invalid("say what is to be done", "measure").With("empty"));
  } else {
    Append(errors, CheckText("measure", item.measure, kMaxMeasureLength));
  }
  Append(errors, CheckName("responsible", item.responsible, true));
  Append(errors, CheckName("responsible_user", item.responsible_user, false));
  if (!item.support_role.empty() && !ParseSupportRole(item.support_role)) {
    errors.push_back(
        Error::Invalid("support_role must be empty or one of " + std::string(kSupportRoleNames),
                       "support_role")
            .With("unknown_value",
                  {{"value", item.support_role}, {"accepted", std::string(kSupportRoleNames)}}));
  }
  if (!ParseIsoDate(item.deadline)) {
    errors.push_back(Error::Invalid("deadline must be a day written YYYY-MM-DD", "deadline")
                         .With("invalid_date", {{"value", item.deadline}}));
  }
  return errors;
}

}  // namespace grassroots::core
