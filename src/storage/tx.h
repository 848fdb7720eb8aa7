// A transaction as a use case holds it (issue 11). The storage of a subject is a small class
// constructed over it (`RectificationRecords plans(tx);`), so that a use case of several steps —
// read, decide in core, write, audit — holds one snapshot or one write transaction instead of
// needing a Store method for each combination. Made by Store::Read and Store::Write (store.h);
// the SQL behind every subject is shared by the backends.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "core/error.h"
#include "storage/database.h"
#include "storage/store.h"

namespace grassroots::storage {

class Tx {
 public:
  // `writer` is null for a read snapshot.
  Tx(Database& db, const Actor* writer) : db_(&db), writer_(writer) {}

  Database& db() const { return *db_; }
  // Whether this is Write's transaction; a subject refuses to write through Read's snapshot.
  bool writable() const { return writer_ != nullptr; }
  // kInternal unless writable(): a use case's mistake, not a client's.
  core::Status RequireWritable() const;
  // Who the audit entries name. Only in a write transaction.
  const Actor& actor() const { return *writer_; }

  // Appends an audit entry of the actor inside this transaction: its hash chained by the
  // backend-neutral audit_chain.h, so both backends write identical chains.
  core::Status Audit(std::string action, std::string entity, std::optional<std::string> before_json,
                     std::optional<std::string> after_json) const;

 private:
  Database* db_;
  const Actor* writer_;
};

// The value a subject's read answers, read under one Store::Read snapshot:
// `ReadValue(store, [&](Tx& tx) { return OrganizationRecords(tx).Find(code); })`. `fn` answers
// a core::Result; its error, or the snapshot's, is the answer's.
template <typename Fn>
auto ReadValue(Store& store, Fn&& fn) -> std::invoke_result_t<Fn&, Tx&> {
  std::optional<std::invoke_result_t<Fn&, Tx&>> answer;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    answer.emplace(fn(tx));
    return answer->ok() ? core::Status::Ok() : core::Status(answer->error());
  });
  if (!status.ok()) return status.error();
  return std::move(*answer);
}

// The same for a write: `fn` runs in one Store::Write transaction, committed when it answers a
// value and rolled back on its error.
template <typename Fn>
auto WriteValue(Store& store, const Actor& actor, Fn&& fn) -> std::invoke_result_t<Fn&, Tx&> {
  std::optional<std::invoke_result_t<Fn&, Tx&>> answer;
  core::Status status = store.Write(actor, [&](Tx& tx) -> core::Status {
    answer.emplace(fn(tx));
    return answer->ok() ? core::Status::Ok() : core::Status(answer->error());
  });
  if (!status.ok()) return status.error();
  return std::move(*answer);
}

}  // namespace grassroots::storage
