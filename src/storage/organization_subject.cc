#include "storage/organization_subject.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "storage/audit_chain.h"
#include "storage/audited_rows.h"
#include "storage/paged_read.h"
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

constexpr int kMaxAncestry = 64;  // deeper than any real hierarchy; stops a cycle

core::Result<std::optional<core::Organization>> FindOrg(Database& db, const std::string& code) {
  return QueryOne<core::Organization>(
      db, "SELECT " + std::string(kOrgColumns) + " FROM organizations o WHERE o.code = ?", {code},
      [](const Statement& s) { return ReadOrg(s, 0); });
}

core::Result<std::optional<core::Member>> FindMember(Database& db, const std::string& id) {
  return QueryOne<core::Member>(
      db, "SELECT " + std::string(kMemberColumns) + " FROM members WHERE id = ?", {id}, ReadMember);
}

core::Status WriteOrg(Database& db, const core::Organization& org) {
  if (core::Status s = Execute(
          db, "INSERT INTO units (code) VALUES (?) ON CONFLICT (code) DO NOTHING", {org.unit});
      !s.ok()) {
    return s;
  }
  return Execute(
      db,
      "INSERT INTO organizations (code, name, type, kind, parent_code, secretary,"
      " unit_code) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET"
      " name = excluded.name, type = excluded.type, kind = excluded.kind,"
      " parent_code = excluded.parent_code, secretary = excluded.secretary,"
      " unit_code = excluded.unit_code",
      {org.code, org.name, std::string(core::ToString(org.type)),
       std::string(core::ToString(org.kind)), NullIfEmpty(org.parent), org.secretary, org.unit});
}

core::Status WriteMember(Database& db, const core::Member& m) {
  return Execute(
      db,
      "INSERT INTO members (id, name, org_code, status, joined) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
      " org_code = excluded.org_code, status = excluded.status,"
      " joined = excluded.joined",
      {m.id, m.name, m.org, std::string(core::ToString(m.status)), NullIfEmpty(m.joined)});
}

std::string EndJson(const std::optional<core::OrgEnd>& end) {
  if (!end) return "null";
  return JsonObject(
      {{"kind", JsonQuote(core::ToString(end->kind))},
       {"on", JsonQuote(core::FormatIsoDate(end->on))},
       {"merged_into", end->merged_into.empty() ? "null" : JsonQuote(end->merged_into)},
       {"reason", JsonQuote(end->reason)}});
}

std::string LeaveJson(const std::optional<core::MemberLeave>& left) {
  if (!left) return "null";
  return JsonObject({{"kind", JsonQuote(core::ToString(left->kind))},
                     {"on", JsonQuote(core::FormatIsoDate(left->on))},
                     {"reason", JsonQuote(left->reason)}});
}

// One audited change of state inside `tx`: `find` reads the state before (nullopt: no such
// row, kNotFound naming `field`), `update` changes it; the entry records both states.
core::Status ChangeState(Tx& tx, const std::string& action, const std::string& entity,
                         const std::string& field,
                         const std::function<core::Result<std::optional<std::string>>()>& find,
                         const std::function<core::Status()>& update,
                         const std::string& after_json) {
  if (core::Status s = tx.RequireWritable(); !s.ok()) return s;
  core::Result<std::optional<std::string>> before = find();
  if (!before.ok()) return before.error();
  if (!before.value()) return core::Error::NotFound("no " + entity, field);
  if (core::Status s = update(); !s.ok()) return s;
  return tx.Audit(action, entity, std::move(*before.value()), after_json);
}

// Stored types are core::ToString names (the schema's CHECK keeps them so); comparing
// against the six is faster than the general parser, which also accepts Chinese names.
std::optional<core::OrgType> StoredType(std::string_view text) {
  for (core::OrgType type : core::kAllOrgTypes) {
    if (core::ToString(type) == text) return type;
  }
  return std::nullopt;
}

