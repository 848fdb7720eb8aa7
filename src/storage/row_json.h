// An organization, member or score as JSON in the audit trail, in two forms: the object a reader
// is given ({"code":"V01","year":2016,"team":58,...}) and the compact array a change record of a
// bulk write stores ([1,"V01",2016,58,...]: the shape's number, then the values in its keys'
// order). A country's import writes ten million change records, and the keys were more than half
// of each one's bytes: dropping them took 28% off what `import scores` writes
// (docs/performance.md, "Imports: change records without their keys").
//
// The digest of the change records (audit_changes.h) covers the text as stored, so a record
// written compact verifies as such, one written as an object before (or by a writer that does not
// compact) as that, on either backend and after `copy-db`. Readers of the records
// (AuditLog::Changes, ChangesOf) are given the object: ExpandedRowJson.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace grassroots::storage {

// The keys of a shape, in order. Stored records are read with them: a shape never changes once
// records were written with it. A row that gains, loses or renames a field gets a new number,
// and the old one stays to read the records written before.
enum class RowShape : int { kScore = 1, kOrganization = 2, kMember = 3 };

enum class RowForm { kObject, kCompact };

// The keys of a shape's number, or none for a number that is no shape.
std::span<const std::string_view> RowShapeKeys(int shape);

// Writes one row: a value for each of its shape's keys, in order.
class RowJson {
 public:
  RowJson(RowShape shape, RowForm form, std::size_t reserve);

  RowJson& Text(std::string_view value);        // a JSON string
  RowJson& TextOrNull(std::string_view value);  // null when empty
  RowJson& Number(double value);                // as AppendJsonNumber writes it
  RowJson& Integer(std::int64_t value);
  RowJson& Null();
  // The row; every key must have had its value.
  std::string Finish();

 private:
  // Starts the next key's value.
  void Next();

  std::span<const std::string_view> keys_;
  std::size_t next_ = 0;
  RowForm form_;
  std::string json_;
};

// A change record's before or after as readers are given it: a compact row as the object of its
// shape's keys, byte for byte what RowForm::kObject writes for the same row; anything else (an
// object, any text that is not a whole compact row of a known shape) as stored.
std::string ExpandedRowJson(std::string_view stored);

}  // namespace grassroots::storage
