#include "core/ledger_rules.h"

namespace grassroots::core {

CivilDate OverdueCut(UnixSeconds now) { return CountyDate(now); }

std::string_view LedgerStateLabel(ItemState state) {
  switch (state) {
    case ItemState::kOpen:
      return "未启动";
    case ItemState::kInProgress:
      return "整改中";
    case ItemState::kSubmitted:
      return "待销号";
    case ItemState::kClosed:
      return "已销号";
  }
  return "";
}

}  // namespace grassroots::core