// The units that have organizations, sorted: OrgTable::unit indexes into this list.
core::Status ReadUnits(Database& db, core::OrgTable& table,
                       std::unordered_map<std::string, std::uint32_t>& index) {
  core::Result<Statement> stmt = db.Prepare(
      "SELECT code FROM units u"
      " WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.unit_code = u.code) ORDER BY code");
  if (!stmt.ok()) return stmt.error();
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return core::Status::Ok();
    index.emplace(stmt.value().Text(0), static_cast<std::uint32_t>(table.unit_codes.size()));
    table.unit_codes.emplace_back(stmt.value().Text(0));
  }
}

struct PendingParent {
  std::uint32_t child = 0;
  std::string parent;
};

core::Error ParentNotStored(std::string_view child, std::string_view parent) {
  return core::Error::Internal("organization " + std::string(child) + " names parent " +
                               std::string(parent) + ", which is not stored");
}

// Finds parents in the table, which is sorted by code, by binary search (no hash map of 5
// million entries); siblings are usually adjacent, so the last answer is tried first.
class ParentFinder {
 public:
  explicit ParentFinder(const core::OrgTable& table) : table_(table) {}

  // The index of `parent` among the codes in the table now, or nullopt.
  std::optional<std::int32_t> Find(std::string_view parent) {
    if (last_ == core::kNoParent || table_.code[static_cast<std::size_t>(last_)] != parent) {
      const auto it = std::lower_bound(table_.code.begin(), table_.code.end(), parent);
      if (it == table_.code.end() || *it != parent) return std::nullopt;
      last_ = static_cast<std::int32_t>(it - table_.code.begin());
    }
    return last_;
  }

 private:
  const core::OrgTable& table_;
  std::int32_t last_ = core::kNoParent;
};

// Parents that sort after their children are resolved once all codes are in.
core::Status ResolveParents(core::OrgTable& table, const std::vector<PendingParent>& pending) {
  ParentFinder parents(table);
  for (const PendingParent& p : pending) {
    const std::optional<std::int32_t> parent = parents.Find(p.parent);
    if (!parent) return ParentNotStored(table.code[p.child], p.parent);
    table.parent[p.child] = *parent;
  }
  return core::Status::Ok();
}

// kMemberColumns with the table named (organizations has a name too), then the organization's.
constexpr std::string_view kRosterColumns =
    "m.id, m.name, m.org_code, m.status, m.joined, m.left_on, m.left_kind, m.left_reason, o.name";

}  // namespace

// --- Organizations ---

core::Result<Page<core::Organization>> OrganizationRecords::List(const OrgFilter& filter) {
  const FilteredQuery query{"organizations o", std::string(kOrgColumns), "", {}, "o.code", ""};
  return ListPage<core::Organization>(tx_->db(), query, filter,
                                      [](const Statement& s) { return ReadOrg(s, 0); });
}

core::Result<std::int64_t> OrganizationRecords::Visit(
    const OrgFilter& filter, const std::function<void(const OrgRowView&)>& row) {
  const FilteredQuery query{"organizations o", std::string(kOrgColumns), "", {}, "o.code", ""};
  return VisitPage(tx_->db(), query, filter, [&](const Statement& s) {
    // Text of a NULL (the parent of a direct organization) is empty.
    row(OrgRowView{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6),
                   s.Text(7), s.Text(8), s.Text(9)});
  });
}

core::Result<std::optional<core::Organization>> OrganizationRecords::Find(const std::string& code) {
  return FindOrg(tx_->db(), code);
}

