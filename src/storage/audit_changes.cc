#include "storage/audit_changes.h"

#include <sodium.h>

#include <iterator>

namespace grassroots::storage {
namespace {

// Records per INSERT where the backend has no bulk loads: as many as an upsert of imported rows
// (bulk_write.h, kBatchRows), for the same reason, the statement journal each execution keeps.
constexpr std::size_t kRowsPerStatement = 1024;
// Records per COPY where the backend has bulk loads: a COPY costs three round trips.
constexpr std::size_t kRowsPerLoad = 8192;
constexpr int kColumnsPerRecord = 5;
// Records digested on the digest's thread at a time: a few MiB, a thread started per batch.
constexpr std::size_t kDigestRecords = 8192;
constexpr std::string_view kDigestPrefix = "blake2b256:";

std::string InsertSql(std::size_t rows) {
  std::string sql =
      "INSERT INTO audit_changes (entry_id, seq, entity, before_json, after_json) VALUES ";
  for (std::size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)";
  return sql;
}

}  // namespace

struct ChangeDigest::State {
  crypto_generichash_state hash;
};

ChangeDigest::ChangeDigest() : state_(std::make_unique<State>()) {
  [[maybe_unused]] static const int initialized = sodium_init();
  crypto_generichash_init(&state_->hash, nullptr, 0, crypto_generichash_BYTES);
}

ChangeDigest::~ChangeDigest() = default;

void ChangeDigest::Add(std::int64_t seq, std::string_view entity,
                       const std::optional<std::string_view>& before,
                       const std::optional<std::string_view>& after) {
  const auto field = [this](const std::optional<std::string_view>& value) {
    text_ += ' ';
    if (value) {
      text_ += std::to_string(value->size());
      text_ += ':';
      text_ += *value;
    } else {
      text_ += "-:";
    }
  };
  text_.clear();
  text_ += std::to_string(seq);
  field(entity);
  field(before);
  field(after);
  text_ += '\n';
  crypto_generichash_update(&state_->hash, reinterpret_cast<const unsigned char*>(text_.data()),
                            text_.size());
}

std::string ChangeDigest::Finish() {
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash_final(&state_->hash, digest, sizeof digest);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(kDigestPrefix) + std::string(hex, crypto_generichash_BYTES * 2);
}

ChangeRecorder::ChangeRecorder(Database& db, std::int64_t entry_id)
    : db_(db),
      entry_id_(entry_id),
      rows_per_write_(db.CanBulkLoad() ? kRowsPerLoad : kRowsPerStatement) {
  pending_.reserve(rows_per_write_);
}

ChangeRecorder::~ChangeRecorder() {
  if (digesting_.valid()) digesting_.wait();
}

core::Status ChangeRecorder::Add(std::string entity, std::optional<std::string> before,
                                 std::string after) {
  ++count_;
  pending_.push_back({std::move(entity), std::move(before), std::move(after)});
  return pending_.size() == rows_per_write_ ? Flush() : core::Status::Ok();
}

core::Status ChangeRecorder::Flush() {
  if (pending_.empty()) return core::Status::Ok();
  if (db_.CanBulkLoad()) return Load();
  core::Result<Statement> stmt = db_.Prepare(InsertSql(pending_.size()));
  if (!stmt.ok()) return stmt.error();
  const std::int64_t first_seq = count_ - static_cast<std::int64_t>(pending_.size()) + 1;
  for (std::size_t r = 0; r < pending_.size(); ++r) {
    const int p = static_cast<int>(r) * kColumnsPerRecord + 1;
    const Record& record = pending_[r];
    stmt.value()
        .BindInt(p, entry_id_)
        .BindInt(p + 1, first_seq + static_cast<std::int64_t>(r))
        .BindText(p + 2, record.entity)
        .BindText(p + 4, record.after);
    record.before ? stmt.value().BindText(p + 3, *record.before) : stmt.value().BindNull(p + 3);
  }
  core::Status status = stmt.value().Run();
  HandToDigest();
  return status;
}

// The same rows as Flush's INSERT, through one bulk load (COPY on PostgreSQL).
core::Status ChangeRecorder::Load() {
  core::Result<BulkLoad> load =
      db_.BeginBulkLoad("audit_changes", "entry_id, seq, entity, before_json, after_json");
  if (!load.ok()) return load.error();
  Statement& row = load.value().row();
  std::int64_t seq = count_ - static_cast<std::int64_t>(pending_.size());
  for (const Record& record : pending_) {
    row.BindInt(1, entry_id_)
        .BindInt(2, ++seq)
        .BindText(3, record.entity)
        .BindText(5, record.after);
    record.before ? row.BindText(4, *record.before) : row.BindNull(4);
    if (core::Status added = row.Run(); !added.ok()) return added;
  }
  HandToDigest();
  return load.value().Finish();
}

void ChangeRecorder::HandToDigest() {
  written_.insert(written_.end(), std::make_move_iterator(pending_.begin()),
                  std::make_move_iterator(pending_.end()));
  pending_.clear();
  if (written_.size() < kDigestRecords) return;
  WaitForDigest();
  // Every record before written_ has been handed to the digest already.
  const std::int64_t first_seq = count_ - static_cast<std::int64_t>(written_.size()) + 1;
  digesting_ = std::async(std::launch::async, [this, first_seq, batch = std::move(written_)] {
    DigestRecords(digest_, first_seq, batch);
  });
  written_ = {};
  written_.reserve(kDigestRecords);
}

void ChangeRecorder::DigestRecords(ChangeDigest& digest, std::int64_t first_seq,
                                   const std::vector<Record>& records) {
  std::int64_t seq = first_seq;
  for (const Record& record : records) {
    digest.Add(seq++, record.entity,
               record.before ? std::optional<std::string_view>(*record.before) : std::nullopt,
               record.after);
  }
}

void ChangeRecorder::WaitForDigest() {
  if (digesting_.valid()) digesting_.get();
}

core::Status ChangeRecorder::Finish(AuditEntry& entry) {
  if (core::Status status = Flush(); !status.ok()) return status;
  WaitForDigest();
  DigestRecords(digest_, count_ - static_cast<std::int64_t>(written_.size()) + 1, written_);
  written_.clear();
  entry.id = entry_id_;
  entry.change_count = count_;
  entry.change_digest = digest_.Finish();
  return core::Status::Ok();
}

}  // namespace grassroots::storage
