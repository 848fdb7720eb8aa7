// The audit log as a hash chain: each entry's hash covers the previous entry's hash and the
// entry's own fields, so an entry changed, removed or reordered after the fact breaks every
// hash after it. Entries are appended inside the transaction of the change they describe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "storage/sqlite_db.h"

namespace grassroots::storage {

// The prev_hash of the first entry.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditEntry {
  std::int64_t id = 0;  // assigned by AppendAudit: the previous id + 1
  std::string at;       // ISO 8601 UTC
  std::string actor;
  std::string origin;
  std::string action;  // "import.orgs", "assessment.run", ...
  std::string entity;  // what changed: "organizations", "assessment/2016", ...
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

// The text an entry's hash covers: a JSON array of its fields in a fixed order, with the
// before/after documents embedded as strings so that their own formatting is kept verbatim.
std::string CanonicalAuditText(const AuditEntry& entry);

// Lower-case hex SHA-256 of prev_hash + '\n' + CanonicalAuditText(entry).
std::string AuditHash(std::string_view prev_hash, const AuditEntry& entry);

// Appends `entry` (its id and, if empty, its time are filled in) chained to the last entry.
// Call inside a write transaction so that the chain cannot fork between two writers.
core::Status AppendAudit(Database& db, AuditEntry entry);

// Recomputes the whole chain. Returns the number of entries, or kConflict naming the first
// entry whose hash or link does not match.
core::Result<std::int64_t> VerifyAuditChain(Database& db);

// The current time as "2016-05-01T08:00:00Z".
std::string UtcNow();

// `text` as a JSON string literal, quotes included. Assumes valid UTF-8.
std::string JsonQuote(std::string_view text);

}  // namespace grassroots::storage
