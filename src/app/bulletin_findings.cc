#include "app/bulletin_findings.h"

namespace grassroots::app {

core::Result<std::vector<core::BulletinFinding>> QuarterFindings(storage::Store& /*store*/,
                                                                 const core::DayRange& /*days*/,
                                                                 const std::string& /*unit*/) {
  // TODO(h13-spot): see the header; no spot-check records exist on this branch.
  return std::vector<core::BulletinFinding>();
}

}  // namespace grassroots::app
