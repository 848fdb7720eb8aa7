// Per-row change records of a bulk write or import (table audit_changes). A bulk write is one
// audit entry; each row it changed is one record beside it, named as a single write of that row
// would name it ("score:V01:2016") with the row before and after, stored compact and read back as
// the JSON a single write records (row_json.h), so that a reader finds a change whichever way it
// was made. Rows written with the values they had record nothing.
//
// The entry's hash covers the records through their count and digest: BLAKE2b-256 over each
// record's canonical text in seq order, written "blake2b256:" + 64 hex digits. A record's text is
// its fields with their byte lengths, so no content can pass for a boundary and nothing needs
// escaping: "SEQ ENTITY_LENGTH:ENTITY BEFORE_LENGTH:BEFORE AFTER_LENGTH:AFTER\n", an absent
// before or after written "-:" (`3 14:score:V01:2016 -: 52:[1,"V01",2016,...]`). The text is
// the record as stored: a record stored as an object (before compact rows) is digested as that.
// BLAKE2b rather than the chain's SHA-256 because a country's import digests over a gigabyte:
// libsodium's BLAKE2b does it in under 3 s, its SHA-256 takes 11 s (docs/performance.md).
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "storage/audit_chain.h"
#include "storage/database.h"

namespace grassroots::storage {

// The running digest of an entry's change records.
class ChangeDigest {
 public:
  ChangeDigest();
  ~ChangeDigest();
  ChangeDigest(const ChangeDigest&) = delete;
  ChangeDigest& operator=(const ChangeDigest&) = delete;

  void Add(std::int64_t seq, std::string_view entity, const std::optional<std::string_view>& before,
           const std::optional<std::string_view>& after);
  // "blake2b256:<hex>". Call once.
  std::string Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::string text_;  // reused for each record's canonical text
};

// Writes the change records of one entry inside its write transaction, 1,024 to a statement
// (8,192 to a bulk load where the backend has them: COPY on PostgreSQL).
//
// The digest is computed on a thread of its own, kDigestRecords records at a time, while the
// write goes on: BLAKE2b over a country's gigabytes was 8% of `import scores`' CPU, all of it
// on the writing thread, while the parsing thread left the second core mostly idle. The records
// are digested in seq order all the same: one batch at a time, each started once the last one
// ended. A write of fewer records than a batch digests them in Finish, with no thread.
class ChangeRecorder {
 public:
  // `entry_id` is the id the write's entry will get (NextAuditId).
  ChangeRecorder(Database& db, std::int64_t entry_id);
  // Waits for a digest still running (a write that failed before Finish).
  ~ChangeRecorder();
  ChangeRecorder(const ChangeRecorder&) = delete;
  ChangeRecorder& operator=(const ChangeRecorder&) = delete;

  // `entity` changed from `before` (nullopt: the row is new) to `after`.
  core::Status Add(std::string entity, std::optional<std::string> before, std::string after);
  // Writes what is buffered and sets the entry's id check, change count and digest. The entry
  // must then be appended with AppendAudit in the same transaction.
  core::Status Finish(AuditEntry& entry);

  std::int64_t count() const { return count_; }

 private:
  struct Record {
    std::string entity;
    std::optional<std::string> before;
    std::string after;
  };
  core::Status Flush();
  core::Status Load();
  // Moves the records just written (pending_) to those waiting for the digest, and starts a
  // batch on the digest's thread when kDigestRecords wait.
  void HandToDigest();
  // Waits for the batch being digested; rethrows what it threw.
  void WaitForDigest();
  static void DigestRecords(ChangeDigest& digest, std::int64_t first_seq,
                            const std::vector<Record>& records);

  Database& db_;
  std::int64_t entry_id_;
  std::int64_t count_ = 0;
  std::size_t rows_per_write_;
  std::vector<Record> pending_;  // not yet written
  std::vector<Record> written_;  // written, not yet handed to the digest: the last before count_
  ChangeDigest digest_;
  std::future<void> digesting_;  // the batch being digested, if any
};

}  // namespace grassroots::storage
