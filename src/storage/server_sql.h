// Helpers of the server's queries (the subjects over tx.h): bound parameters, the
// organization filter as SQL, paged lists, audited single-row writes and small JSON objects.
// Internal to src/storage.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "storage/audit_chain.h"
#include "storage/database.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

inline constexpr std::int64_t kMaxPageSize = 1000;

// The ranking order of a year's results (OrgFilter::ranked) over `assessment_results r`: exactly
// the terms of the index of migration 010 (010_ranked_results.sql), since SQLite uses an index
// on an expression only for the identical expression.
inline constexpr std::string_view kResultRankOrder =
    "r.unit_code, (CASE r.type WHEN 'village' THEN 0 WHEN 'community' THEN 1 WHEN 'soe' THEN 2"
    " WHEN 'nonpublic' THEN 3 WHEN 'agency' THEN 4 WHEN 'institution' THEN 5 ELSE 6 END),"
    " r.score_cents IS NULL, r.score_cents, r.org_code";

// A value bound to a '?'; monostate binds NULL. Strings are owned here, so they outlive the
// statement's steps (Statement::BindText does not copy).
using SqlParam = std::variant<std::monostate, std::string, std::int64_t, double>;

inline SqlParam NullIfEmpty(const std::string& text) {
  return text.empty() ? SqlParam(std::monostate()) : SqlParam(text);
}

// The text of `column`, empty when NULL: the reading side of NullIfEmpty, shared by the
// subjects' row readers.
inline std::string TextOrEmpty(const Statement& s, int column) {
  return s.IsNull(column) ? std::string() : std::string(s.Text(column));
}

// Ids or codes bound per query when a list is read in pieces (`... IN (?, ?, ...)`), well under
// either backend's limit of parameters.
inline constexpr std::size_t kParamsPerQuery = 500;

// "?, ?, ?": `n` placeholders.
std::string Placeholders(std::size_t n);

// Binds `params` from the 1-based index `first`; returns the next free index.
int BindAll(Statement& stmt, const std::vector<SqlParam>& params, int first);

// kInvalid naming "limit" or "offset" unless 1 <= limit <= 1000 and offset >= 0.
core::Status CheckPaging(std::int64_t offset, std::int64_t limit);

// `{"k":v,...}`; values are JSON already.
std::string JsonObject(const std::vector<std::pair<std::string_view, std::string>>& fields);

// An audit entry of `actor` (time filled in by AppendAudit).
AuditEntry NewEntry(const Actor& actor, std::string action, std::string entity);

// The rows of `from` (which joins organizations as `o`) matching `where` and an OrgFilter,
// ordered by `order`: an index's order, so that a page is read without a sort. `lone_from` (no
// join) is used instead when the filter needs nothing of `o`; it must hold the same rows as
// `from` then, and `columns` must not name `o` if it is set unless `lone_count_only`, which
// keeps it for counting the matches (the page's columns come from `from`).
// The unit and type filters compare `unit_column` and `type_column`, which a table that keeps
// its own copy (assessment results) points at itself.
struct FilteredQuery {
  std::string from;
  std::string columns;
  std::string where;  // an extra condition ("s.year = ?"), or empty
  std::vector<SqlParam> params;
  std::string order = "o.code";
  std::string lone_from;  // empty: always `from`
  bool lone_count_only = false;
  std::string unit_column = "o.unit_code";
  std::string type_column = "o.type";
};

// When a filter restricts to a scope: a condition that admits a row the scope does not cover
// too (a plan whose assigned supervisor is the caller), with its parameters; empty: none.
struct ScopeOr {
  std::string condition;
  std::vector<SqlParam> params;
};

// The SQL and parameters of a filtered query: the page's rows ("ORDER BY ... LIMIT ? OFFSET
// ?") when `page` is true, else the count of all its matches.
struct BuiltQuery {
  std::string sql;
  std::vector<SqlParam> params;
};
BuiltQuery BuildFiltered(const FilteredQuery& query, const OrgFilter& filter, bool page,
                         const ScopeOr& or_in_scope = {});

// Every row of `sql`, read by `read`.
template <typename T, typename Read>
core::Result<std::vector<T>> QueryAll(Database& db, std::string_view sql,
                                      const std::vector<SqlParam>& params, Read read) {
  core::Result<Statement> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  BindAll(stmt.value(), params, 1);
  std::vector<T> items;
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return items;
    items.push_back(read(stmt.value()));
  }
}

// One row, or nullopt when there is none.
template <typename T, typename Read>
core::Result<std::optional<T>> QueryOne(Database& db, std::string_view sql,
                                        const std::vector<SqlParam>& params, Read read) {
  core::Result<Statement> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  BindAll(stmt.value(), params, 1);
  core::Result<bool> row = stmt.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<T>();
  return std::optional<T>(read(stmt.value()));
}

