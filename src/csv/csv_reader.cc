#include "csv/csv_reader.h"

#include "csv/record_reader.h"

namespace grassroots::csv {

Table ParseCsv(std::string_view content) {
  Table table;
  RecordReader reader(content, table.errors);
  table.header = reader.header();
  table.records.reserve(EstimateRecords(content));
  while (reader.Next()) {
    const auto& fields = reader.fields();
    table.records.push_back({reader.line(), {fields.begin(), fields.end()}});
  }
  return table;
}

}  // namespace grassroots::csv
