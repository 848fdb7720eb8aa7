// Reading a large table a page at a time by its key (keyset paging), so that no backend holds
// the whole result: a PostgreSQL statement's result arrives whole before its first row (5.2
// million organizations or scores were over half a GiB of libpq's records beside what the
// caller builds from them), while SQLite steps its rows from the file either way and pays one
// index seek a page. Internal to src/storage.
#pragma once

#include <optional>
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
//
// Where a page arrives whole (PostgreSQL), its last key is known before its first row is handed
// out, so the next page is sent for then (Statement::SendAhead): the server reads it while the
// caller works on this one, instead of the two taking turns.
template <typename Bind, typename Row>
core::Status ReadPagedWith(Database& db, std::string_view sql, Bind bind, Row row,
                           int page_rows = kPageRows) {
  core::Result<Statement> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  Statement& s = stmt.value();
  const int bound = bind(s);
  std::string after;
  std::string next;  // the key the next page starts after; bound text, so it outlives the Step
  bool sent = false;
  for (;;) {
    if (!sent) s.BindText(bound + 1, after).BindInt(bound + 2, page_rows);
    sent = false;
    int read = 0;
    for (;;) {
      core::Result<bool> step = s.Step();
      if (!step.ok()) return step.error();
      if (!step.value()) break;
      if (read++ == 0) {
        if (std::optional<WholeResult> whole = s.Whole(0); whole && whole->rows == page_rows) {
          next = whole->last;
          s.BindText(bound + 1, next);
          s.SendAhead();
          sent = true;
        }
      }
      if (core::Status status = row(static_cast<const Statement&>(s)); !status.ok()) {
        s.Reset();
        return status;
      }
      if (!sent && read == page_rows) next = s.Text(0);
    }
    s.Reset();
    if (read < page_rows) return core::Status::Ok();
    after = std::move(next);
  }
}

// The same with no parameters but the key's.
template <typename Row>
core::Status ReadPaged(Database& db, std::string_view sql, Row row, int page_rows = kPageRows) {
  return ReadPagedWith(
      db, sql, [](Statement&) { return 0; }, row, page_rows);
}

}  // namespace grassroots::storage