// Runs an INSERT, UPDATE or DELETE.
core::Status Execute(Database& db, std::string_view sql, const std::vector<SqlParam>& params);

core::Result<std::int64_t> QueryCount(Database& db, std::string_view sql,
                                      const std::vector<SqlParam>& params);

// One page of a filtered query and the count of all its matches, from one snapshot, each row
// handed to `visit` (a const Statement&) as it is stepped to; answers the count.
template <typename Visit>
core::Result<std::int64_t> VisitPage(Database& db, const FilteredQuery& query,
                                     const OrgFilter& filter, Visit visit) {
  if (core::Status s = CheckPaging(filter.offset, filter.limit); !s.ok()) return s.error();
  core::Result<Transaction> snapshot = Transaction::BeginRead(db);
  if (!snapshot.ok()) return snapshot.error();
  const BuiltQuery count = BuildFiltered(query, filter, false);
  core::Result<std::int64_t> total = QueryCount(db, count.sql, count.params);
  if (!total.ok()) return total.error();
  const BuiltQuery rows = BuildFiltered(query, filter, true);
  core::Result<Statement> stmt = db.Prepare(rows.sql);
  if (!stmt.ok()) return stmt.error();
  BindAll(stmt.value(), rows.params, 1);
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return total.value();
    visit(static_cast<const Statement&>(stmt.value()));
  }
}

// The same page with its rows read by `read` into a vector.
template <typename T, typename Read>
core::Result<Page<T>> ListPage(Database& db, const FilteredQuery& query, const OrgFilter& filter,
                               Read read) {
  std::vector<T> items;
  // Room for a whole page up front saves moving the rows as the vector grows.
  items.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(filter.limit, 0, kMaxPageSize)));
  core::Result<std::int64_t> total =
      VisitPage(db, query, filter, [&](const Statement& s) { items.push_back(read(s)); });
  if (!total.ok()) return total.error();
  return Page<T>{std::move(items), total.value()};
}

struct AuditNames {
  std::string create_action;
  std::string update_action;
  std::string entity;
};

// One audited single-row write in one transaction: reads the row before, writes, appends the
// entry with before (absent for a create) and after as JSON, commits. True when created.
template <typename T>
core::Result<bool> AuditedWrite(Database& db, const Actor& actor, const AuditNames& names,
                                const std::function<core::Result<std::optional<T>>()>& find,
                                const std::function<core::Status()>& write,
                                const std::function<std::string(const T&)>& to_json,
                                std::string after_json) {
  core::Result<Transaction> txn = Transaction::Begin(db);
  if (!txn.ok()) return txn.error();
  core::Result<std::optional<T>> before = find();
  if (!before.ok()) return before.error();
  if (core::Status s = write(); !s.ok()) return s.error();
  const bool created = !before.value().has_value();
  AuditEntry entry =
      NewEntry(actor, created ? names.create_action : names.update_action, names.entity);
  if (!created) entry.before_json = to_json(*before.value());
  entry.after_json = std::move(after_json);
  if (core::Status s = AppendAudit(db, std::move(entry)); !s.ok()) return s.error();
  if (core::Status s = txn.value().Commit(); !s.ok()) return s.error();
  return created;
}

// The same write as one step of `tx`'s transaction, audited as `tx`'s actor. True when created.
template <typename T>
core::Result<bool> AuditedSave(Tx& tx, const AuditNames& names,
                               const std::function<core::Result<std::optional<T>>()>& find,
                               const std::function<core::Status()>& write,
                               const std::function<std::string(const T&)>& to_json,
                               std::string after_json) {
  if (core::Status s = tx.RequireWritable(); !s.ok()) return s.error();
  core::Result<std::optional<T>> before = find();
  if (!before.ok()) return before.error();
  if (core::Status s = write(); !s.ok()) return s.error();
  const bool created = !before.value().has_value();
  core::Status audited =
      tx.Audit(created ? names.create_action : names.update_action, names.entity,
               created ? std::nullopt : std::optional<std::string>(to_json(*before.value())),
               std::move(after_json));
  if (!audited.ok()) return audited.error();
  return created;
}

// The columns ReadQuota reads, in its order.
inline constexpr std::string_view kQuotaReadColumns =
    "unit_code, type, count, ratio_ppm, quota, cut_cents, taken";

// A stored quota group read from kQuotaReadColumns (the dashboard and the record read it alike).
StoredQuota ReadQuota(const Statement& s);

}  // namespace grassroots::storage
