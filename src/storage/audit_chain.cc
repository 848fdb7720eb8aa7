#include "storage/audit_chain.h"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace grassroots::storage {
namespace {

// libsodium must be initialized once per process before use; a function-local static makes
// that thread-safe. Failure only means no secure random source, which hashing does not use.
void EnsureSodium() { [[maybe_unused]] static const int initialized = sodium_init(); }

std::string Sha256Hex(std::string_view data) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::string QuoteOrNull(const std::optional<std::string>& text) {
  return text ? JsonQuote(*text) : "null";
}

}  // namespace

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string CanonicalAuditText(const AuditEntry& entry) {
  return "[" + std::to_string(entry.id) + "," + JsonQuote(entry.at) + "," + JsonQuote(entry.actor) +
         "," + JsonQuote(entry.origin) + "," + JsonQuote(entry.action) + "," +
         JsonQuote(entry.entity) + "," + QuoteOrNull(entry.before_json) + "," +
         QuoteOrNull(entry.after_json) + "]";
}

std::string AuditHash(std::string_view prev_hash, const AuditEntry& entry) {
  return Sha256Hex(std::string(prev_hash) + "\n" + CanonicalAuditText(entry));
}

std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

core::Status AppendAudit(Database& db, AuditEntry entry) {
  core::Result<Statement> last =
      db.Prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!last.ok()) return last.error();
  core::Result<bool> found = last.value().Step();
  if (!found.ok()) return found.error();
  const std::string prev_hash =
      found.value() ? std::string(last.value().Text(1)) : std::string(kGenesisHash);
  entry.id = found.value() ? last.value().Int(0) + 1 : 1;
  if (entry.at.empty()) entry.at = UtcNow();

  core::Result<Statement> insert = db.Prepare(
      "INSERT INTO audit_log (id, at, actor, origin, action, entity, before_json, after_json,"
      " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.error();
  const std::string hash = AuditHash(prev_hash, entry);
  Statement& stmt = insert.value();
  stmt.BindInt(1, entry.id)
      .BindText(2, entry.at)
      .BindText(3, entry.actor)
      .BindText(4, entry.origin)
      .BindText(5, entry.action)
      .BindText(6, entry.entity)
      .BindText(9, prev_hash)
      .BindText(10, hash);
  entry.before_json ? stmt.BindText(7, *entry.before_json) : stmt.BindNull(7);
  entry.after_json ? stmt.BindText(8, *entry.after_json) : stmt.BindNull(8);
  return stmt.Run();
}

core::Result<std::int64_t> VerifyAuditChain(Database& db) {
  core::Result<Statement> rows = db.Prepare(
      "SELECT id, at, actor, origin, action, entity, before_json, after_json, prev_hash, hash"
      " FROM audit_log ORDER BY id");
  if (!rows.ok()) return rows.error();
  Statement& stmt = rows.value();
  std::string expected_prev(kGenesisHash);
  std::int64_t count = 0;
  for (;;) {
    core::Result<bool> row = stmt.Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    AuditEntry entry{stmt.Int(0),
                     std::string(stmt.Text(1)),
                     std::string(stmt.Text(2)),
                     std::string(stmt.Text(3)),
                     std::string(stmt.Text(4)),
                     std::string(stmt.Text(5)),
                     std::nullopt,
                     std::nullopt};
    if (!stmt.IsNull(6)) entry.before_json = std::string(stmt.Text(6));
    if (!stmt.IsNull(7)) entry.after_json = std::string(stmt.Text(7));
    if (stmt.Text(8) != expected_prev || stmt.Text(9) != AuditHash(expected_prev, entry)) {
      return core::Error::Conflict(
          "audit log entry " + std::to_string(entry.id) + " does not match its hash chain",
          "audit_log/" + std::to_string(entry.id));
    }
    expected_prev = std::string(stmt.Text(9));
    ++count;
  }
  return count;
}

}  // namespace grassroots::storage
