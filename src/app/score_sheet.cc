#include "app/score_sheet.h"

namespace grassroots::app {

core::Result<std::vector<core::ScoreRecord>> ScoresOf(storage::Store& store,
                                                      const std::string& code) {
  return store.ScoresOf(code);
}

core::Result<storage::Page<storage::ScoreSheetRow>> ScoreSheet(storage::Store& store, int year,
                                                               storage::SheetRows which,
                                                               const storage::OrgFilter& filter) {
  return store.ListScoreSheet(year, which, filter);
}

}  // namespace grassroots::app
