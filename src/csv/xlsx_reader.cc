#include "csv/xlsx_reader.h"

#include <optional>
#include <utility>

#include "csv/xlsx_cells.h"
#include "csv/zip_xml.h"

namespace grassroots::csv {
namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";

std::optional<int> ToInt(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// A part's path from a relationship target: relative to xl/, or absolute from the root.
std::string PartPath(std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

// xl/workbook.xml: the name and relationship id of the sheet at `index` (0: the first), and the
// date system.
class WorkbookHandler : public XmlHandler {
 public:
  explicit WorkbookHandler(int index) : skip_(index) {}
  std::string sheet_name, sheet_id;
  bool date1904 = false;

  void Start(std::string_view name, const char** attributes) override {
    if (name == "sheet" && sheet_id.empty() && skip_-- == 0) {
      sheet_name = AttributeOf(attributes, "name");
      sheet_id = AttributeOf(attributes, "id");
    } else if (name == "workbookPr") {
      const std::string_view flag = AttributeOf(attributes, "date1904");
      date1904 = flag == "1" || flag == "true";
    }
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}

 private:
  int skip_;
};

// xl/_rels/workbook.xml.rels: the target of one relationship, and of the shared strings and
// styles parts.
class RelationshipsHandler : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::string wanted) : wanted_(std::move(wanted)) {}
  std::string sheet, shared_strings, styles;

  void Start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const std::string_view type = AttributeOf(attributes, "Type");
    const std::string target = PartPath(AttributeOf(attributes, "Target"));
    if (AttributeOf(attributes, "Id") == wanted_) sheet = target;
    if (type.ends_with("/sharedStrings")) shared_strings = target;
    if (type.ends_with("/styles")) styles = target;
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}

 private:
  std::string wanted_;
};

// xl/sharedStrings.xml: each <si>'s text, its rich-text runs joined, phonetic runs left out.
class SharedStringsHandler : public XmlHandler {
 public:
  std::vector<std::string> strings;

  void Start(std::string_view name, const char**) override {
    if (name == "si") strings.emplace_back();
    if (name == "rPh") in_phonetic_ = true;
    if (name == "t") in_text_ = !in_phonetic_ && !strings.empty();
  }
  void End(std::string_view name) override {
    if (name == "rPh") in_phonetic_ = false;
    if (name == "t") in_text_ = false;
  }
  void Text(std::string_view text) override {
    if (in_text_) strings.back().append(text);
  }

 private:
  bool in_text_ = false;
  bool in_phonetic_ = false;
};

// xl/styles.xml: for each cell format (<cellXfs><xf>), whether it shows a date.
class StylesHandler : public XmlHandler {
 public:
  std::vector<bool> is_date;

  void Start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      if (auto id = ToInt(AttributeOf(attributes, "numFmtId"))) {
        custom_.emplace_back(*id, std::string(AttributeOf(attributes, "formatCode")));
      }
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {
      const int id = ToInt(AttributeOf(attributes, "numFmtId")).value_or(0);
      std::string_view code;
      for (const auto& [custom_id, custom_code] : custom_) {
        if (custom_id == id) code = custom_code;
      }
      is_date.push_back(IsDateFormat(id, code));
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_formats_ = false;
  }
  void Text(std::string_view) override {}

 private:
  std::vector<std::pair<int, std::string>> custom_;  // numFmts precede cellXfs in the part
  bool in_cell_formats_ = false;
};

