#include "app/score_sheet.h"

#include "storage/score_subject.h"
#include "storage/tx.h"

namespace grassroots::app {

core::Result<std::vector<core::ScoreRecord>> ScoresOf(storage::Store& store,
                                                      const std::string& code) {
  return storage::ReadValue(store,
                            [&](storage::Tx& t) { return storage::ScoreRecords(t).Of(code); });
}

core::Result<storage::Page<storage::ScoreSheetRow>> ScoreSheet(storage::Store& store, int year,
                                                               storage::SheetRows which,
                                                               const storage::OrgFilter& filter) {
  return storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::ScoreRecords(t).Sheet(year, which, filter); });
}

}  // namespace grassroots::app
