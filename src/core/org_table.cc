#include "core/org_table.h"

#include <utility>

namespace grassroots::core {

void OrgTable::Reserve(std::size_t n) {
  code.reserve(n);
  type.reserve(n);
  unit.reserve(n);
  parent.reserve(n);
}

void OrgTable::Add(std::string org_code, OrgType org_type, std::uint32_t org_unit,
                   std::int32_t org_parent) {
  code.push_back(std::move(org_code));
  type.push_back(org_type);
  unit.push_back(org_unit);
  parent.push_back(org_parent);
}

}  // namespace grassroots::core
