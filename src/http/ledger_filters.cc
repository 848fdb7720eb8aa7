#include "http/ledger_filters.h"

#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"

namespace grassroots::http {

bool LedgerParams(const httplib::Request& req, const core::Principal& who, app::LedgerQuery& query,
                  httplib::Response& res) {
  if (!OrgFilterParams(req, query.org, res)) return false;
  auto state = QueryText(req, "state", res);
  if (!state) return false;
  if (!state->empty()) {
    query.state = core::ParseItemState(*state);
    if (!query.state) {
      WriteError(res, 422, "invalid", "state must be open, in_progress, submitted or closed",
                 "state", "unknown_value",
                 {{"value", *state}, {"accepted", "open, in_progress, submitted, closed"}});
      return false;
    }
  }
  if (req.has_param("overdue")) {
    const std::string overdue = req.get_param_value("overdue");
    if (overdue != "true" && overdue != "false") {
      WriteError(res, 422, "invalid", "overdue must be true or false", "overdue", "not_a_boolean");
      return false;
    }
    query.overdue = overdue == "true";
  }
  auto org = QueryText(req, "org", res);
  if (!org) return false;
  if (!org->empty() && !IsValidCode(*org)) {
    WriteError(res, 422, "invalid", "org is not an organization code", "org", "invalid_code");
    return false;
  }
  query.org_code = *org;
  ApplyScope(who, query.org);
  return true;
}

}  // namespace grassroots::http
