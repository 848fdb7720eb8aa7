#include "demo/csv_sink.h"

#include <system_error>

#include "demo/csv_file.h"

namespace grassroots::demo {
namespace {

void Header(CsvFile& file, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) file.Field(name);
  file.EndRow();
}

}  // namespace

core::Result<std::unique_ptr<CsvSink>> CsvSink::Open(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return core::Error::Unavailable("cannot create " + dir.string() + ": " + error.message(),
                                    dir.string());
  }
  auto orgs = CsvFile::Create(dir / "orgs.csv");
  if (!orgs.ok()) return orgs.error();
  auto members = CsvFile::Create(dir / "members.csv");
  if (!members.ok()) return members.error();
  auto scores = CsvFile::Create(dir / "scores.csv");
  if (!scores.ok()) return scores.error();
  Header(*orgs.value(), {"code", "name", "type", "kind", "parent", "secretary", "unit"});
  Header(*members.value(), {"id", "name", "org", "status", "joined"});
  Header(*scores.value(), {"code", "year", "team", "leader", "venue", "routine", "service",
                           "members", "grade", "reason"});
  return std::unique_ptr<CsvSink>(
      new CsvSink(std::move(orgs).value(), std::move(members).value(), std::move(scores).value()));
}

CsvSink::CsvSink(std::unique_ptr<CsvFile> orgs, std::unique_ptr<CsvFile> members,
                 std::unique_ptr<CsvFile> scores)
    : orgs_(std::move(orgs)), members_(std::move(members)), scores_(std::move(scores)) {}

CsvSink::~CsvSink() = default;

void CsvSink::OnOrganization(const core::Organization& org) {
  orgs_->Field(org.code);
  orgs_->Field(org.name);
  orgs_->Field(core::ToString(org.type));
  orgs_->Field(core::ToString(org.kind));
  orgs_->Field(org.parent);
  orgs_->Field(org.secretary);
  orgs_->Field(org.unit);
  orgs_->EndRow();
}

void CsvSink::OnMember(const core::Member& member) {
  members_->Field(member.id);
  members_->Field(member.name);
  members_->Field(member.org);
  members_->Field(core::ToString(member.status));
  members_->Field(member.joined);
  members_->EndRow();
}

void CsvSink::OnScore(const core::ScoreRecord& score) {
  scores_->Field(score.code);
  scores_->Field(static_cast<long long>(score.year));
  for (double value : score.dimensions) scores_->Field(value);
  scores_->Field(score.committee_grade ? core::ToString(*score.committee_grade)
                                       : std::string_view());
  scores_->Field(score.reason);
  scores_->EndRow();
}

core::Status CsvSink::Finish() {
  // Close all three whatever happens, and report the first failure.
  core::Status statuses[] = {orgs_->Close(), members_->Close(), scores_->Close()};
  for (const core::Status& status : statuses) {
    if (!status.ok()) return status;
  }
  return core::Status::Ok();
}

}  // namespace grassroots::demo
