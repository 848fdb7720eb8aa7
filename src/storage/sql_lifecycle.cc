// Organizations that end (dissolved or merged) and members who leave: a change of state of a
// row that stays, audited with the state before and after.
#include "storage/audit_chain.h"
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

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

// One audited change of state: `find` reads the state before (nullopt: no such row, kNotFound
// naming `field`), `update` changes it; the entry records both states.
core::Status ChangeState(Database& db, const Actor& actor, const std::string& action,
                         const std::string& entity, const std::string& field,
                         const std::function<core::Result<std::optional<std::string>>()>& find,
                         const std::function<core::Status()>& update,
                         const std::string& after_json) {
  core::Result<Transaction> txn = Transaction::Begin(db);
  if (!txn.ok()) return txn.error();
  core::Result<std::optional<std::string>> before = find();
  if (!before.ok()) return before.error();
  if (!before.value()) return core::Error::NotFound("no " + entity, field);
  if (core::Status s = update(); !s.ok()) return s;
  AuditEntry entry = NewEntry(actor, action, entity);
  entry.before_json = std::move(*before.value());
  entry.after_json = after_json;
  if (core::Status s = AppendAudit(db, std::move(entry)); !s.ok()) return s;
  return txn.value().Commit();
}

}  // namespace

core::Result<std::vector<std::pair<std::string, std::optional<core::CivilDate>>>>
SqlStore::ChildrenOf(const std::string& code) {
  using Child = std::pair<std::string, std::optional<core::CivilDate>>;
  return Guarded("reading the children of " + code, [&] {
    return QueryAll<Child>(db_,
                           "SELECT code, ended_on FROM organizations WHERE parent_code = ?"
                           " ORDER BY code",
                           {code}, [](const Statement& s) {
                             return Child{std::string(s.Text(0)), core::ParseIsoDate(s.Text(1))};
                           });
  });
}

core::Result<std::vector<std::pair<std::string, core::CivilDate>>> SqlStore::LoadOrgEnds() {
  using Ended = std::pair<std::string, core::CivilDate>;
  return Guarded("reading the organizations that ended", [&]() -> core::Result<std::vector<Ended>> {
    core::Result<std::vector<std::pair<std::string, std::string>>> rows =
        QueryAll<std::pair<std::string, std::string>>(
            db_, "SELECT code, ended_on FROM organizations WHERE ended_on IS NOT NULL", {},
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
  });
}

core::Status SqlStore::EndOrganization(const std::string& code, const core::OrgEnd& end,
                                       const Actor& actor) {
  return Guarded("ending organization " + code, [&]() -> core::Status {
    const auto state = [&](const std::optional<core::OrgEnd>& value) {
      return JsonObject({{"code", JsonQuote(code)}, {"end", EndJson(value)}});
    };
    bool ended_before = false;
    core::Status changed = ChangeState(
        db_, actor, "organization.end", "organization:" + code, "code",
        [&]() -> core::Result<std::optional<std::string>> {
          core::Result<std::optional<std::int64_t>> found = QueryOne<std::int64_t>(
              db_, "SELECT ended_on IS NOT NULL FROM organizations WHERE code = ?", {code},
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
          return Execute(db_,
                         "UPDATE organizations SET ended_on = ?, end_kind = ?, merged_into = ?,"
                         " end_reason = ? WHERE code = ?",
                         {core::FormatIsoDate(end.on), std::string(core::ToString(end.kind)),
                          NullIfEmpty(end.merged_into), end.reason, code});
        },
        state(end));
    return changed;
  });
}

core::Status SqlStore::RecordMemberLeft(const std::string& id, const core::MemberLeave& leave,
                                        const Actor& actor) {
  return Guarded("recording that member " + id + " left", [&]() -> core::Status {
    std::string org;
    bool left_before = false;
    const auto state = [&](const std::optional<core::MemberLeave>& value) {
      return JsonObject(
          {{"id", JsonQuote(id)}, {"org", JsonQuote(org)}, {"left", LeaveJson(value)}});
    };
    return ChangeState(
        db_, actor, "member.leave", "member:" + id, "id",
        [&]() -> core::Result<std::optional<std::string>> {
          core::Result<std::optional<std::pair<std::string, bool>>> found =
              QueryOne<std::pair<std::string, bool>>(
                  db_, "SELECT org_code, left_on IS NOT NULL FROM members WHERE id = ?", {id},
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
          return Execute(db_,
                         "UPDATE members SET left_on = ?, left_kind = ?, left_reason = ?"
                         " WHERE id = ?",
                         {core::FormatIsoDate(leave.on), std::string(core::ToString(leave.kind)),
                          leave.reason, id});
        },
        state(leave));
  });
}

}  // namespace grassroots::storage
