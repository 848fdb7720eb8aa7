#include "export/table_writer.h"

#include <cstdio>

namespace grassroots::exporting {

std::string FormatLocalDateTime(const LocalDateTime& at) {
  char time[48];
  std::snprintf(time, sizeof time, " %02d:%02d:%02d", at.seconds / 3600, at.seconds / 60 % 60,
                at.seconds % 60);
  return core::FormatIsoDate(at.date) + time;
}

}  // namespace grassroots::exporting