core::Result<std::optional<OrgDetail>> OrganizationRecords::Detail(const std::string& code) {
  Database& db = tx_->db();
  core::Result<std::optional<core::Organization>> org = FindOrg(db, code);
  if (!org.ok()) return org.error();
  if (!org.value()) return std::optional<OrgDetail>();
  OrgDetail detail;
  detail.org = std::move(*org.value());
  // Members who left are counted apart (status '' here), never with those on the roll.
  core::Result<Statement> counts = db.Prepare(
      "SELECT CASE WHEN left_on IS NULL THEN status ELSE '' END, COUNT(*) FROM members"
      " WHERE org_code = ? GROUP BY 1");
  if (!counts.ok()) return counts.error();
  counts.value().BindText(1, code);
  for (;;) {
    core::Result<bool> row = counts.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    if (counts.value().Text(0).empty()) {
      detail.members_left = counts.value().Int(1);
    } else if (auto status = core::ParseMemberStatus(counts.value().Text(0))) {
      detail.member_counts[static_cast<std::size_t>(*status)] = counts.value().Int(1);
    }
  }
  core::Result<std::optional<std::int64_t>> children =
      QueryOne<std::int64_t>(db,
                             "SELECT COUNT(*) FROM organizations WHERE parent_code = ?"
                             " AND ended_on IS NULL",
                             {code}, [](const Statement& s) { return s.Int(0); });
  if (!children.ok()) return children.error();
  detail.children = children.value().value_or(0);
  return std::optional<OrgDetail>(std::move(detail));
}

core::Result<std::vector<std::string>> OrganizationRecords::Ancestry(const std::string& code) {
  core::Result<Statement> stmt =
      tx_->db().Prepare("SELECT parent_code FROM organizations WHERE code = ?");
  if (!stmt.ok()) return stmt.error();
  std::vector<std::string> chain;
  std::string current = code;
  for (int depth = 0; depth < kMaxAncestry; ++depth) {
    stmt.value().Reset();
    stmt.value().BindText(1, current);
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return chain;  // unknown code (only possible for the first)
    chain.push_back(current);
    if (stmt.value().IsNull(0)) return chain;
    current = std::string(stmt.value().Text(0));
  }
  return core::Error::Internal("organization " + code + " has more than " +
                               std::to_string(kMaxAncestry) + " ancestors (a cycle?)");
}

core::Result<std::vector<std::pair<std::string, std::optional<core::CivilDate>>>>
OrganizationRecords::Children(const std::string& code) {
  using Child = std::pair<std::string, std::optional<core::CivilDate>>;
  return QueryAll<Child>(tx_->db(),
                         "SELECT code, ended_on FROM organizations WHERE parent_code = ?"
                         " ORDER BY code",
                         {code}, [](const Statement& s) {
                           return Child{std::string(s.Text(0)), core::ParseIsoDate(s.Text(1))};
                         });
}

core::Result<std::vector<std::pair<std::string, core::CivilDate>>> OrganizationRecords::Ends() {
  using Ended = std::pair<std::string, core::CivilDate>;
  core::Result<std::vector<std::pair<std::string, std::string>>> rows =
      QueryAll<std::pair<std::string, std::string>>(
          tx_->db(), "SELECT code, ended_on FROM organizations WHERE ended_on IS NOT NULL", {},
          [](const Statement& s) {
            return std::pair<std::string, std::string>(s.Text(0), s.Text(1));
          });
  if (!rows.ok()) return rows.error();
  std::vector<Ended> ended;
  for (const auto& [code, on] : rows.value()) {
    const std::optional<core::CivilDate> day = core::ParseIsoDate(on);
    if (!day) {
      return core::Error::Internal("organization " + code + " has an unreadable end date " + on);
    }
    ended.emplace_back(code, *day);
  }
  return ended;
}

