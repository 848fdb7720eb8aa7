#include "storage/audit_verify.h"

#include <algorithm>
#include <string>
#include <vector>

#include "storage/audit_chain.h"
#include "storage/audit_changes.h"
#include "storage/audit_heads.h"
#include "storage/paged_read.h"

namespace grassroots::storage {
namespace {

// A head that must still be in the chain, and where it was kept.
struct Anchor {
  ChainHead head;
  std::string source;  // for messages: `the checkpoint "assessment/2016" (2016-06-30T16:00:00Z)`
};

// Records the first problem found; later ones are not looked for.
void Fail(AuditVerification& v, std::int64_t id, std::string reason, core::Params params,
          std::string message) {
  if (!v.ok) return;
  v.ok = false;
  v.first_bad_id = id;
  v.reason = std::move(reason);
  v.params = std::move(params);
  v.message = std::move(message);
}

core::Status ReadCheckpoints(Database& db, std::vector<Anchor>& anchors, AuditVerification& v) {
  core::Result<Statement> stmt =
      db.Prepare("SELECT entry_id, hash, at, reason FROM audit_checkpoints ORDER BY entry_id");
  if (!stmt.ok()) return stmt.error();
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return core::Status::Ok();
    const Statement& s = stmt.value();
    anchors.push_back(
        {{s.Int(0), std::string(s.Text(1))},
         "the checkpoint \"" + std::string(s.Text(3)) + "\" (" + std::string(s.Text(2)) + ")"});
    ++v.checkpoints;
  }
}

void ReadHeads(const std::string& path, std::vector<Anchor>& anchors, AuditVerification& v) {
  core::Result<std::vector<RecordedHead>> heads = ReadHeadFile(path);
  if (!heads.ok()) {
    Fail(v, 0, heads.error().reason, heads.error().params, heads.error().message);
    return;
  }
  for (const RecordedHead& recorded : heads.value()) {
    anchors.push_back({recorded.head, "the head file " + path + " at line " +
                                          std::to_string(recorded.line) + " (" + recorded.at +
                                          ")"});
    if (!v.newest_recorded || v.newest_recorded->id < recorded.head.id) {
      v.newest_recorded = recorded.head;
    }
  }
  v.recorded_heads = static_cast<std::int64_t>(heads.value().size());
}

// Steps through audit_changes in (entry_id, seq) order beside the entries, a page of kPageRows
// at a time by its key (paged_read.h: a PostgreSQL result arrives whole, and a country's 15.6
// million records were 4.2 GiB of it).
class ChangeCursor {
 public:
  explicit ChangeCursor(Statement stmt) : stmt_(std::move(stmt)) {}

  core::Status Advance() {
    for (;;) {
      if (!running_) {
        stmt_.BindInt(1, last_entry_).BindInt(2, last_seq_).BindInt(3, kPageRows);
        running_ = true;
        read_ = 0;
      }
      core::Result<bool> row = stmt_.Step();
      if (!row.ok()) return row.error();
      if (row.value()) {
        ++read_;
        last_entry_ = entry();
        last_seq_ = seq();
        return core::Status::Ok();
      }
      stmt_.Reset();
      running_ = false;
      if (read_ < kPageRows) {
        done_ = true;
        return core::Status::Ok();
      }
    }
  }
  bool done() const { return done_; }
  std::int64_t entry() const { return stmt_.Int(0); }
  std::int64_t seq() const { return stmt_.Int(1); }
  std::string_view entity() const { return stmt_.Text(2); }
  std::optional<std::string_view> before() const {
    return stmt_.IsNull(3) ? std::nullopt : std::optional(stmt_.Text(3));
  }
  std::optional<std::string_view> after() const {
    return stmt_.IsNull(4) ? std::nullopt : std::optional(stmt_.Text(4));
  }

