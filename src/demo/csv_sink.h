// Writes the demo data as the three CSV files `grassroots import` reads (SPEC.md §7).
#pragma once

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "demo/demo_data.h"

namespace grassroots::demo {

class CsvFile;

// orgs.csv (code,name,type,kind,parent,secretary,unit), members.csv (id,name,org,status,joined)
// and scores.csv (code,year,team,leader,venue,routine,service,members,grade,reason), UTF-8
// without a BOM, fields quoted as RFC 4180 where needed. Writes are buffered; the country scale
// (about 300 MB of organizations) writes at disk speed. Not thread-safe.
class CsvSink : public DemoSink {
 public:
  // Creates `dir` if needed and the three files in it (replacing any), with their header rows.
  // kUnavailable, naming the file, when one cannot be created.
  static core::Result<std::unique_ptr<CsvSink>> Open(const std::filesystem::path& dir);
  ~CsvSink() override;

  void OnOrganization(const core::Organization& org) override;
  void OnMember(const core::Member& member) override;
  void OnScore(const core::ScoreRecord& score) override;

  // Flushes and closes the files. Returns the first write error (kUnavailable, naming its
  // file), since the On* calls cannot. Call it once, after GenerateDemo.
  core::Status Finish();

 private:
  CsvSink(std::unique_ptr<CsvFile> orgs, std::unique_ptr<CsvFile> members,
          std::unique_ptr<CsvFile> scores);

  std::unique_ptr<CsvFile> orgs_;
  std::unique_ptr<CsvFile> members_;
  std::unique_ptr<CsvFile> scores_;
};

}  // namespace grassroots::demo
