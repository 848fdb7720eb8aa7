#include "storage/bulletin_records.h"

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

// Each item's organization walked up to its direct organization (the one with no parent): the
// walk starts from the organizations that have items, so it stays as small as the year's plans.
constexpr std::string_view kItems =
    "WITH RECURSIVE up (code, cur) AS ("
    " SELECT DISTINCT org_code, org_code FROM rectification_items WHERE year = ?"
    " UNION ALL"
    " SELECT up.code, o.parent_code FROM up JOIN organizations o ON o.code = up.cur"
    " WHERE o.parent_code IS NOT NULL)"
    " SELECT r.code, r.name, i.org_code, o.name, i.measure, i.responsible, i.deadline,"
    " i.closed_on"
    " FROM rectification_items i"
    " JOIN organizations o ON o.code = i.org_code"
    " JOIN up ON up.code = i.org_code"
    " JOIN organizations r ON r.code = up.cur AND r.parent_code IS NULL"
    " WHERE i.year = ?";

core::BulletinItem ReadBulletinItem(const Statement& s) {
  core::BulletinItem item;
  item.unit_code = TextOrEmpty(s, 0);
  item.unit_name = TextOrEmpty(s, 1);
  item.org_code = TextOrEmpty(s, 2);
  item.org_name = TextOrEmpty(s, 3);
  item.measure = TextOrEmpty(s, 4);
  item.responsible = TextOrEmpty(s, 5);
  item.deadline = core::ParseIsoDate(TextOrEmpty(s, 6)).value_or(core::CivilDate{});
  if (!s.IsNull(7)) item.closed_on = core::ParseIsoDate(TextOrEmpty(s, 7));
  return item;
}

constexpr std::string_view kBulletinColumns =
    "id, year, quarter, unit_code, number, figures, audit_head, issued_by, issued_at";

IssuedBulletin ReadIssued(const Statement& s) {
  IssuedBulletin out;
  out.id = s.Int(0);
  out.year = static_cast<int>(s.Int(1));
  out.quarter = TextOrEmpty(s, 2);
  out.unit_code = TextOrEmpty(s, 3);
  out.number = static_cast<int>(s.Int(4));
  out.figures = TextOrEmpty(s, 5);
  out.audit_head = TextOrEmpty(s, 6);
  out.issued_by = TextOrEmpty(s, 7);
  out.issued_at = TextOrEmpty(s, 8);
  return out;
}

std::string IssuedJson(const IssuedBulletin& b) {
  return JsonObject({{"year", std::to_string(b.year)},
                     {"quarter", JsonQuote(b.quarter)},
                     {"unit", JsonQuote(b.unit_code)},
                     {"number", std::to_string(b.number)},
                     {"audit_head", JsonQuote(b.audit_head)}});
}

}  // namespace

core::Result<std::vector<core::BulletinItem>> BulletinRecords::Items(int year,
                                                                     const std::string& unit) {
  std::string sql(kItems);
  std::vector<SqlParam> params = {std::int64_t{year}, std::int64_t{year}};
  if (!unit.empty()) {
    sql += " AND r.code = ?";
    params.emplace_back(unit);
  }
  sql += " ORDER BY i.org_code, i.id";
  return QueryAll<core::BulletinItem>(tx_.db(), sql, params, ReadBulletinItem);
}

core::Result<std::optional<std::string>> BulletinRecords::DirectOrganizationName(
    const std::string& code) {
  return QueryOne<std::string>(
      tx_.db(), "SELECT name FROM organizations WHERE code = ? AND parent_code IS NULL", {code},
      [](const Statement& s) { return TextOrEmpty(s, 0); });
}

core::Result<std::optional<IssuedBulletin>> BulletinRecords::Find(const std::string& quarter,
                                                                  const std::string& unit) {
  return QueryOne<IssuedBulletin>(tx_.db(),
                                  "SELECT " + std::string(kBulletinColumns) +
                                      " FROM bulletins WHERE quarter = ? AND unit_code = ?",
                                  {quarter, unit}, ReadIssued);
}

core::Result<IssuedBulletin> BulletinRecords::Add(IssuedBulletin bulletin) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  auto existing = Find(bulletin.quarter, bulletin.unit_code);
  if (!existing.ok()) return existing.error();
  if (existing.value()) {
    return core::Error::Conflict("the bulletin of " + bulletin.quarter +
                                     " has been issued already; an issued bulletin stays as it was",
                                 "quarter")
        .With("bulletin_already_issued",
              {{"quarter", bulletin.quarter}, {"unit", bulletin.unit_code}});
  }
  core::Result<ChainHead> head = ReadAuditHead(db);
  if (!head.ok()) return head.error();
  bulletin.audit_head = FormatAuditHead(head.value());
  core::Result<std::int64_t> last = QueryCount(db, "SELECT COUNT(*) FROM bulletins WHERE year = ?",
                                               {std::int64_t{bulletin.year}});
  if (!last.ok()) return last.error();
  bulletin.number = static_cast<int>(last.value() + 1);
  bulletin.issued_by = tx_.actor().name;
  bulletin.issued_at = core::FormatUtc(db.clock().Now());
  if (core::Status s = Execute(db,
                               "INSERT INTO bulletins (year, quarter, unit_code, number, figures,"
                               " audit_head, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               {std::int64_t{bulletin.year}, bulletin.quarter, bulletin.unit_code,
                                std::int64_t{bulletin.number}, bulletin.figures,
                                bulletin.audit_head, bulletin.issued_by, bulletin.issued_at});
      !s.ok()) {
    return s.error();
  }
  // A write transaction holds the backend's write lock: the largest id is the row just inserted.
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM bulletins");
  if (!id.ok()) return id.error();
  bulletin.id = id.value();
  if (core::Status s = tx_.Audit("bulletin.issue", "bulletin:" + std::to_string(bulletin.id),
                                 std::nullopt, IssuedJson(bulletin));
      !s.ok()) {
    return s.error();
  }
  return bulletin;
}

core::Result<std::vector<IssuedBulletin>> BulletinRecords::List() {
  return QueryAll<IssuedBulletin>(
      tx_.db(),
      "SELECT id, year, quarter, unit_code, number, '', audit_head, issued_by, issued_at"
      " FROM bulletins ORDER BY quarter DESC, unit_code, id",
      {}, ReadIssued);
}

}  // namespace grassroots::storage
