// The head file: an anchor of the audit chain outside the database. After every commit that
// appended audit entries, the newest entry is appended to `DB.audit-heads` beside the database
// file as a line "ID HASH AT". A hash chain shows entries edited, removed or reordered in its
// middle, but not entries cut from its end together with everything after them; a head kept
// outside the table is still named by the file after such a cut, and `audit verify` reports
// it. The operator can make the file append-only (chattr +a), copy it elsewhere or point it at
// another disk with a symbolic link; each line is one write(2) of O_APPEND, so writers of
// several processes do not interleave. Lines may come out of commit order between processes;
// each one must still be in the chain.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::storage {

// DB_PATH + ".audit-heads"; empty for an in-memory database, which keeps none.
std::string HeadFilePath(std::string_view db_path);

// Appends "ID HASH AT\n" to `path`, creating it.
core::Status AppendHeadLine(const std::string& path, const ChainHead& head, std::string_view at);

struct RecordedHead {
  int line = 0;
  ChainHead head;
  std::string at;
};

// The heads `path` records, in file order; none when it does not exist. A line that is not
// "ID HASH AT" is kInvalid naming PATH:LINE (a torn last line after a crash is ignored).
core::Result<std::vector<RecordedHead>> ReadHeadFile(const std::string& path);

}  // namespace grassroots::storage
