// The member roster across organizations (by status: mobile, lost contact, pocket...) and the
// member totals of a unit with everything below it (issue 10).
#include "storage/audited_rows.h"
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

// kMemberColumns with the table named (organizations has a name too), then the organization's.
constexpr std::string_view kRosterColumns =
    "m.id, m.name, m.org_code, m.status, m.joined, m.left_on, m.left_kind, m.left_reason, o.name";

}  // namespace

core::Result<Page<RosterRow>> SqlStore::ListRoster(const OrgFilter& filter,
                                                   std::optional<core::MemberStatus> status) {
  return Guarded("listing the member roster", [&]() -> core::Result<Page<RosterRow>> {
    FilteredQuery query{"members m JOIN organizations o ON o.code = m.org_code",
                        std::string(kRosterColumns),
                        "m.left_on IS NULL",
                        {},
                        "m.org_code, m.id",
                        ""};
    if (status) {
      query.where += " AND m.status = ?";
      query.params.emplace_back(std::string(core::ToString(*status)));
    }
    return ListPage<RosterRow>(db_, query, filter, [](const Statement& s) {
      return RosterRow{ReadMember(s), std::string(s.Text(8))};
    });
  });
}

core::Result<std::array<std::int64_t, 5>> SqlStore::SubtreeMemberCounts(const std::string& code) {
  return Guarded("counting the members below " + code,
                 [&]() -> core::Result<std::array<std::int64_t, 5>> {
                   using Count = std::pair<std::string, std::int64_t>;
                   core::Result<std::vector<Count>> rows = QueryAll<Count>(
                       db_,
                       "WITH RECURSIVE sub(code) AS (SELECT code FROM organizations WHERE code = ?"
                       " UNION ALL SELECT o.code FROM organizations o JOIN sub ON o.parent_code ="
                       " sub.code WHERE o.ended_on IS NULL)"
                       // CROSS JOIN keeps SQLite's order: the subtree first, then each
                       // organization's members by index. Left free, it scanned every member of
                       // the database per request (0.6 ms in a county, far more in a province).
                       " SELECT m.status, COUNT(*) FROM sub CROSS JOIN members m"
                       " WHERE m.org_code = sub.code AND m.left_on IS NULL GROUP BY m.status",
                       {code}, [](const Statement& s) {
                         return Count{std::string(s.Text(0)), s.Int(1)};
                       });
                   if (!rows.ok()) return rows.error();
                   std::array<std::int64_t, 5> counts{};
                   for (const auto& [name, count] : rows.value()) {
                     if (auto status = core::ParseMemberStatus(name)) {
                       counts[static_cast<std::size_t>(*status)] = count;
                     }
                   }
                   return counts;
                 });
}

}  // namespace grassroots::storage
