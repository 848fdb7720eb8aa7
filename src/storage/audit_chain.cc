#include "storage/audit_chain.h"

#include <sodium.h>

#include <cstdio>

#include "core/clock.h"

namespace grassroots::storage {
namespace {

// libsodium must be initialized once per process before use; a function-local static makes
// that thread-safe. Failure only means no secure random source, which hashing does not use.
void EnsureSodium() { [[maybe_unused]] static const int initialized = sodium_init(); }

std::string QuoteOrNull(const std::optional<std::string>& text) {
  return text ? JsonQuote(*text) : "null";
}

bool IsLowerHex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

core::Status InsertCheckpoint(Database& db, const AuditEntry& entry, std::string_view hash,
                              std::string_view reason) {
  core::Result<Statement> stmt =
      db.Prepare("INSERT INTO audit_checkpoints (entry_id, hash, at, reason) VALUES (?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindInt(1, entry.id).BindText(2, hash).BindText(3, entry.at).BindText(4, reason);
  return stmt.value().Run();
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

void AppendJsonQuoted(std::string& out, std::string_view text) {
  out += '"';
  // Runs of characters that need no escape are copied whole: most text has none at all.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
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
      default: {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
        out += escaped;
      }
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

std::string JsonQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonQuoted(out, text);
  return out;
}

std::string CanonicalAuditText(const AuditEntry& entry) {
  std::string text = "[" + std::to_string(entry.id) + "," + JsonQuote(entry.at) + "," +
                     JsonQuote(entry.actor) + "," + JsonQuote(entry.origin) + "," +
                     JsonQuote(entry.action) + "," + JsonQuote(entry.entity) + "," +
                     QuoteOrNull(entry.before_json) + "," + QuoteOrNull(entry.after_json);
  // Entries written before change records existed keep the text they were hashed with.
  if (entry.change_count) {
    text += "," + std::to_string(*entry.change_count) + "," + QuoteOrNull(entry.change_digest);
  }
  return text + "]";
}

std::string AuditHash(std::string_view prev_hash, const AuditEntry& entry) {
  return Sha256Hex(std::string(prev_hash) + "\n" + CanonicalAuditText(entry));
}

core::Result<ChainHead> ReadAuditHead(Database& db) {
  core::Result<Statement> last =
      db.Prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!last.ok()) return last.error();
  core::Result<bool> found = last.value().Step();
  if (!found.ok()) return found.error();
  if (!found.value()) return ChainHead{0, std::string(kGenesisHash)};
  return ChainHead{last.value().Int(0), std::string(last.value().Text(1))};
}

core::Result<std::int64_t> NextAuditId(Database& db) {
  core::Result<ChainHead> head = ReadAuditHead(db);
  if (!head.ok()) return head.error();
  return head.value().id + 1;
}

core::Status AppendAudit(Database& db, AuditEntry entry) {
  core::Result<ChainHead> head = ReadAuditHead(db);
  if (!head.ok()) return head.error();
  const std::string& prev_hash = head.value().hash;
  // Change records were written naming the id this entry was to get (ChangeRecorder).
  if (entry.id != 0 && entry.id != head.value().id + 1) {
    return core::Error::Internal("the change records name audit entry " + std::to_string(entry.id) +
                                 " but the next entry is " + std::to_string(head.value().id + 1));
  }
  entry.id = head.value().id + 1;
  if (entry.at.empty()) entry.at = core::FormatUtc(db.clock().Now());

  core::Result<Statement> insert = db.Prepare(
      "INSERT INTO audit_log (id, at, actor, origin, action, entity, before_json, after_json,"
      " prev_hash, hash, change_count, change_digest, data_change)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
      .BindText(10, hash)
      .BindInt(13, entry.data_change ? 1 : 0);
  entry.before_json ? stmt.BindText(7, *entry.before_json) : stmt.BindNull(7);
  entry.after_json ? stmt.BindText(8, *entry.after_json) : stmt.BindNull(8);
  entry.change_count ? stmt.BindInt(11, *entry.change_count) : stmt.BindNull(11);
  entry.change_digest ? stmt.BindText(12, *entry.change_digest) : stmt.BindNull(12);
  if (core::Status status = stmt.Run(); !status.ok()) return status;

  if (entry.checkpoint || entry.id % kCheckpointEvery == 0) {
    const std::string reason = entry.checkpoint
                                   ? *entry.checkpoint
                                   : "every " + std::to_string(kCheckpointEvery) + " entries";
    if (core::Status status = InsertCheckpoint(db, entry, hash, reason); !status.ok()) {
      return status;
    }
  }
  db.NoteAuditHead(entry.id, hash, entry.at);
  return core::Status::Ok();
}

std::optional<ChainHead> ParseAuditHead(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 18) return std::nullopt;
  std::int64_t id = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  const std::string_view hash = text.substr(colon + 1);
  if (id <= 0 || hash.size() != kGenesisHash.size() || !IsLowerHex(hash)) return std::nullopt;
  return ChainHead{id, std::string(hash)};
}

std::string FormatAuditHead(const ChainHead& head) {
  return std::to_string(head.id) + ":" + head.hash;
}

}  // namespace grassroots::storage
