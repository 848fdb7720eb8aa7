// Reading a large table a page at a time by its key (keyset paging), so that no backend holds
// the whole result: a PostgreSQL statement's result arrives whole before its first row (5.2
// million organizations or scores were over half a GiB of libpq's records beside what the
// caller builds from them), while SQLite steps its rows from the file either way and pays one
// index seek a page. Internal to src/storage.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "storage/database.h"

namespace grassroots::storage {

// Rows per page: large enough that the seek per page is lost in the rows.
inline constexpr int kPageRows = 65536;

// Runs `sql` page after page. Its first column is the key, unique and text, and it ends
// "... <key> > ? ORDER BY <key> LIMIT ?"; `bind(stmt)` binds the parameters before those two and
// answers how many it bound. `row(stmt)` is called for every row, in key order; an error it
// answers ends the read. `page_rows` other than kPageRows is for tests. (Named apart from
// ReadPaged so that a call's arguments cannot fit both.)
template <typename Bind, typename Row>
core::Status ReadPagedWith(Database& db, std::string_view sql, Bind bind, Row row,
                           int page_rows = kPageRows) {
  core::Result<Statement> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  Statement& s = stmt.value();
  std::string after;
  for (;;) {
    const int bound = bind(s);
    s.BindText(bound + 1, after).BindInt(bound + 2, page_rows);
    int read = 0;
    std::string last;
    for (;;) {
      core::Result<bool> next = s.Step();
      if (!next.ok()) return next.error();
      if (!next.value()) break;
      ++read;
      if (core::Status status = row(static_cast<const Statement&>(s)); !status.ok()) {
        s.Reset();
        return status;
      }
      last = s.Text(0);
    }
    s.Reset();
    if (read < page_rows) return core::Status::Ok();
    after = std::move(last);
  }
}

// The same with no parameters but the key's.
template <typename Row>
core::Status ReadPaged(Database& db, std::string_view sql, Row row, int page_rows = kPageRows) {
  return ReadPagedWith(
      db, sql, [](Statement&) { return 0; }, row, page_rows);
}

}  // namespace grassroots::storage