core::Result<core::OrgTable> OrganizationRecords::Table() {
  Database& db = tx_->db();
  core::OrgTable table;
  std::unordered_map<std::string, std::uint32_t> unit_index;
  if (core::Status status = ReadUnits(db, table, unit_index); !status.ok()) return status.error();
  core::Result<std::int64_t> count = EstimatedRows(db, "organizations");
  if (!count.ok()) return count.error();
  table.Reserve(static_cast<std::size_t>(count.value()));

  std::vector<PendingParent> pending;
  ParentFinder parents(table);
  std::string last_unit;
  std::uint32_t last_unit_index = 0;
  core::Status read = ReadPaged(
      db,
      "SELECT code, type, unit_code, parent_code FROM organizations"
      " WHERE code > ? ORDER BY code LIMIT ?",
      [&](const Statement& s) -> core::Status {
        const std::optional<core::OrgType> type = StoredType(s.Text(1));
        if (!type) {
          return core::Error::Internal("organization " + std::string(s.Text(0)) +
                                       " has an unknown type " + std::string(s.Text(1)));
        }
        // Organizations of a unit cluster by code, so the last unit is usually the one.
        if (s.Text(2) != last_unit) {
          last_unit = s.Text(2);
          last_unit_index = unit_index.at(last_unit);  // ReadUnits listed every referenced unit
        }
        std::int32_t parent = core::kNoParent;
        if (!s.IsNull(3)) {
          const std::string_view code = s.Text(0);
          const std::string_view parent_code = s.Text(3);
          if (parent_code < code) {
            // Rows come in code order, so such a parent has been read already: found now, with
            // no copy of its code kept for later (a country's would take 200 MB).
            const std::optional<std::int32_t> found = parents.Find(parent_code);
            if (!found) return ParentNotStored(code, parent_code);
            parent = *found;
          } else {
            pending.push_back({static_cast<std::uint32_t>(table.size()), std::string(parent_code)});
          }
        }
        table.Add(std::string(s.Text(0)), *type, last_unit_index, parent);
        return core::Status::Ok();
      });
  if (!read.ok()) return read.error();
  if (core::Status status = ResolveParents(table, pending); !status.ok()) return status.error();
  return table;
}

core::Result<core::StoredOrgs> OrganizationRecords::Stored() {
  core::Result<Statement> stmt = tx_->db().Prepare(
      "SELECT code, parent_code, unit_code, ended_on IS NOT NULL FROM organizations");
  if (!stmt.ok()) return stmt.error();
  core::StoredOrgs orgs;
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return orgs;
    const Statement& s = stmt.value();
    orgs.emplace(s.Text(0),
                 core::StoredOrg{std::string(s.Text(1)), std::string(s.Text(2)), s.Int(3) != 0});
  }
}

core::Result<bool> OrganizationRecords::Save(const core::Organization& org) {
  if (org.unit.empty()) return core::Error::Invalid("the unit is not resolved", "unit");
  Database& db = tx_->db();
  return AuditedSave<core::Organization>(
      *tx_, {"organization.create", "organization.update", OrgEntity(org.code)},
      [&] { return FindOrg(db, org.code); }, [&] { return WriteOrg(db, org); }, OrgJson,
      OrgJson(org));
}

core::Status OrganizationRecords::End(const std::string& code, const core::OrgEnd& end) {
  Database& db = tx_->db();
  const auto state = [&](const std::optional<core::OrgEnd>& value) {
    return JsonObject({{"code", JsonQuote(code)}, {"end", EndJson(value)}});
  };
  bool ended_before = false;
  return ChangeState(
      *tx_, "organization.end", "organization:" + code, "code",
      [&]() -> core::Result<std::optional<std::string>> {
        core::Result<std::optional<std::int64_t>> found = QueryOne<std::int64_t>(
            db, "SELECT ended_on IS NOT NULL FROM organizations WHERE code = ?", {code},
            [](const Statement& s) { return s.Int(0); });
        if (!found.ok()) return found.error();
        if (!found.value()) return std::optional<std::string>();
        ended_before = *found.value() != 0;
        return std::optional<std::string>(state(std::nullopt));
      },
      [&]() -> core::Status {
        if (ended_before) {
          return core::Error::Conflict("organization " + code + " has already ended", "code")
              .With("organization_ended", {{"code", code}});
        }
        return Execute(db,
                       "UPDATE organizations SET ended_on = ?, end_kind = ?, merged_into = ?,"
                       " end_reason = ? WHERE code = ?",
                       {core::FormatIsoDate(end.on), std::string(core::ToString(end.kind)),
                        NullIfEmpty(end.merged_into), end.reason, code});
      },
      state(end));
}

