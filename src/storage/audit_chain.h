// The audit log as a hash chain: each entry's hash covers the previous entry's hash and the
// entry's own fields, so an entry changed, removed or reordered after the fact breaks every
// hash after it. Entries are appended inside the transaction of the change they describe; a
// bulk write's per-row change records (audit_changes.h) hang off its entry, covered by a digest
// the entry's hash includes. What anchors the chain's end outside the table (checkpoints, the
// head file) and how all of it is checked: audit_verify.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "storage/database.h"
#include "storage/store.h"

namespace grassroots::storage {

// The prev_hash of the first entry.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Every this many entries, the chain's head is kept as a checkpoint (audit_checkpoints).
inline constexpr std::int64_t kCheckpointEvery = 1000;

struct AuditEntry {
  std::int64_t id = 0;  // assigned by AppendAudit: the previous id + 1 (which it must be if set)
  std::string at;       // ISO 8601 UTC; AppendAudit fills it from the connection's clock
  std::string actor;
  std::string origin;
  std::string action;  // "import.orgs", "assessment.run", ...
  std::string entity;  // what changed: "organizations", "assessment/2016", ...
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
  // The per-row change records of a bulk write: their number and digest (audit_changes.h).
  std::optional<std::int64_t> change_count;
  std::optional<std::string> change_digest;
  // False for events that change no data (login, logout, failed login): the data version
  // (Store::DataVersion) does not move for them. Not part of the hashed text.
  bool data_change = true;
  // Keep the head after this entry as a checkpoint, whatever its id (an assessment run).
  std::optional<std::string> checkpoint;
};

// The text an entry's hash covers: a JSON array of its fields in a fixed order, with the
// before/after documents embedded as strings so that their own formatting is kept verbatim.
// An entry with change records appends their count and digest.
std::string CanonicalAuditText(const AuditEntry& entry);

// Lower-case hex SHA-256 of prev_hash + '\n' + CanonicalAuditText(entry).
std::string AuditHash(std::string_view prev_hash, const AuditEntry& entry);

// The id the next appended entry will get (the last id + 1). Inside a write transaction it
// stays true until that entry is appended, so change records can name it beforehand.
core::Result<std::int64_t> NextAuditId(Database& db);

// Appends `entry` (its id and, if empty, its time are filled in) chained to the last entry,
// keeps a checkpoint when one is due, and tells `db` the new head so that it reaches the head
// file once the transaction commits. Call inside a write transaction so that the chain cannot
// fork between two writers.
core::Status AppendAudit(Database& db, AuditEntry entry);

// The newest entry, or id 0 with the genesis hash when the log is empty.
core::Result<ChainHead> ReadAuditHead(Database& db);

// `text` as a JSON string literal, quotes included. Assumes valid UTF-8.
std::string JsonQuote(std::string_view text);
void AppendJsonQuoted(std::string& out, std::string_view text);

// Lower-case hex of SHA-256 over `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace grassroots::storage
