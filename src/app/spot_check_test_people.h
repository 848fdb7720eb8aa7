#pragma once
// Who acts in the spot check tests (spot_check_service_test.cc, spot_finding_evidence_test.cc):
// the admin, the auditor, and the unit admin of D2, the second committee of their fixtures.
#include "core/access.h"

namespace grassroots::app::test {

inline const core::Principal kAdmin{1, "admin", core::Role::kAdmin, {}};
inline const core::Principal kAuditor{2, "auditor", core::Role::kAuditor, {}};
inline const core::Principal kUnitD2{3, "d2", core::Role::kUnitAdmin, {"D2"}};

}  // namespace grassroots::app::test