// --- Members ---

core::Result<Page<core::Member>> MemberRecords::List(const std::string& org_code,
                                                     std::int64_t offset, std::int64_t limit) {
  if (core::Status s = CheckPaging(offset, limit); !s.ok()) return s.error();
  Database& db = tx_->db();
  Page<core::Member> page;
  core::Result<std::optional<std::int64_t>> total =
      QueryOne<std::int64_t>(db, "SELECT COUNT(*) FROM members WHERE org_code = ?", {org_code},
                             [](const Statement& s) { return s.Int(0); });
  if (!total.ok()) return total.error();
  page.total = total.value().value_or(0);
  core::Result<std::vector<core::Member>> items =
      QueryAll<core::Member>(db,
                             "SELECT " + std::string(kMemberColumns) +
                                 " FROM members WHERE org_code = ? ORDER BY id LIMIT ? OFFSET ?",
                             {org_code, limit, offset}, ReadMember);
  if (!items.ok()) return items.error();
  page.items = std::move(items).value();
  return page;
}

core::Result<std::optional<core::Member>> MemberRecords::Find(const std::string& id) {
  return FindMember(tx_->db(), id);
}

core::Result<Page<RosterRow>> MemberRecords::Roster(const OrgFilter& filter,
                                                    std::optional<core::MemberStatus> status) {
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
  return ListPage<RosterRow>(tx_->db(), query, filter, [](const Statement& s) {
    return RosterRow{ReadMember(s), std::string(s.Text(8))};
  });
}

core::Result<std::array<std::int64_t, 5>> MemberRecords::SubtreeCounts(const std::string& code) {
  using Count = std::pair<std::string, std::int64_t>;
  core::Result<std::vector<Count>> rows =
      QueryAll<Count>(tx_->db(),
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
}

core::Result<bool> MemberRecords::Save(const core::Member& member) {
  Database& db = tx_->db();
  return AuditedSave<core::Member>(
      *tx_, {"member.save", "member.save", MemberEntity(member.id)},
      [&] { return FindMember(db, member.id); }, [&] { return WriteMember(db, member); },
      MemberJson, MemberJson(member));
}

core::Status MemberRecords::RecordLeft(const std::string& id, const core::MemberLeave& leave) {
  Database& db = tx_->db();
  std::string org;
  bool left_before = false;
  const auto state = [&](const std::optional<core::MemberLeave>& value) {
    return JsonObject({{"id", JsonQuote(id)}, {"org", JsonQuote(org)}, {"left", LeaveJson(value)}});
  };
  return ChangeState(
      *tx_, "member.leave", "member:" + id, "id",
      [&]() -> core::Result<std::optional<std::string>> {
        core::Result<std::optional<std::pair<std::string, bool>>> found =
            QueryOne<std::pair<std::string, bool>>(
                db, "SELECT org_code, left_on IS NOT NULL FROM members WHERE id = ?", {id},
                [](const Statement& s) {
                  return std::pair<std::string, bool>(s.Text(0), s.Int(1) != 0);
                });
        if (!found.ok()) return found.error();
        if (!found.value()) return std::optional<std::string>();
        org = found.value()->first;
        left_before = found.value()->second;
        return std::optional<std::string>(state(std::nullopt));
      },
      [&]() -> core::Status {
        if (left_before) {
          return core::Error::Conflict("member " + id + " has already left", "id")
              .With("member_left");
        }
        return Execute(db,
                       "UPDATE members SET left_on = ?, left_kind = ?, left_reason = ?"
                       " WHERE id = ?",
                       {core::FormatIsoDate(leave.on), std::string(core::ToString(leave.kind)),
                        leave.reason, id});
      },
      state(leave));
}

}  // namespace grassroots::storage