// The worksheet: rows of cells, each turned into text as it ends.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& strings, const std::vector<bool>& is_date,
               bool date1904, const std::function<void(const SheetRow&)>& row)
      : strings_(strings), is_date_(is_date), date1904_(date1904), emit_(row) {}

  void Start(std::string_view name, const char** attributes) override {
    if (name == "row") {
      row_.number = ToInt(AttributeOf(attributes, "r")).value_or(row_.number + 1);
      row_.cells.clear();
    } else if (name == "c") {
      const std::optional<int> column = ColumnOfReference(AttributeOf(attributes, "r"));
      column_ = column ? *column : static_cast<int>(row_.cells.size());
      type_ = AttributeOf(attributes, "t");
      style_ = ToInt(AttributeOf(attributes, "s")).value_or(0);
      value_.clear();
      inline_.clear();
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t" && in_inline_ && !in_phonetic_) {
      in_inline_text_ = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "v") {
      in_value_ = false;
    } else if (name == "t") {
      in_inline_text_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c") {
      SetCell(CellText());
    } else if (name == "row") {
      if (!row_.cells.empty()) emit_(row_);
    }
  }

  void Text(std::string_view text) override {
    if (in_value_) value_.append(text);
    if (in_inline_text_) inline_.append(text);
  }

 private:
  std::string CellText() const {
    if (type_ == "s") {
      const std::optional<int> index = ToInt(value_);
      return index && static_cast<std::size_t>(*index) < strings_.size() ? strings_[*index] : "";
    }
    if (type_ == "inlineStr") return inline_;
    if (type_ == "str" || type_ == "e") return value_;
    if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    if (type_ == "d") return value_.size() >= 10 ? value_.substr(0, 10) : value_;
    const std::optional<double> number = ParseNumber(value_);
    if (!number) return value_;
    const bool date = static_cast<std::size_t>(style_) < is_date_.size() &&
                      is_date_[static_cast<std::size_t>(style_)];
    if (date) {
      if (auto day = DateOfSerial(*number, date1904_)) return *day;
    }
    return ShortestDecimal(*number);
  }

  void SetCell(std::string text) {
    if (column_ < 0) return;
    const auto column = static_cast<std::size_t>(column_);
    if (text.empty() && column >= row_.cells.size()) return;
    if (column >= row_.cells.size()) row_.cells.resize(column + 1);
    row_.cells[column] = std::move(text);
  }

  const std::vector<std::string>& strings_;
  const std::vector<bool>& is_date_;
  bool date1904_;
  const std::function<void(const SheetRow&)>& emit_;
  SheetRow row_;
  int column_ = 0;
  std::string type_, value_, inline_;
  int style_ = 0;
  bool in_value_ = false, in_inline_ = false, in_inline_text_ = false, in_phonetic_ = false;
};

core::Error NotAWorkbook(const std::string& why) {
  return core::Error::Invalid("not a readable .xlsx workbook: " + why, "file")
      .With("xlsx_unreadable", {{"part", ""}});
}

}  // namespace

bool LooksLikeXlsx(std::string_view bytes) { return bytes.starts_with(kZipMagic); }

core::Result<std::string> ReadFirstSheet(std::string_view bytes,
                                         const std::function<void(const SheetRow&)>& row,
                                         std::uint64_t max_unpacked) {
  return ReadSheet(bytes, 0, row, max_unpacked);
}

core::Result<std::string> ReadSheet(std::string_view bytes, int index,
                                    const std::function<void(const SheetRow&)>& row,
                                    std::uint64_t max_unpacked) {
  auto opened = ZipArchive::Open(bytes, max_unpacked);
  if (!opened.ok()) return opened.error();
  ZipArchive& archive = *opened.value();
  if (!archive.Has("xl/workbook.xml")) return NotAWorkbook("it has no xl/workbook.xml");
  WorkbookHandler workbook(index);
  if (auto status = archive.Parse("xl/workbook.xml", workbook); !status.ok()) {
    return status.error();
  }
  if (workbook.sheet_id.empty()) return NotAWorkbook("it has no sheet");
  RelationshipsHandler relationships(workbook.sheet_id);
  if (archive.Has("xl/_rels/workbook.xml.rels")) {
    if (auto status = archive.Parse("xl/_rels/workbook.xml.rels", relationships); !status.ok()) {
      return status.error();
    }
  }
  if (relationships.sheet.empty() || !archive.Has(relationships.sheet)) {
    return NotAWorkbook("the sheet \"" + workbook.sheet_name + "\" is missing");
  }
  SharedStringsHandler strings;
  if (!relationships.shared_strings.empty() && archive.Has(relationships.shared_strings)) {
    if (auto status = archive.Parse(relationships.shared_strings, strings); !status.ok()) {
      return status.error();
    }
  }
  StylesHandler styles;
  if (!relationships.styles.empty() && archive.Has(relationships.styles)) {
    if (auto status = archive.Parse(relationships.styles, styles); !status.ok()) {
      return status.error();
    }
  }
  SheetHandler sheet(strings.strings, styles.is_date, workbook.date1904, row);
  if (auto status = archive.Parse(relationships.sheet, sheet); !status.ok()) return status.error();
  return workbook.sheet_name;
}

}  // namespace grassroots::csv
