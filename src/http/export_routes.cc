// /exports: every list a user sees, whole, as .xlsx or CSV (app/list_export.h). Each export
// takes its list's filters and scope exactly as the list route does (list_filters.h,
// ApplyScope) and answers 404/403/422 as the list would. The file is written to a temporary
// file under the request's snapshot, unlinked at once, and streamed from there, so neither the
// list nor the file is held in memory; the file name is Chinese (RFC 6266 with an RFC 5987
// filename*, and an ASCII fallback). The audit head read with the list is the X-Audit-Head
// header and, in a workbook, the printed footer of every page.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/audit_trail.h"
#include "app/ledger_service.h"
#include "app/list_export.h"
#include "app/party_life_service.h"
#include "app/standards_service.h"
#include "app/stored_assessments.h"
#include "export/csv_table.h"
#include "export/xlsx_table.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/file_transfer.h"
#include "http/json_input.h"
#include "http/ledger_filters.h"
#include "http/list_filters.h"
#include "http/route.h"
#include "http/standards_filters.h"

namespace grassroots::http {
namespace {

enum class Format { kXlsx, kCsv };

constexpr char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr char kCsvType[] = "text/csv; charset=utf-8";

// The format named by the path's last parameter ("xlsx" or "csv"); 404 otherwise.
std::optional<Format> PathFormat(const httplib::Request& req, httplib::Response& res,
                                 std::size_t index) {
  const std::string text = req.matches.size() > index ? req.matches[index].str() : "";
  if (text == "xlsx") return Format::kXlsx;
  if (text == "csv") return Format::kCsv;
  WriteError(res, 404, "not_found", "exports are .xlsx or .csv", "format");
  return std::nullopt;
}

// An open file descriptor, closed when the last holder lets go.
struct OpenFile {
  explicit OpenFile(int descriptor) : fd(descriptor) {}
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int fd;
};

// Writes a list into a temporary file with `write` and answers the file. The file is unlinked
// before the answer starts, and closed when the answer is done or abandoned.
template <typename Write>
void Answer(Call& call, Format format, app::ExportList list, int year, Write write) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return WriteError(call.res, 503, "unavailable", "no temporary folder for the export");
  std::string path = (dir / "grassroots-export-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return WriteError(call.res, 503, "unavailable", "cannot create the export file");
  const std::string title = app::ExportTitle(list, year);
  // The audit head the list was read at travels with the file (issue 9: on every export), so
  // whoever holds the file can later show that the record it came from was not rewound.
  auto head = app::AuditHead(call.store);
  if (!head.ok()) {
    ::close(fd);
    ::unlink(path.c_str());
    return WriteError(call.res, head.error());
  }
  const std::string head_text = storage::FormatAuditHead(head.value());
  core::Status written;
  if (format == Format::kXlsx) {
    ::close(fd);  // libxlsxwriter writes the file anew at the path
    exporting::XlsxTable table(path, title, dir.string());
    table.SetPrintFooter("审计链头 " + head_text);
    written = write(table);
  } else if (std::FILE* out = ::fdopen(fd, "wb")) {
    exporting::CsvTable table(out);
    written = write(table);
    std::fclose(out);
  } else {
    ::close(fd);
    written = core::Error::Unavailable("cannot write the export file");
  }
  auto file = std::make_shared<OpenFile>(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  ::unlink(path.c_str());
  if (!written.ok()) return WriteError(call.res, written.error());
  if (file->fd < 0) return WriteError(call.res, 503, "unavailable", "cannot read the export");
  struct stat info {};
  if (::fstat(file->fd, &info) != 0) {
    return WriteError(call.res, 503, "unavailable", "cannot read the export");
  }
  const std::string extension = format == Format::kXlsx ? ".xlsx" : ".csv";
  std::string fallback(app::ToString(list));
  if (year > 0) fallback += "-" + std::to_string(year);
  call.res.set_header("X-Audit-Head", head_text);
  call.res.set_header("Content-Disposition", "attachment; filename=\"" + fallback + extension +
                                                 "\"; filename*=UTF-8''" +
                                                 PercentEncoded(title + extension));
  call.res.set_content_provider(
      static_cast<std::size_t>(info.st_size), format == Format::kXlsx ? kXlsxType : kCsvType,
      [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        std::array<char, 64 * 1024> buffer;
        const ssize_t got = ::pread(file->fd, buffer.data(), std::min(length, buffer.size()),
                                    static_cast<off_t>(offset));
        if (got <= 0) return false;
        return sink.write(buffer.data(), static_cast<std::size_t>(got));
      });
}

// The {year} and {format} of /exports/LIST/{year}.{format}; nullopt once the error is written.
struct YearAndFormat {
  int year;
  Format format;
};
std::optional<YearAndFormat> PathYearAndFormat(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return std::nullopt;
  auto format = PathFormat(call.req, call.res, 2);
  if (!format) return std::nullopt;
  return YearAndFormat{*year, *format};
}

// The organization filters of the query, narrowed to the caller's scope; nullopt once the
// error is written.
std::optional<storage::OrgFilter> ScopedOrgFilter(Call& call) {
  storage::OrgFilter filter;
  if (!OrgFilterParams(call.req, filter, call.res)) return std::nullopt;
  ApplyScope(call.principal, filter);
  return filter;
}

void Organizations(Call& call) {
  auto format = PathFormat(call.req, call.res, 1);
  if (!format) return;
  storage::OrgFilter filter;
  if (!OrganizationListParams(call.req, filter, call.res)) return;
  ApplyScope(call.principal, filter);
  Answer(call, *format, app::ExportList::kOrganizations, 0, [&](exporting::TableWriter& out) {
    return app::ExportOrganizations(call.store, filter, out);
  });
}

void Scores(Call& call) {
  auto path = PathYearAndFormat(call);
  if (!path) return;
  auto filter = ScopedOrgFilter(call);
  if (!filter) return;
  Answer(call, path->format, app::ExportList::kScores, path->year,
         [&](exporting::TableWriter& out) {
           return app::ExportScores(call.store, path->year, *filter, out);
         });
}

void Assessment(Call& call) {
  auto path = PathYearAndFormat(call);
  if (!path) return;
  storage::OrgFilter filter;
  if (!AssessmentListParams(call.req, filter, call.res)) return;
  auto info = app::AssessmentOf(call.store, path->year);
  if (!info.ok()) return WriteError(call.res, info.error());
  if (!info.value()) return WriteError(call.res, 404, "not_found", "year not assessed", "year");
  ApplyScope(call.principal, filter);
  Answer(call, path->format, app::ExportList::kAssessment, path->year,
         [&](exporting::TableWriter& out) {
           return app::ExportAssessment(call.store, path->year, filter, out);
         });
}

// The rectification ledger (ledger_routes.cc) with its filters and the caller's scope.
void ExportLedger(Call& call) {
  auto path = PathYearAndFormat(call);
  if (!path) return;
  app::LedgerQuery query;
  query.year = path->year;
  if (!LedgerParams(call.req, call.principal, query, call.res)) return;
  Answer(call, path->format, app::ExportList::kLedger, path->year,
         [&](exporting::TableWriter& out) {
           return app::ExportLedger(call.store, query, core::DefaultClock().Now(), out);
         });
}

// The standardized branches (standards_routes.cc) of a year with the list's filters and scope.
void StandardBranches(Call& call) {
  auto path = PathYearAndFormat(call);
  if (!path) return;
  storage::DesignationFilter filter;
  if (!DesignationParams(call, filter)) return;
  filter.year = path->year;
  Answer(call, path->format, app::ExportList::kStandardBranches, path->year,
         [&](exporting::TableWriter& out) {
           return app::ExportDesignations(call.store, filter, out);
         });
}

void ExportAuditLog(Call& call) {
  auto format = PathFormat(call.req, call.res, 1);
  if (!format || !Require(call, core::GlobalAction::kReadAudit)) return;
  Answer(call, *format, app::ExportList::kAudit, 0,
         [&](exporting::TableWriter& out) { return app::ExportAudit(call.store, out); });
}

// The 三会一课 quarter summaries of a year (party_life_routes.cc) over the caller's scope.
void Meetings(Call& call) {
  auto path = PathYearAndFormat(call);
  if (!path) return;
  auto filter = ScopedOrgFilter(call);
  if (!filter) return;
  Answer(call, path->format, app::ExportList::kPartyLife, path->year,
         [&](exporting::TableWriter& out) {
           return app::ExportMeetingSummary(call.store, path->year, *filter,
                                            call.services.policy.policy.party_life,
                                            core::CountyDate(core::DefaultClock().Now()), out);
         });
}

}  // namespace

void AddExportRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/exports/organizations.{format}",
                    "The organization list as .xlsx or csv, whole (type, unit, parent, q, "
                    "direct; the caller's scope)",
                    true, Organizations});
  routes.push_back({Method::kGet, "/api/v1/exports/scores/{year}.{format}",
                    "A year's scores as .xlsx or csv (type, unit, parent, q; the caller's scope)",
                    true, Scores});
  routes.push_back({Method::kGet, "/api/v1/exports/assessments/{year}.{format}",
                    "A stored assessment as .xlsx or csv (type, unit, parent, q, grade, "
                    "selected; the caller's scope)",
                    true, Assessment});
  routes.push_back({Method::kGet, "/api/v1/exports/ledger/{year}.{format}",
                    "A year's rectification ledger as .xlsx or csv (state, unit, type, "
                    "overdue=true, org, q; the caller's scope)",
                    true, ExportLedger});
  routes.push_back({Method::kGet, "/api/v1/exports/standardized-branches/{year}.{format}",
                    "A year's standardized Party branches as .xlsx or csv (state, unit, type, "
                    "parent, q; the caller's scope)",
                    true, StandardBranches});
  routes.push_back({Method::kGet, "/api/v1/exports/audit.{format}",
                    "The audit log as .xlsx or csv, newest first (admin, auditor)", true,
                    ExportAuditLog});
  routes.push_back({Method::kGet, "/api/v1/exports/meetings/{year}.{format}",
                    "A year's 三会一课 quarter summaries per branch as .xlsx or csv (unit, type, "
                    "parent; the caller's scope)",
                    true, Meetings});
}

}  // namespace grassroots::http
