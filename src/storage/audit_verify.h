// `audit verify`: everything that can show the audit trail was tampered with.
//  1. The hash chain (audit_chain.h): each entry's hash and its link to the one before. An entry
//     edited, removed from the middle or moved breaks it.
//  2. The change records of bulk writes (audit_changes.h): their count and digest, which the
//     entry's hash covers. A record edited, removed or added breaks it.
//  3. The anchors of the chain's end, which catch entries cut from the end (nothing after them
//     is left to break): the checkpoints the database keeps (every 1,000th entry and every
//     assessment run), the heads of the head file beside the database (audit_heads.h, one per
//     commit), and a head someone wrote down (`--expect ID:HASH`). Each must still be in the
//     chain with the same hash: one past the last entry means entries were removed; one with
//     another hash means the chain was rewritten from there.
#pragma once

#include <optional>

#include "core/error.h"
#include "storage/database.h"
#include "storage/store.h"

namespace grassroots::storage {

// Checks all of the above, reading the head file at `head_file` (empty: none). A trail that
// does not verify is an answer with ok = false naming the first problem; an error only when the
// database cannot be read.
core::Result<AuditVerification> VerifyAuditTrail(Database& db, const std::string& head_file,
                                                 const std::optional<ChainHead>& expect);

}  // namespace grassroots::storage