 private:
  Statement stmt_;
  bool running_ = false;
  int read_ = 0;
  std::int64_t last_entry_ = 0;  // ids and seqs start at 1
  std::int64_t last_seq_ = 0;
  bool done_ = false;
};

// Checks the change records of `entry` (whose count and digest the chain already vouched
// for), consuming them from `cursor`. False (and `v` failed) when they do not match.
core::Result<bool> CheckChanges(const AuditEntry& entry, ChangeCursor& cursor,
                                AuditVerification& v) {
  const auto fail = [&](const std::string& why) {
    Fail(v, entry.id, "audit_changes_altered", {{"entry", std::to_string(entry.id)}},
         "the change records of audit entry " + std::to_string(entry.id) + " " + why);
    return false;
  };
  if (!cursor.done() && cursor.entry() < entry.id) {
    return fail("are preceded by records of entry " + std::to_string(cursor.entry()) +
                ", which records none");
  }
  ChangeDigest digest;
  std::int64_t seen = 0;
  while (!cursor.done() && cursor.entry() == entry.id) {
    ++seen;
    if (!entry.change_count || cursor.seq() != seen) {
      return fail(entry.change_count
                      ? "are not numbered 1, 2, ... (record " + std::to_string(cursor.seq()) + ")"
                      : "exist, but the entry records none");
    }
    digest.Add(seen, cursor.entity(), cursor.before(), cursor.after());
    if (core::Status s = cursor.Advance(); !s.ok()) return s.error();
  }
  v.changes += seen;
  if (!entry.change_count) return true;
  if (seen != *entry.change_count) {
    return fail("number " + std::to_string(seen) + ", the entry says " +
                std::to_string(*entry.change_count));
  }
  if (digest.Finish() != entry.change_digest) return fail("do not match the entry's digest");
  return true;
}

AuditEntry ReadEntry(const Statement& s) {
  AuditEntry entry;
  entry.id = s.Int(0);
  entry.at = s.Text(1);
  entry.actor = s.Text(2);
  entry.origin = s.Text(3);
  entry.action = s.Text(4);
  entry.entity = s.Text(5);
  if (!s.IsNull(6)) entry.before_json = std::string(s.Text(6));
  if (!s.IsNull(7)) entry.after_json = std::string(s.Text(7));
  if (!s.IsNull(10)) entry.change_count = s.Int(10);
  if (!s.IsNull(11)) entry.change_digest = std::string(s.Text(11));
  return entry;
}

// Checks the anchors from `next` on that name entries up to `entry` (one of the chain, as it is
// stored) and answers the first anchor past it: each must name an entry by its stored hash.
std::size_t CheckAnchors(const std::vector<Anchor>& anchors, std::size_t next,
                         const ChainHead& entry, AuditVerification& v) {
  for (; next < anchors.size() && anchors[next].head.id <= entry.id; ++next) {
    const Anchor& anchor = anchors[next];
    if (anchor.head == entry) continue;
    Fail(v, anchor.head.id, "audit_head_not_in_chain", {{"entry", std::to_string(anchor.head.id)}},
         "audit log entry " + std::to_string(anchor.head.id) + " is not as " + anchor.source +
             " recorded it: the chain was rewritten from there");
  }
  return next;
}

// Walks the chain and the change records, and checks each anchor against the entry it names
// (`anchors` sorted by id). Sets v.entries and v.head.
core::Status WalkChain(Database& db, const std::vector<Anchor>& anchors, AuditVerification& v) {
  core::Result<Statement> rows = db.Prepare(
      "SELECT id, at, actor, origin, action, entity, before_json, after_json, prev_hash, hash,"
      " change_count, change_digest FROM audit_log ORDER BY id");
  if (!rows.ok()) return rows.error();
  core::Result<Statement> changes = db.Prepare(
      "SELECT entry_id, seq, entity, before_json, after_json FROM audit_changes"
      " WHERE (entry_id, seq) > (?, ?) ORDER BY entry_id, seq LIMIT ?");
  if (!changes.ok()) return changes.error();
  ChangeCursor cursor(std::move(changes).value());
  if (core::Status s = cursor.Advance(); !s.ok()) return s;
  Statement& stmt = rows.value();
  std::string prev(kGenesisHash);
  std::size_t next_anchor = 0;
  for (;;) {
    core::Result<bool> row = stmt.Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const AuditEntry entry = ReadEntry(stmt);
    const std::string_view hash = stmt.Text(9);
    if (stmt.Text(8) != prev || hash != AuditHash(prev, entry)) {
      Fail(v, entry.id, "audit_entry_altered", {{"entry", std::to_string(entry.id)}},
           "audit log entry " + std::to_string(entry.id) +
               " does not match its hash chain (edited, removed or reordered)");
    }
    if (v.ok) {
      core::Result<bool> matched = CheckChanges(entry, cursor, v);
      if (!matched.ok()) return matched.error();
    }
    next_anchor = CheckAnchors(anchors, next_anchor, {entry.id, std::string(hash)}, v);
    prev = std::string(hash);
    v.head = {entry.id, prev};
    ++v.entries;
  }
  if (v.ok && !cursor.done()) {
    Fail(v, cursor.entry(), "audit_changes_altered", {{"entry", std::to_string(cursor.entry())}},
         "change records name audit entry " + std::to_string(cursor.entry()) +
             ", which is not in the log or records none");
  }
  if (next_anchor < anchors.size()) {
    const Anchor& anchor = anchors.back();
    Fail(v, anchor.head.id, "audit_entries_removed",
         {{"entry", std::to_string(anchor.head.id)}, {"last", std::to_string(v.head.id)}},
         "entries were removed from the end of the audit log: " + anchor.source + " names entry " +
             std::to_string(anchor.head.id) + ", but the log ends at entry " +
             std::to_string(v.head.id));
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<AuditVerification> VerifyAuditTrail(Database& db, const std::string& head_file,
                                                 const std::optional<ChainHead>& expect) {
  AuditVerification v;
  v.head = {0, std::string(kGenesisHash)};
  v.head_file = head_file;
  std::vector<Anchor> anchors;
  if (core::Status s = ReadCheckpoints(db, anchors, v); !s.ok()) return s.error();
  if (!head_file.empty()) ReadHeads(head_file, anchors, v);
  if (expect) anchors.push_back({*expect, "the expected head"});
  std::stable_sort(anchors.begin(), anchors.end(),
                   [](const Anchor& a, const Anchor& b) { return a.head.id < b.head.id; });
  if (core::Status s = WalkChain(db, anchors, v); !s.ok()) return s.error();
  if (v.ok) {
    v.message = std::to_string(v.entries) + " entries verified";
  }
  return v;
}

}  // namespace grassroots::storage
