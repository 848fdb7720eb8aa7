// Imports: one transaction each, the batch compared with the stored rows and the changed ones
// written and recorded (bulk_write.h); what differs between organizations, members and scores
// is described in import_kinds.h, one Kind each.
#include "storage/audit_chain.h"
#include "storage/import_kinds.h"

namespace grassroots::storage {
namespace {

using import_kinds::InsertUnits;
using import_kinds::MemberRows;
using import_kinds::OrgRows;
using import_kinds::ScoreRows;
using import_kinds::SummaryJson;
using import_kinds::UnitOf;

// A direct organization without a unit belongs to the default unit (docs/contract.md); a child's
// unit is its parent's, which validation resolves, so an empty one here is a caller's bug.
core::Status CheckUnits(const std::vector<core::Organization>& orgs) {
  for (const core::Organization& org : orgs) {
    if (org.unit.empty() && !org.parent.empty()) {
      return core::Error::Invalid(
          "organization " + org.code + " has no assessing unit; validate the batch first",
          org.code);
    }
  }
  return core::Status::Ok();
}

// One import as one transaction: compares, records and writes the changed rows (`write`),
// appends the entry `action` that covers their change records, commits. Nothing is written
// when any step fails.
core::Result<WriteSummary> WriteBatch(
    Database& db, std::string_view table, std::string_view action, std::size_t rows,
    const Actor& actor, const std::function<core::Status(ChangeRecorder&, WriteSummary&)>& write) {
  const std::string what = "importing " + std::string(table) + " (nothing was written)";
  core::Result<Transaction> txn = Transaction::Begin(db);
  if (!txn.ok()) return WithContext(txn.error(), what);
  core::Result<std::int64_t> entry_id = NextAuditId(db);
  if (!entry_id.ok()) return WithContext(entry_id.error(), what);
  ChangeRecorder recorder(db, entry_id.value());
  WriteSummary summary;
  if (core::Status status = write(recorder, summary); !status.ok()) {
    return WithContext(status.error(), what);
  }
  AuditEntry entry;
  if (core::Status status = recorder.Finish(entry); !status.ok()) {
    return WithContext(status.error(), what);
  }
  entry.actor = actor.name;
  entry.origin = actor.origin;
  entry.action = std::string(action);
  entry.entity = std::string(table);
  entry.after_json = SummaryJson(rows, summary);
  if (core::Status status = AppendAudit(db, std::move(entry)); !status.ok()) {
    return WithContext(status.error(), what);
  }
  // Deferred foreign keys (a parent that exists nowhere) are checked here.
  if (core::Status status = txn.value().Commit(); !status.ok()) {
    return WithContext(status.error(), what);
  }
  return summary;
}

}  // namespace

core::Result<WriteSummary> SqlStore::UpsertOrganizations(
    const std::vector<core::Organization>& orgs, const Actor& actor) {
  return Guarded("importing organizations", [&]() -> core::Result<WriteSummary> {
    if (core::Status status = CheckUnits(orgs); !status.ok()) return status.error();
    auto written = WriteBatch(db_, "organizations", "import.orgs", orgs.size(), actor,
                              [&](ChangeRecorder& recorder, WriteSummary& summary) {
                                if (core::Status s = InsertUnits(db_, orgs); !s.ok()) return s;
                                return WriteChanged<OrgRows>(db_, orgs, recorder, summary);
                              });
    if (!written.ok()) return written;
    // The committed import stands whatever happens here: statistics only steer plans.
    (void)RefreshStatistics(db_, "organizations");
    return written;
  });
}

core::Result<WriteSummary> SqlStore::UpsertMembers(const std::vector<core::Member>& members,
                                                   const Actor& actor) {
  return Guarded("importing members", [&] {
    return WriteBatch(db_, "members", "import.members", members.size(), actor,
                      [&](ChangeRecorder& recorder, WriteSummary& summary) {
                        return WriteChanged<MemberRows>(db_, members, recorder, summary);
                      });
  });
}

core::Result<WriteSummary> SqlStore::UpsertScores(const std::vector<core::ScoreRecord>& scores,
                                                  const Actor& actor) {
  return Guarded("importing scores", [&] {
    return WriteBatch(db_, "scores", "import.scores", scores.size(), actor,
                      [&](ChangeRecorder& recorder, WriteSummary& summary) {
                        return WriteChanged<ScoreRows>(db_, scores, recorder, summary);
                      });
  });
}

}  // namespace grassroots::storage
