// The evidence files of rectification items (migration 013), over a transaction (tx.h). The
// bytes are kept by the backend where every server that serves them can read them: on SQLite
// under the data directory beside the database, by content hash (`<db>.evidence/ab/abcd...`,
// written through a temporary file and a rename before the transaction commits, so a row never
// names a file that is not whole; the same bytes uploaded twice are one file); on PostgreSQL in
// the row (bytea), since several servers share the database but no file system. No name a
// client gave is ever part of a path: the path is the hash's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "storage/tx.h"

namespace grassroots::storage {

// Where one kind of evidence is kept: its table, the column naming what it belongs to, and the
// audit entity's name ("evidence:ID") with the owner's key in the entry ("item").
struct EvidenceTable {
  std::string_view table, owner_column, entity, owner_key;
};
// A rectification item's evidence (migration 013).
inline constexpr EvidenceTable kItemEvidence{"rectification_evidence", "item_id", "evidence",
                                             "item"};
// A first secretary's report's photos (migration 021).
inline constexpr EvidenceTable kReportPhotos{"first_secretary_report_photos", "report_id",
                                             "report_photo", "report"};
// A spot-check finding's evidence (migration 022).
inline constexpr EvidenceTable kFindingEvidence{"spot_check_finding_evidence", "finding_id",
                                                "finding_evidence", "finding"};
// A checklist answer's evidence (migration 027).
inline constexpr EvidenceTable kChecklistEvidence{"checklist_evidence", "answer_id",
                                                  "checklist_evidence", "answer"};
inline constexpr EvidenceTable kEvidenceTables[] = {kItemEvidence, kReportPhotos, kFindingEvidence,
                                                    kChecklistEvidence};

struct EvidenceRecord {
  std::int64_t id = 0;
  std::int64_t item_id = 0;  // the owner: an item, or a report (kReportPhotos)
  std::string file_name, content_type;
  std::int64_t size = 0;
  std::string sha256;  // lower-case hex
  std::string uploaded_by, uploaded_at;
};

class EvidenceStore {
 public:
  explicit EvidenceStore(Tx& tx, const EvidenceTable& table = kItemEvidence)
      : tx_(tx), table_(table) {}

  // Stores checked bytes (core::CheckEvidenceFile) for `item_id` with an audit entry
  // "evidence:ID" naming the file, type, size and hash; answers the row.
  core::Result<EvidenceRecord> Add(std::int64_t item_id, const std::string& file_name,
                                   const std::string& content_type, std::string_view bytes);
  core::Result<std::optional<EvidenceRecord>> Get(std::int64_t id);
  core::Result<std::vector<EvidenceRecord>> OfItem(std::int64_t item_id);
  // The bytes, checked against the stored hash (kInternal when they are missing or altered).
  core::Result<std::string> Content(const EvidenceRecord& evidence);

 private:
  std::string Select() const;
  Tx& tx_;
  EvidenceTable table_;
};

// Where an SQLite database at `db_path` keeps evidence files.
std::string EvidenceDirectory(const std::string& db_path);

// For copy-db: the bytes of every evidence row (of every kEvidenceTables table) of `from` put where
// `to`'s backend keeps them (a file by hash beside an SQLite database, the row's `content` on
// PostgreSQL), the rows having been copied already. Inside `to`'s write transaction.
core::Status CopyEvidenceBytes(Database& from, Database& to);

}  // namespace grassroots::storage
