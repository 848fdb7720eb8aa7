#include "storage/import_writer.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/audit_chain.h"
#include "storage/import_kinds.h"
#include "storage/member_status_records.h"
#include "storage/paged_read.h"
#include "storage/staged_upsert.h"
#include "storage/statistics.h"

namespace grassroots::storage {
namespace {

using import_kinds::MemberRows;
using import_kinds::OrgRows;
using import_kinds::ScoreRows;

std::string_view TableName(ImportTable table) {
  switch (table) {
    case ImportTable::kOrganizations:
      return "organizations";
    case ImportTable::kMembers:
      return "members";
    case ImportTable::kScores:
      return "scores";
  }
  return "";
}

std::string_view ActionOf(ImportTable table) {
  switch (table) {
    case ImportTable::kOrganizations:
      return "import.orgs";
    case ImportTable::kMembers:
      return "import.members";
    case ImportTable::kScores:
      return "import.scores";
  }
  return "";
}

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

ImportTable TableOf(const std::vector<core::Organization>&) { return ImportTable::kOrganizations; }
ImportTable TableOf(const std::vector<core::Member>&) { return ImportTable::kMembers; }
ImportTable TableOf(const std::vector<core::ScoreRecord>&) { return ImportTable::kScores; }

template <typename Row>
core::Result<WriteSummary> WriteBatch(Tx& tx, const std::vector<Row>& rows) {
  const ImportTable table = TableOf(rows);
  const std::string what = "importing " + std::string(TableName(table)) + " (nothing was written)";
  ImportWriter writer(tx, table);
  if (core::Status written = writer.Write(rows); !written.ok()) {
    return WithContext(written.error(), what);
  }
  core::Result<WriteSummary> summary = writer.Finish(rows.size());
  if (!summary.ok()) return WithContext(summary.error(), what);
  return summary;
}

template <typename Row>
core::Result<WriteSummary> WriteBatch(Store& store, const Actor& actor,
                                      const std::vector<Row>& rows) {
  return WriteValue(store, actor, [&](Tx& tx) { return WriteBatch(tx, rows); });
}

// The county's day an import's changes of status are dated: the connection's clock.
core::CivilDate ImportDay(Tx& tx) { return core::CountyDate(tx.db().clock().Now()); }

}  // namespace

core::Result<WriteSummary> ImportBatch(Tx& tx, const std::vector<core::Organization>& rows) {
  return WriteBatch(tx, rows);
}
core::Result<WriteSummary> ImportBatch(Tx& tx, const std::vector<core::Member>& rows) {
  return WriteBatch(tx, rows);
}
core::Result<WriteSummary> ImportBatch(Tx& tx, const std::vector<core::ScoreRecord>& rows) {
  return WriteBatch(tx, rows);
}
core::Result<WriteSummary> ImportBatch(Store& store, const Actor& actor,
                                       const std::vector<core::Organization>& rows) {
  return WriteBatch(store, actor, rows);
}
core::Result<WriteSummary> ImportBatch(Store& store, const Actor& actor,
                                       const std::vector<core::Member>& rows) {
  return WriteBatch(store, actor, rows);
}
core::Result<WriteSummary> ImportBatch(Store& store, const Actor& actor,
                                       const std::vector<core::ScoreRecord>& rows) {
  return WriteBatch(store, actor, rows);
}

core::Status ReadStoredOrganizations(Tx& tx, core::OrgBatchCheck& check) {
  return ReadPaged(tx.db(),
                   "SELECT code, parent_code, unit_code, ended_on IS NOT NULL FROM organizations"
                   " WHERE code > ? ORDER BY code LIMIT ?",
                   [&](const Statement& s) {
                     check.AddStored(s.Text(0), s.Text(1), s.Text(2), s.Int(3) != 0);
                     return core::Status::Ok();
                   });
}

core::Status ReadOrganizationCodes(Tx& tx, core::CodeSet& codes) {
  return ReadPaged(tx.db(), "SELECT code FROM organizations WHERE code > ? ORDER BY code LIMIT ?",
                   [&](const Statement& s) {
                     codes.Insert(s.Text(0));
                     return core::Status::Ok();
                   });
}

struct ImportWriter::State {
  State(Database& db, std::int64_t entry_id) : recorder(db, entry_id) {}
  ChangeRecorder recorder;
  WriteSummary summary;
  std::optional<PartitionCheck<OrgRows>> orgs;
  std::optional<PartitionCheck<MemberRows>> members;
  std::optional<PartitionCheck<ScoreRows>> scores;
  // Where the backend has bulk loads (PostgreSQL): chunks written through COPY.
  std::optional<StagedUpsert> staged;
  // What SuspendForFirstLoad took off the table, put back by Finish.
  std::vector<std::string> restore;
};

ImportWriter::ImportWriter(Tx& tx, ImportTable table) : tx_(tx), table_(table) {}
ImportWriter::~ImportWriter() = default;

// The entry's id is taken before the first change record, which names it.
core::Status ImportWriter::Start() {
  if (state_) return core::Status::Ok();
  if (core::Status writable = tx_.RequireWritable(); !writable.ok()) return writable;
  core::Result<std::int64_t> entry_id = NextAuditId(tx_.db());
  if (!entry_id.ok()) return entry_id.error();
  state_ = std::make_unique<State>(tx_.db(), entry_id.value());
  if (tx_.db().CanBulkLoad()) {
    auto restore = tx_.db().SuspendForFirstLoad(TableName(table_));
    if (!restore.ok()) return restore.error();
    state_->restore = std::move(restore).value();
  }
  if (table_ == ImportTable::kOrganizations) {
    auto check = NewPartitionCheck<OrgRows>(tx_.db());
    if (!check.ok()) return check.error();
    state_->orgs.emplace(std::move(check).value());
    if (tx_.db().CanBulkLoad()) state_->staged.emplace(OrgRows::kUpsert);
  } else if (table_ == ImportTable::kMembers) {
    auto check = NewPartitionCheck<MemberRows>(tx_.db());
    if (!check.ok()) return check.error();
    state_->members.emplace(std::move(check).value());
    if (tx_.db().CanBulkLoad()) state_->staged.emplace(MemberRows::kUpsert);
  } else {
    auto check = NewPartitionCheck<ScoreRows>(tx_.db());
    if (!check.ok()) return check.error();
    state_->scores.emplace(std::move(check).value());
    if (tx_.db().CanBulkLoad()) state_->staged.emplace(ScoreRows::kUpsert);
  }
  return core::Status::Ok();
}

core::Status ImportWriter::Write(const std::vector<core::Organization>& rows) {
  if (table_ != ImportTable::kOrganizations) return core::Error::Internal("not an orgs import");
  if (core::Status units = CheckUnits(rows); !units.ok()) return units;
  if (core::Status started = Start(); !started.ok()) return started;
  if (core::Status units = import_kinds::InsertUnits(tx_.db(), rows); !units.ok()) return units;
  if (state_->staged) {
    return state_->staged->Write<OrgRows>(tx_.db(), rows, state_->recorder, state_->summary,
                                          *state_->orgs);
  }
  return WriteChanged<OrgRows>(tx_.db(), rows, state_->recorder, state_->summary, &*state_->orgs);
}

core::Status CheckMemberWrites(Tx& tx, const std::vector<core::Member>& rows) {
  core::Result<std::vector<core::StatusChange>> changes =
      MemberStatusRecords(tx).ImportedChanges(rows, ImportDay(tx));
  if (!changes.ok()) return changes.error();
  return core::Status::Ok();
}

core::Status ImportWriter::Write(const std::vector<core::Member>& rows) {
  if (table_ != ImportTable::kMembers) return core::Error::Internal("not a members import");
  if (core::Status started = Start(); !started.ok()) return started;
  // A status the file changes is a change of status like any other (core/member_status.h).
  if (core::Status history = MemberStatusRecords(tx_).RecordImported(rows, ImportDay(tx_));
      !history.ok()) {
    return history;
  }
  if (state_->staged) {
    return state_->staged->Write<MemberRows>(tx_.db(), rows, state_->recorder, state_->summary,
                                             *state_->members);
  }
  return WriteChanged<MemberRows>(tx_.db(), rows, state_->recorder, state_->summary,
                                  &*state_->members);
}

core::Status ImportWriter::Write(const std::vector<core::ScoreRecord>& rows) {
  if (table_ != ImportTable::kScores) return core::Error::Internal("not a scores import");
  if (core::Status started = Start(); !started.ok()) return started;
  if (state_->staged) {
    return state_->staged->Write<ScoreRows>(tx_.db(), rows, state_->recorder, state_->summary,
                                            *state_->scores);
  }
  return WriteChanged<ScoreRows>(tx_.db(), rows, state_->recorder, state_->summary,
                                 &*state_->scores);
}

core::Result<WriteSummary> ImportWriter::Finish(std::size_t rows) {
  if (core::Status started = Start(); !started.ok()) return started.error();
  for (const std::string& sql : state_->restore) {
    // Every row is checked here against the keys that were taken off.
    const std::string what = "checking the keys and building the indexes of the rows written";
    if (core::Status restored = tx_.db().Exec(sql, what); !restored.ok()) return restored.error();
  }
  state_->restore.clear();
  AuditEntry entry;
  if (core::Status status = state_->recorder.Finish(entry); !status.ok()) return status.error();
  entry.actor = tx_.actor().name;
  entry.origin = tx_.actor().origin;
  entry.action = std::string(ActionOf(table_));
  entry.entity = std::string(TableName(table_));
  entry.after_json = import_kinds::SummaryJson(rows, state_->summary);
  if (core::Status status = AppendAudit(tx_.db(), std::move(entry)); !status.ok()) {
    return status.error();
  }
  if (table_ == ImportTable::kOrganizations) {
    // Statistics only steer plans: a failure to refresh them does not undo the import.
    RefreshStatisticsAfterBulkWrite(tx_.db(), "organizations", state_->summary.inserted);
  }
  return state_->summary;
}

}  // namespace grassroots::storage
