// `grassroots ledger --year Y [--unit U] --format xlsx|csv --out FILE`: a year's rectification
// ledger (台账, issue 12) written as a workbook or a CSV file, the whole county's (the console
// acts for the department) or one assessing unit's, as GET /exports/ledger/{year} writes it.
// On failure the file is removed: nothing half-written is left. stderr names what was written
// and the audit head it was read at.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/audit_trail.h"
#include "app/ledger_service.h"
#include "cli/commands.h"
#include "export/csv_table.h"
#include "export/xlsx_table.h"

namespace grassroots::cli {
namespace {

struct LedgerOptions {
  int year = 0;
  std::string unit;
  std::string format;
  std::string out;
};

// Counts the rows handed on to another writer.
class CountingWriter : public exporting::TableWriter {
 public:
  explicit CountingWriter(exporting::TableWriter& out) : out_(out) {}
  core::Status Begin(std::span<const exporting::TableColumn> columns) override {
    return out_.Begin(columns);
  }
  core::Status Row(std::span<const exporting::Cell> cells) override {
    ++rows_;
    return out_.Row(cells);
  }
  core::Status Finish() override { return out_.Finish(); }
  std::int64_t rows() const { return rows_; }

 private:
  exporting::TableWriter& out_;
  std::int64_t rows_ = 0;
};

core::Status WriteFile(storage::Store& store, const LedgerOptions& options, const std::string& head,
                       std::int64_t& rows) {
  app::LedgerQuery query;
  query.year = options.year;
  query.org.unit = options.unit;
  const core::UnixSeconds now = core::DefaultClock().Now();
  if (options.format == "xlsx") {
    std::error_code ec;
    const std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
    exporting::XlsxTable table(options.out, app::LedgerTitle(options.year),
                               ec ? std::string() : temp.string());
    table.SetPrintFooter("审计链头 " + head);
    CountingWriter counted(table);
    core::Status status = app::ExportLedger(store, query, now, counted);
    rows = counted.rows();
    return status;
  }
  std::FILE* file = std::fopen(options.out.c_str(), "wb");
  if (file == nullptr) {
    return core::Error::Unavailable("cannot write " + options.out, "--out");
  }
  exporting::CsvTable table(file);
  CountingWriter counted(table);
  core::Status status = app::ExportLedger(store, query, now, counted);
  rows = counted.rows();
  if (std::fclose(file) != 0 && status.ok()) {
    status = core::Error::Unavailable("cannot write " + options.out, "--out");
  }
  return status;
}

int RunLedger(const GlobalOptions& global, const LedgerOptions& options) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto head = app::AuditHead(*store.value());
  if (!head.ok()) return ReportError(head.error());
  const std::string head_text = storage::FormatAuditHead(head.value());
  std::int64_t rows = 0;
  if (core::Status status = WriteFile(*store.value(), options, head_text, rows); !status.ok()) {
    std::error_code ignored;
    std::filesystem::remove(options.out, ignored);
    return ReportError(status.error());
  }
  std::cerr << options.out << ": " << app::LedgerTitle(options.year) << ", " << rows
            << " items; audit head " << head_text << "\n";
  return kExitOk;
}

}  // namespace

Command AddLedgerCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "ledger",
      "Write a year's rectification ledger (every item, its state and overdue days) "
      "as .xlsx or CSV");
  auto options = std::make_shared<LedgerOptions>();
  app->add_option("--year", options->year, "The year of the plans (the selection's year)")
      ->required()
      ->check(CLI::Range(1900, 2200));
  app->add_option("--unit", options->unit, "Only this assessing unit's organizations");
  app->add_option("--format", options->format, "xlsx or csv")
      ->required()
      ->check(CLI::IsMember({"xlsx", "csv"}));
  app->add_option("--out", options->out, "The file to write")->required();
  return {app, [&global, options] { return RunLedger(global, *options); }};
}

}  // namespace grassroots::cli
