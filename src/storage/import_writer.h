// The storage side of a streamed import (app/import_stream.h, issue 11): the compact reads its
// validation needs, and the write of validated rows chunk by chunk inside the use case's one
// write transaction (Store::Write). Each chunk is compared with the stored rows and only new and
// changed rows are written and recorded (bulk_write.h, audit_changes.h); Finish appends the one
// audit entry that covers the change records. ImportBatch writes a whole batch held in memory the
// same way (the API's bulk score write, the demo, test fixtures): the same entry, action and
// records as a streamed import of the same rows.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "core/error.h"
#include "core/import_checks.h"
#include "core/organization.h"
#include "core/score.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

// Feeds every stored organization (code, parent, unit, ended) to `check`, read in pages of
// code order, so that neither backend holds the table's rows at once.
core::Status ReadStoredOrganizations(Tx& tx, core::OrgBatchCheck& check);
// Adds every stored organization's code to `codes`, in pages.
core::Status ReadOrganizationCodes(Tx& tx, core::CodeSet& codes);

// What ImportWriter::Write would refuse of these member rows beyond the rows' own checks (a
// change of status the rules do not allow, MemberStatusRecords::ImportedChanges), asked in any
// transaction without writing: the dry run's answer is then the import's.
core::Status CheckMemberWrites(Tx& tx, const std::vector<core::Member>& rows);

enum class ImportTable { kOrganizations, kMembers, kScores };

class ImportWriter {
 public:
  // `tx` must be a write transaction and outlive the writer.
  ImportWriter(Tx& tx, ImportTable table);
  ~ImportWriter();
  ImportWriter(const ImportWriter&) = delete;
  ImportWriter& operator=(const ImportWriter&) = delete;

  // Writes one chunk of rows of the writer's table, validated (units resolved, keys unique in
  // the whole import). kInternal for rows of another table. An import that writes chunks before
  // its checks across the whole file have ended (app/import_stream.cc) rolls the transaction
  // back when they fail: a key repeated in the file then made a write fail (PostgreSQL refuses
  // a key twice in one upsert) or wrote its row twice, and neither is kept.
  core::Status Write(const std::vector<core::Organization>& rows);
  core::Status Write(const std::vector<core::Member>& rows);
  core::Status Write(const std::vector<core::ScoreRecord>& rows);

  // Appends the import's audit entry ("import.orgs" ..., after_json the summary of `rows` rows)
  // and, for organizations, refreshes the table's statistics. Call once, after the last chunk.
  core::Result<WriteSummary> Finish(std::size_t rows);

 private:
  struct State;
  core::Status Start();

  Tx& tx_;
  ImportTable table_;
  std::unique_ptr<State> state_;
};

// A whole batch of validated rows (units resolved, parents in the batch or stored, keys unique)
// as one import in the caller's write transaction: one chunk and the import's entry. The rows may
// come in any order.
core::Result<WriteSummary> ImportBatch(Tx& tx, const std::vector<core::Organization>& rows);
core::Result<WriteSummary> ImportBatch(Tx& tx, const std::vector<core::Member>& rows);
core::Result<WriteSummary> ImportBatch(Tx& tx, const std::vector<core::ScoreRecord>& rows);
// The same in a write transaction of its own (Store::Write): all of it or, on any error, nothing.
core::Result<WriteSummary> ImportBatch(Store& store, const Actor& actor,
                                       const std::vector<core::Organization>& rows);
core::Result<WriteSummary> ImportBatch(Store& store, const Actor& actor,
                                       const std::vector<core::Member>& rows);
core::Result<WriteSummary> ImportBatch(Store& store, const Actor& actor,
                                       const std::vector<core::ScoreRecord>& rows);

}  // namespace grassroots::storage
