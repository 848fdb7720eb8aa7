#include "http/standards_filters.h"

#include <charconv>

#include "core/field_rules.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"

namespace grassroots::http {

bool DesignationParams(Call& call, storage::DesignationFilter& filter) {
  const std::string year = call.req.get_param_value("year");
  if (!year.empty()) {
    long long value = 0;
    const auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), value);
    core::Status status = core::Status::Ok();
    if (ec != std::errc() || end != year.data() + year.size()) {
      status = core::Error::Invalid("year must be a whole number", "year")
                   .With("not_a_number", {{"value", year.substr(0, 16)}});
    } else {
      status = core::CheckYear("year", value);
    }
    if (!status.ok()) {
      WriteError(call.res, status.error());
      return false;
    }
    filter.year = static_cast<int>(value);
  }
  const std::string state = call.req.get_param_value("state");
  if (state == "current") {
    filter.current = true;
  } else if (state == "revoked") {
    filter.current = false;
  } else if (!state.empty() && state != "all") {
    WriteError(call.res,
               core::VocabularyError("state", state.substr(0, 16), "current, revoked, all"));
    return false;
  }
  if (!OrgFilterParams(call.req, filter.org, call.res) ||
      !PageParams(call.req, filter.org.offset, filter.org.limit, call.res)) {
    return false;
  }
  ApplyScope(call.principal, filter.org);
  return true;
}

}  // namespace grassroots::http
