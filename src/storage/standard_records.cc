#include "storage/standard_records.h"

#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kDesignationColumns =
    "d.id, d.year, d.org_code, o.name, o.unit_code, o.type, b.id, b.name, b.designated_on,"
    " d.revoked_on, d.revoke_reason, d.revoked_by,"
    " (SELECT COUNT(*) FROM assessment_results r"
    "  WHERE r.year = d.year AND r.org_code = d.org_code AND r.selected = 1)";

constexpr std::string_view kFrom =
    "standard_designations d JOIN standard_batches b ON b.id = d.batch_id"
    " JOIN organizations o ON o.code = d.org_code";

DesignationRow ReadDesignation(const Statement& s) {
  DesignationRow row;
  row.id = s.Int(0);
  row.year = static_cast<int>(s.Int(1));
  row.org_code = TextOrEmpty(s, 2);
  row.org_name = TextOrEmpty(s, 3);
  row.unit = TextOrEmpty(s, 4);
  row.type = TextOrEmpty(s, 5);
  row.batch_id = s.Int(6);
  row.batch_name = TextOrEmpty(s, 7);
  row.designated_on = TextOrEmpty(s, 8);
  row.revoked_on = TextOrEmpty(s, 9);
  row.revoke_reason = TextOrEmpty(s, 10);
  row.revoked_by = TextOrEmpty(s, 11);
  row.selected = s.Int(12) > 0;
  return row;
}

std::string CodesJson(const std::vector<std::string>& codes) {
  std::string json = "[";
  for (const std::string& code : codes) {
    if (json.size() > 1) json += ',';
    json += JsonQuote(code);
  }
  return json + "]";
}

std::string DesignationJson(const DesignationRow& d) {
  return JsonObject({{"id", std::to_string(d.id)},
                     {"year", std::to_string(d.year)},
                     {"org", JsonQuote(d.org_code)},
                     {"batch", std::to_string(d.batch_id)},
                     {"revoked_on", d.revoked_on.empty() ? "null" : JsonQuote(d.revoked_on)},
                     {"reason", d.revoked_on.empty() ? "null" : JsonQuote(d.revoke_reason)}});
}

}  // namespace

core::Result<std::vector<core::DesignationFacts>> StandardRecords::Facts(
    int year, const std::vector<std::string>& codes) {
  std::vector<core::DesignationFacts> out;
  out.reserve(codes.size());
  for (const std::string& code : codes) {
    core::DesignationFacts f;
    f.code = code;
    auto row = QueryOne<core::DesignationFacts>(
        tx_.db(),
        "SELECT o.ended_on IS NOT NULL,"
        " (SELECT COUNT(*) FROM assessment_results r"
        "  WHERE r.year = ? AND r.org_code = o.code AND r.selected = 1),"
        " (SELECT COUNT(*) FROM standard_designations d"
        "  WHERE d.year = ? AND d.org_code = o.code AND d.revoked_on IS NULL)"
        " FROM organizations o WHERE o.code = ?",
        {std::int64_t{year}, std::int64_t{year}, code}, [&](const Statement& s) {
          core::DesignationFacts read = f;
          read.exists = true;
          read.ended = s.Int(0) != 0;
          read.selected = s.Int(1) > 0;
          read.holds_title = s.Int(2) > 0;
          return read;
        });
    if (!row.ok()) return row.error();
    out.push_back(row.value() ? *row.value() : f);
  }
  return out;
}

core::Result<std::int64_t> StandardRecords::AddBatch(const core::StandardBatch& batch) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  const std::string now = core::FormatUtc(db.clock().Now());
  const std::string on = core::FormatIsoDate(batch.on);
  if (core::Status s = Execute(db,
                               "INSERT INTO standard_batches (year, name, designated_on,"
                               " created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                               {std::int64_t{batch.year}, batch.name, on, now, tx_.actor().name});
      !s.ok()) {
    return s.error();
  }
  // A write transaction holds the backend's write lock: the largest id is the row just written.
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM standard_batches");
  if (!id.ok()) return id.error();
  for (const std::string& code : batch.codes) {
    if (core::Status s = Execute(db,
                                 "INSERT INTO standard_designations (batch_id, year, org_code)"
                                 " VALUES (?, ?, ?)",
                                 {id.value(), std::int64_t{batch.year}, code});
        !s.ok()) {
      return s.error();
    }
  }
  const std::string after = JsonObject({{"id", std::to_string(id.value())},
                                        {"year", std::to_string(batch.year)},
                                        {"name", JsonQuote(batch.name)},
                                        {"on", JsonQuote(on)},
                                        {"codes", CodesJson(batch.codes)}});
  if (core::Status s =
          tx_.Audit("standards.designate", "standard-batch:" + std::to_string(id.value()),
                    std::nullopt, after);
      !s.ok()) {
    return s.error();
  }
  return id.value();
}

core::Result<std::optional<DesignationRow>> StandardRecords::Get(std::int64_t id) {
  return QueryOne<DesignationRow>(tx_.db(),
                                  "SELECT " + std::string(kDesignationColumns) + " FROM " +
                                      std::string(kFrom) + " WHERE d.id = ?",
                                  {id}, ReadDesignation);
}

core::Status StandardRecords::Revoke(const DesignationRow& before,
                                     const core::Revocation& revocation) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  Database& db = tx_.db();
  DesignationRow after = before;
  after.revoked_on = core::FormatIsoDate(revocation.on);
  after.revoke_reason = revocation.reason;
  if (core::Status s = Execute(db,
                               "UPDATE standard_designations SET revoked_on = ?,"
                               " revoke_reason = ?, revoked_at = ?, revoked_by = ? WHERE id = ?",
                               {after.revoked_on, after.revoke_reason,
                                core::FormatUtc(db.clock().Now()), tx_.actor().name, before.id});
      !s.ok()) {
    return s;
  }
  return tx_.Audit("standards.revoke", "standard-designation:" + std::to_string(before.id),
                   DesignationJson(before), DesignationJson(after));
}

core::Result<Page<DesignationRow>> StandardRecords::List(const DesignationFilter& filter) {
  FilteredQuery query;
  query.from = std::string(kFrom);
  query.columns = std::string(kDesignationColumns);
  query.order = "d.year DESC, d.org_code, d.id";
  std::string where;
  const auto add = [&](const std::string& condition) {
    where += where.empty() ? condition : " AND " + condition;
  };
  if (filter.year != 0) {
    add("d.year = ?");
    query.params.emplace_back(std::int64_t{filter.year});
  }
  if (filter.current) add(*filter.current ? "d.revoked_on IS NULL" : "d.revoked_on IS NOT NULL");
  query.where = where;
  return ListPage<DesignationRow>(tx_.db(), query, filter.org, ReadDesignation);
}

}  // namespace grassroots::storage
