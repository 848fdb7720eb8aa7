// First secretaries' monthly reports (第一书记, issue 14) as use cases for the HTTP API, the demo
// and the weekly reminder: the reports a village's postings owe with where each stands, a first
// secretary's own, the late and missing ones of a month, the on-time rate per first secretary,
// and filing a report and its photos. Who owes what is core/first_secretary_reports.h's rule
// over five-level support's first_secretary holders; nothing here keeps a second list of them.
// The caller has checked the scope (the organizations `scope` admits, or a village it may read).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/first_secretary_reports.h"
#include "core/periods.h"
#include "storage/evidence_store.h"
#include "storage/first_secretary_records.h"
#include "storage/store.h"

namespace grassroots::app {

// One report owed by the holder of a village's posting, and where it stands at the time asked.
struct OwedReportView {
  std::string org_code, org_name;
  std::string person, user_name;  // the holder on its due day
  core::YearMonth month;
  core::ReportKind kind = core::ReportKind::kWorkPlan;
  core::CivilDate due;
  core::ReportStatus status = core::ReportStatus::kPending;
  std::optional<storage::ReportRow> report;  // when filed
};

// A first secretary's reports of a year, counted (by account, or by name when they have none).
struct OnTimeRate {
  std::string person, user_name;
  int villages = 0;
  int on_time = 0, late = 0, missing = 0, pending = 0;
  std::optional<int> percent;  // core::OnTimePercent
};

// Every report owed in `year` in the villages `scope` admits, at `now`: by village, month, kind.
core::Result<std::vector<OwedReportView>> OwedReportsIn(storage::Store& store, int year,
                                                        const storage::OrgFilter& scope,
                                                        core::UnixSeconds now);
// One village's.
core::Result<std::vector<OwedReportView>> VillageReports(storage::Store& store,
                                                         const std::string& code, int year,
                                                         core::UnixSeconds now);
// The reports `user_name`'s postings owe this year (the county's year at `now`).
core::Result<std::vector<OwedReportView>> MyReports(storage::Store& store,
                                                    const std::string& user_name,
                                                    core::UnixSeconds now);
// The late and missing reports of `month` in `scope`, at `now`.
core::Result<std::vector<OwedReportView>> OverdueReports(storage::Store& store,
                                                         const storage::OrgFilter& scope,
                                                         core::YearMonth month,
                                                         core::UnixSeconds now);
// Per first secretary holding a posting in `scope` in `year`: counts and the on-time rate, by
// person then account.
core::Result<std::vector<OnTimeRate>> OnTimeRates(storage::Store& store,
                                                  const storage::OrgFilter& scope, int year,
                                                  core::UnixSeconds now);

// For the weekly reminder: the reports of `scope`'s villages due on a day of `due` and still
// not in at `now` (status missing), by village, month, kind.
core::Result<std::vector<OwedReportView>> MissingFirstSecretaryReports(
    storage::Store& store, const storage::OrgFilter& scope, const core::DayRange& due,
    core::UnixSeconds now);

struct ReportInput {
  core::ReportKind kind = core::ReportKind::kWorkPlan;
  core::YearMonth month;
  std::string text;
};

// Files `who`'s report for village `code`: only a first secretary (403 fs_report_not_permitted
// otherwise), holding the posting the report is owed by (core::CheckReportMonth: kInvalid
// "month" not_posted_for_month or month_not_started), text checked (core::CheckReportText),
// once (409 fs_report_already_filed {report}). Submitted at `now`; answers the row.
core::Result<storage::ReportRow> SubmitReport(storage::Store& store, const std::string& code,
                                              const core::Principal& who, const ReportInput& input,
                                              core::UnixSeconds now, const storage::Actor& actor);

// For the demo: files `reports` (each owed, as OwedReportsIn answers them, with its holder and
// submitted_at set), text checked, in one transaction: all or nothing. `photo`, when not empty
// (an image, core::CheckEvidenceFile), is attached to each village's first report.
core::Status RecordReports(storage::Store& store, const std::vector<storage::ReportRow>& reports,
                           std::string_view photo, const storage::Actor& actor);

// A report by id, or nullopt.
core::Result<std::optional<storage::ReportRow>> ReportOf(storage::Store& store, std::int64_t id);

// Attaches a photo (core::CheckEvidenceFile, and an image: 422 "file" report_photo_not_image) to
// `report`, by the first secretary who filed it (403 fs_report_not_permitted otherwise).
core::Result<storage::EvidenceRecord> AddReportPhoto(
    storage::Store& store, const core::Principal& who, const storage::ReportRow& report,
    const std::string& file_name, std::string_view bytes, const storage::Actor& actor);
// A report's photos.
core::Result<std::vector<storage::EvidenceRecord>> ReportPhotos(storage::Store& store,
                                                                std::int64_t report_id);

struct ReportPhoto {
  storage::EvidenceRecord photo;
  std::string org_code;  // the report's village, for the caller's scope check
  std::string bytes;
};
core::Result<std::optional<ReportPhoto>> ReportPhotoOf(storage::Store& store, std::int64_t id);

}  // namespace grassroots::app
