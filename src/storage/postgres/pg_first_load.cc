#include "storage/postgres/pg_first_load.h"

#include <utility>

namespace grassroots::storage::pg {
namespace {

// One (name, definition) per row of `sql`, whose one parameter is the table.
core::Result<std::vector<std::pair<std::string, std::string>>> NamedDefinitions(
    DatabaseImpl& db, std::string_view sql, std::string_view table) {
  core::Result<Statement> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindText(1, table);
  std::vector<std::pair<std::string, std::string>> found;
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return found;
    found.emplace_back(stmt.value().Text(0), stmt.value().Text(1));
  }
}

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

}  // namespace

core::Result<std::vector<std::string>> SuspendForFirstLoad(DatabaseImpl& db,
                                                           std::string_view table) {
  const std::string t(table);  // one of our own table names, never input
  std::vector<std::string> restore;
  core::Result<Statement> any = db.Prepare("SELECT EXISTS (SELECT 1 FROM " + t + ")");
  if (!any.ok()) return any.error();
  core::Result<bool> row = any.value().Step();
  if (!row.ok()) return row.error();
  const bool empty = row.value() && any.value().Int(0) == 0;
  any.value().Reset();
  if (!empty) return restore;

  auto keys = NamedDefinitions(db,
                               "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                               " WHERE conrelid = ?::regclass AND contype = 'f' ORDER BY conname",
                               table);
  if (!keys.ok()) return keys.error();
  auto indexes = NamedDefinitions(db,
                                  "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i"
                                  " JOIN pg_class c ON c.oid = i.indexrelid"
                                  " WHERE i.indrelid = ?::regclass AND NOT i.indisunique"
                                  " ORDER BY c.relname",
                                  table);
  if (!indexes.ok()) return indexes.error();
  const std::string what = "preparing the first load of " + t;
  for (const auto& [name, definition] : keys.value()) {
    if (core::Status s = db.Exec("ALTER TABLE " + t + " DROP CONSTRAINT " + Quoted(name), what);
        !s.ok()) {
      return s.error();
    }
  }
  for (const auto& [name, definition] : indexes.value()) {
    if (core::Status s = db.Exec("DROP INDEX " + Quoted(name), what); !s.ok()) return s.error();
    restore.push_back(definition);
  }
  for (const auto& [name, definition] : keys.value()) {
    restore.push_back("ALTER TABLE " + t + " ADD CONSTRAINT " + Quoted(name) + " " + definition);
  }
  return restore;
}

}  // namespace grassroots::storage::pg
