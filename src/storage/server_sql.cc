#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

// `text` as a LIKE pattern matching it as a substring, with \, % and _ escaped by '\'.
std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

void AppendCodes(std::vector<SqlParam>& params, const std::vector<std::string>& codes) {
  for (const std::string& code : codes) params.emplace_back(code);
}

// The scope condition; `cte` receives the recursive subtree of `within` when needed.
std::string ScopeCondition(const OrgFilter& f, std::string& cte, std::vector<SqlParam>& cte_params,
                           std::vector<SqlParam>& params) {
  std::vector<std::string> parts;
  if (!f.within.empty()) {
    cte = "WITH RECURSIVE scope(code) AS (SELECT code FROM organizations WHERE code IN (" +
          Placeholders(f.within.size()) +
          ") UNION ALL SELECT o.code FROM organizations o JOIN scope s ON o.parent_code = s.code) ";
    AppendCodes(cte_params, f.within);
    parts.push_back("o.code IN (SELECT code FROM scope)");
  }
  if (!f.only.empty()) {
    parts.push_back("o.code IN (" + Placeholders(f.only.size()) + ")");
    AppendCodes(params, f.only);
  }
  if (parts.empty()) return "1 = 0";  // a scope of nothing
  return parts.size() == 1 ? parts[0] : "(" + parts[0] + " OR " + parts[1] + ")";
}

}  // namespace

std::string Placeholders(std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += i == 0 ? "?" : ", ?";
  return text;
}

int BindAll(Statement& stmt, const std::vector<SqlParam>& params, int first) {
  int index = first;
  for (const SqlParam& p : params) {
    if (const auto* text = std::get_if<std::string>(&p)) {
      stmt.BindText(index, *text);
    } else if (const auto* number = std::get_if<std::int64_t>(&p)) {
      stmt.BindInt(index, *number);
    } else if (const auto* real = std::get_if<double>(&p)) {
      stmt.BindDouble(index, *real);
    } else {
      stmt.BindNull(index);
    }
    ++index;
  }
  return index;
}

core::Status CheckPaging(std::int64_t offset, std::int64_t limit) {
  if (limit < 1 || limit > kMaxPageSize) {
    return core::Error::Invalid("limit must be between 1 and 1000", "limit");
  }
  if (offset < 0) return core::Error::Invalid("offset must not be negative", "offset");
  return core::Status::Ok();
}

std::string JsonObject(const std::vector<std::pair<std::string_view, std::string>>& fields) {
  std::string json = "{";
  for (const auto& [key, value] : fields) {
    if (json.size() > 1) json += ',';
    json += JsonQuote(key);
    json += ':';
    json += value;
  }
  json += '}';
  return json;
}

AuditEntry NewEntry(const Actor& actor, std::string action, std::string entity) {
  AuditEntry entry;
  entry.actor = actor.name;
  entry.origin = actor.origin;
  entry.action = std::move(action);
  entry.entity = std::move(entity);
  return entry;
}

BuiltQuery BuildFiltered(const FilteredQuery& query, const OrgFilter& f, bool page,
                         const ScopeOr& or_in_scope) {
  std::vector<SqlParam> params = query.params;
  std::vector<std::string> conditions;
  if (!query.where.empty()) conditions.push_back(query.where);
  const auto equal = [&](const std::string& value, const char* condition) {
    if (value.empty()) return;
    conditions.emplace_back(condition);
    params.emplace_back(value);
  };
  const std::string unit_condition = query.unit_column + " = ?";
  const std::string type_condition = query.type_column + " = ?";
  equal(f.unit, unit_condition.c_str());
  equal(f.type, type_condition.c_str());
  equal(f.parent, "o.parent_code = ?");
  if (f.direct)
    conditions.emplace_back(*f.direct ? "o.parent_code IS NULL" : "o.parent_code IS NOT NULL");
  if (f.ended) conditions.emplace_back(*f.ended ? "o.ended_on IS NOT NULL" : "o.ended_on IS NULL");
  if (!f.query.empty()) {
    conditions.emplace_back("(o.code LIKE ? ESCAPE '\\' OR o.name LIKE ? ESCAPE '\\')");
    params.emplace_back(ContainsPattern(f.query));
    params.emplace_back(ContainsPattern(f.query));
  }
  std::string cte;
  std::vector<SqlParam> cte_params;
  if (f.restrict_to_scope) {
    std::string scope = ScopeCondition(f, cte, cte_params, params);
    if (!or_in_scope.condition.empty()) {
      scope = "(" + scope + " OR " + or_in_scope.condition + ")";
      params.insert(params.end(), or_in_scope.params.begin(), or_in_scope.params.end());
    }
    conditions.push_back(std::move(scope));
  }
  const auto on_o = [](const std::string& column) { return column.rfind("o.", 0) == 0; };
  const bool needs_o = !f.parent.empty() || f.direct || f.ended || !f.query.empty() ||
                       f.restrict_to_scope || (!f.unit.empty() && on_o(query.unit_column)) ||
                       (!f.type.empty() && on_o(query.type_column));
  const bool alone = !needs_o && !query.lone_from.empty() && !(page && query.lone_count_only);
  const std::string& from = alone ? query.lone_from : query.from;
  BuiltQuery built;
  built.sql = cte + "SELECT " + (page ? query.columns : std::string("COUNT(*)")) + " FROM " + from;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    built.sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  }
  if (page) {
    built.sql += " ORDER BY " + query.order + " LIMIT ? OFFSET ?";
    params.emplace_back(f.limit);
    params.emplace_back(f.offset);
  }
  built.params = std::move(cte_params);
  built.params.insert(built.params.end(), params.begin(), params.end());
  return built;
}

core::Result<std::int64_t> QueryCount(Database& db, std::string_view sql,
                                      const std::vector<SqlParam>& params) {
  // The key: the SQL, then each parameter tagged with its kind, separated by a byte that
  // neither SQL text nor a parameter of ours contains.
  std::string key(sql);
  for (const SqlParam& p : params) {
    key += '\x1f';
    if (const auto* text = std::get_if<std::string>(&p)) {
      key += 't' + *text;
    } else if (const auto* number = std::get_if<std::int64_t>(&p)) {
      key += 'i' + std::to_string(*number);
    } else if (const auto* real = std::get_if<double>(&p)) {
      key += 'd' + std::to_string(*real);
    } else {
      key += 'n';
    }
  }
  if (std::optional<std::int64_t> known = db.RememberedCount(key)) return *known;
  core::Result<Statement> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  BindAll(stmt.value(), params, 1);
  core::Result<bool> row = stmt.value().Step();
  if (!row.ok()) return row.error();
  const std::int64_t count = row.value() ? stmt.value().Int(0) : 0;
  db.RememberCount(std::move(key), count);
  return count;
}

core::Status Execute(Database& db, std::string_view sql, const std::vector<SqlParam>& params) {
  core::Result<Statement> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  BindAll(stmt.value(), params, 1);
  return stmt.value().Run();
}

StoredQuota ReadQuota(const Statement& s) {
  StoredQuota quota;
  quota.unit = s.Text(0);
  quota.type = s.Text(1);
  quota.count = s.Int(2);
  quota.ratio_ppm = s.Int(3);
  quota.quota = s.Int(4);
  if (!s.IsNull(5)) quota.cut_cents = static_cast<std::int32_t>(s.Int(5));
  quota.taken = s.Int(6);
  return quota;
}

}  // namespace grassroots::storage
