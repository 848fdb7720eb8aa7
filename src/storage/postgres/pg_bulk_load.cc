#include "storage/postgres/pg_bulk_load.h"

#include <algorithm>
#include <string>
#include <vector>

namespace grassroots::storage::pg {
namespace {

constexpr std::size_t kPieceBytes = 1 << 20;

class PgBulkLoad final : public BulkLoadImpl {
 public:
  PgBulkLoad(Connection& conn, std::string_view table, std::string_view columns)
      : conn_(conn),
        copy_sql_("COPY " + std::string(table) + " (" + std::string(columns) + ") FROM STDIN"),
        values_(static_cast<std::size_t>(std::count(columns.begin(), columns.end(), ',') + 1)),
        null_(values_.size(), true) {
    buffer_.reserve(kPieceBytes + 4096);
  }
  ~PgBulkLoad() override {
    if (copying_) conn_.CopyAbort();
  }

  void BindText(int index, std::string_view value) override {
    if (At(index)) Set(index, value);
  }
  void BindInt(int index, std::int64_t value) override {
    if (At(index)) Set(index, std::to_string(value));
  }
  void BindDouble(int index, double value) override {
    if (At(index)) Set(index, DecimalText(value));
  }
  void BindNull(int index) override {
    if (At(index)) null_[static_cast<std::size_t>(index - 1)] = true;
  }
  // bytea's text form, \x and two hex digits a byte (its backslash escaped by AppendCopyText).
  void BindBlob(int index, std::string_view bytes) override {
    static constexpr char kHex[] = "0123456789abcdef";
    if (!At(index)) return;
    std::string text = "\\x";
    text.reserve(2 + 2 * bytes.size());
    for (unsigned char c : bytes) {
      text += kHex[c >> 4];
      text += kHex[c & 15];
    }
    Set(index, text);
  }

  // Adds the bound row: a statement that returns no rows.
  core::Result<bool> Step() override {
    if (!error_.empty()) return core::Error::Internal(error_);
    if (finished_) return core::Error::Internal("adding a row to a finished " + copy_sql_);
    for (std::size_t c = 0; c < values_.size(); ++c) {
      if (c > 0) buffer_ += '\t';
      if (null_[c]) {
        buffer_ += "\\N";
      } else {
        AppendCopyText(buffer_, values_[c]);
      }
    }
    buffer_ += '\n';
    if (buffer_.size() >= kPieceBytes) {
      if (core::Status sent = Send(); !sent.ok()) return sent.error();
    }
    return false;
  }
  void Reset() override {}

  core::Status Finish() override {
    if (!error_.empty()) return core::Error::Internal(error_);
    if (finished_) return core::Status::Ok();
    finished_ = true;
    if (buffer_.empty() && !copying_) return core::Status::Ok();  // no row: no COPY
    if (core::Status sent = Send(); !sent.ok()) return sent;
    copying_ = false;
    return conn_.CopyEnd();
  }

  bool IsNull(int) const override { return true; }
  std::int64_t Int(int) const override { return 0; }
  double Double(int) const override { return 0; }
  std::string_view Text(int) const override { return {}; }
  std::string Blob(int) const override { return {}; }

 private:
  bool At(int index) {
    if (index >= 1 && index <= static_cast<int>(values_.size())) return true;
    if (error_.empty()) {
      error_ = "binding column " + std::to_string(index) + " of " + copy_sql_ + ": out of range";
    }
    return false;
  }
  void Set(int index, std::string_view value) {
    const auto at = static_cast<std::size_t>(index - 1);
    values_[at].assign(value);
    null_[at] = false;
  }
  core::Status Send() {
    if (!copying_) {
      if (core::Status begun = conn_.CopyBegin(copy_sql_); !begun.ok()) return begun;
      copying_ = true;
    }
    core::Status sent = conn_.CopyPut(buffer_);
    buffer_.clear();
    return sent;
  }

  Connection& conn_;
  std::string copy_sql_;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::string buffer_;
  std::string error_;
  bool copying_ = false;  // COPY begun and not ended
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<BulkLoadImpl> NewBulkLoad(Connection& conn, std::string_view table,
                                          std::string_view columns) {
  return std::make_unique<PgBulkLoad>(conn, table, columns);
}

}  // namespace grassroots::storage::pg
