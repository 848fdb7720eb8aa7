// First secretaries' monthly reports (第一书记, issue 14): the work plan due by the 5th and the
// duty ledger due by the month's last day, per posted village, with photos; where each stands,
// the late and missing ones of a month and the on-time rate per first secretary. A first
// secretary files their own villages' reports; whoever's scope covers a village reads them; a
// village or report out of scope is answered as one never recorded. The rules are
// core/first_secretary_reports.h's, applied by app/first_secretary_service.
#include "app/first_secretary_service.h"
#include "core/evidence.h"
#include "core/field_rules.h"
#include "http/access.h"
#include "http/call_params.h"
#include "http/errors.h"
#include "http/file_transfer.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/route_clock.h"
#include "http/text_or_null.h"

namespace grassroots::http {
namespace {

using nlohmann::json;

json ReportJson(const storage::ReportRow& r) {
  return {{"id", r.id},
          {"org_code", r.org_code},
          {"month", core::FormatYearMonth({r.year, r.month})},
          {"kind", r.kind},
          {"user_name", r.user_name},
          {"person", r.person},
          {"text", r.text},
          {"submitted_at", r.submitted_at},
          {"photos", r.photos}};
}

json OwedJson(const app::OwedReportView& v) {
  return {{"org_code", v.org_code},
          {"org_name", v.org_name},
          {"person", v.person},
          {"user_name", TextOrNull(v.user_name)},
          {"month", core::FormatYearMonth(v.month)},
          {"kind", core::ToString(v.kind)},
          {"due", core::FormatIsoDate(v.due)},
          {"status", core::ToString(v.status)},
          {"report", v.report ? ReportJson(*v.report) : json(nullptr)}};
}

json PhotoJson(const storage::EvidenceRecord& e) {
  return {{"id", e.id},     {"file_name", e.file_name},     {"content_type", e.content_type},
          {"size", e.size}, {"uploaded_by", e.uploaded_by}, {"uploaded_at", e.uploaded_at}};
}

json ListJson(const std::vector<app::OwedReportView>& views) {
  json items = json::array();
  for (const app::OwedReportView& v : views) items.push_back(OwedJson(v));
  const std::size_t total = items.size();
  return {{"items", std::move(items)}, {"total", total}};
}

// A month "YYYY-MM" from `text`; 422 naming "month" otherwise.
std::optional<core::YearMonth> MonthOf(Call& call, const std::string& text) {
  if (text.empty()) {
    WriteError(call.res, 422, "invalid", "month is required (YYYY-MM)", "month", "required");
    return std::nullopt;
  }
  auto month = core::ParseYearMonth("month", text);
  if (!month.ok()) {
    WriteError(call.res, month.error());
    return std::nullopt;
  }
  return month.value();
}

std::optional<core::ReportKind> KindOf(Call& call, const std::string& text) {
  auto kind = core::ParseReportKind(text);
  if (!kind) {
    WriteError(call.res, core::VocabularyError("kind", text, "work_plan, duty_ledger"));
    return std::nullopt;
  }
  return kind;
}

// The caller's scope, narrowed by ?unit when given.
std::optional<storage::OrgFilter> Scope(Call& call) {
  storage::OrgFilter scope;
  if (!OrgFilterParams(call.req, scope, call.res)) return std::nullopt;
  ApplyScope(call.principal, scope);
  return scope;
}

void VillageReports(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto year = RequiredQueryYear(call);
  if (!year) return;
  if (!RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto owed = app::VillageReports(call.store, *code, *year, Now());
  if (!owed.ok()) return WriteError(call.res, owed.error());
  json body = ListJson(owed.value());
  body["org_code"] = *code;
  body["year"] = *year;
  WriteJson(call.res, body);
}

void Submit(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  std::string month_text, kind_text;
  app::ReportInput input;
  if (!OnlyFields(*body, {"month", "kind", "text"}, call.res) ||
      !GetString(*body, "month", month_text, true, call.res) ||
      !GetString(*body, "kind", kind_text, true, call.res) ||
      !GetString(*body, "text", input.text, true, call.res)) {
    return;
  }
  auto month = MonthOf(call, month_text);
  if (!month) return;
  auto kind = KindOf(call, kind_text);
  if (!kind) return;
  input.month = *month;
  input.kind = *kind;
  if (!RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto report = app::SubmitReport(call.store, *code, call.principal, input, Now(), call.actor);
  if (!report.ok()) return WriteError(call.res, report.error());
  WriteJson(call.res, ReportJson(report.value()), 201);
}

// The report of the path's id when the caller sees its village; 404 fs_report_not_found (as for
// an id never used) otherwise.
std::optional<storage::ReportRow> SeenReport(Call& call) {
  const std::string text = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  const std::string shown = text.size() > 20 ? text.substr(0, 20) : text;
  const bool digits = !text.empty() && text.size() <= 18 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  std::optional<storage::ReportRow> report;
  if (digits) {
    auto found = app::ReportOf(call.store, std::stoll(text));
    if (!found.ok()) {
      WriteError(call.res, found.error());
      return std::nullopt;
    }
    report = std::move(found).value();
  }
  if (report) {
    auto seen = Sees(call, report->org_code);
    if (!seen.ok()) {
      WriteError(call.res, seen.error());
      return std::nullopt;
    }
    if (!seen.value()) report.reset();
  }
  if (!report) {
    WriteError(call.res, 404, "not_found", "no report with id " + shown, "id",
               "fs_report_not_found", {{"id", shown}});
  }
  return report;
}

void GetReport(Call& call) {
  auto report = SeenReport(call);
  if (!report) return;
  auto photos = app::ReportPhotos(call.store, report->id);
  if (!photos.ok()) return WriteError(call.res, photos.error());
  json body = ReportJson(*report);
  body["photo_list"] = json::array();
  for (const auto& p : photos.value()) body["photo_list"].push_back(PhotoJson(p));
  body["can"] = {{"upload", call.principal.role == core::Role::kFirstSecretary &&
                                call.principal.name == report->user_name}};
  WriteJson(call.res, body);
}

void UploadPhoto(Call& call) {
  auto report = SeenReport(call);
  if (!report) return;
  const std::optional<httplib::MultipartFormData> file =
      UploadedFile(call.req, call.res, "one photo");
  if (!file) return;
  auto added = app::AddReportPhoto(call.store, call.principal, *report, file->filename,
                                   file->content, call.actor);
  if (!added.ok()) return WriteError(call.res, added.error());
  WriteJson(call.res, PhotoJson(added.value()), 201);
}

void DownloadPhoto(Call& call) {
  const std::string text = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  const std::string shown = text.size() > 20 ? text.substr(0, 20) : text;
  const bool digits = !text.empty() && text.size() <= 18 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  std::optional<app::ReportPhoto> photo;
  if (digits) {
    auto found = app::ReportPhotoOf(call.store, std::stoll(text));
    if (!found.ok()) return WriteError(call.res, found.error());
    photo = std::move(found).value();
  }
  if (photo) {
    auto seen = Sees(call, photo->org_code);
    if (!seen.ok()) return WriteError(call.res, seen.error());
    if (!seen.value()) photo.reset();
  }
  if (!photo) {
    return WriteError(call.res, 404, "not_found", "no photo with id " + shown, "id",
                      "fs_photo_not_found", {{"id", shown}});
  }
  SendFile(call.res, std::move(photo->bytes), photo->photo.content_type, true,
           "photo-" + std::to_string(photo->photo.id));
}

void Mine(Call& call) {
  const core::UnixSeconds now = Now();
  auto owed = app::MyReports(call.store, call.principal.name, now);
  if (!owed.ok()) return WriteError(call.res, owed.error());
  const core::YearMonth this_month = core::MonthOf(core::CountyDate(now));
  json current = json::array(), late = json::array(), missing = json::array();
  for (const app::OwedReportView& v : owed.value()) {
    if (v.month == this_month) current.push_back(OwedJson(v));
    if (v.status == core::ReportStatus::kLate) late.push_back(OwedJson(v));
    if (v.status == core::ReportStatus::kMissing) missing.push_back(OwedJson(v));
  }
  WriteJson(call.res, {{"month", core::FormatYearMonth(this_month)},
                       {"this_month", std::move(current)},
                       {"late", std::move(late)},
                       {"missing", std::move(missing)}});
}

void Overdue(Call& call) {
  auto month = MonthOf(call, call.req.has_param("month") ? call.req.get_param_value("month") : "");
  if (!month) return;
  auto scope = Scope(call);
  if (!scope) return;
  auto overdue = app::OverdueReports(call.store, *scope, *month, Now());
  if (!overdue.ok()) return WriteError(call.res, overdue.error());
  json body = ListJson(overdue.value());
  body["month"] = core::FormatYearMonth(*month);
  WriteJson(call.res, body);
}

void Rates(Call& call) {
  auto year = RequiredQueryYear(call);
  if (!year) return;
  auto scope = Scope(call);
  if (!scope) return;
  auto rates = app::OnTimeRates(call.store, *scope, *year, Now());
  if (!rates.ok()) return WriteError(call.res, rates.error());
  json items = json::array();
  for (const app::OnTimeRate& r : rates.value()) {
    items.push_back({{"person", r.person},
                     {"user_name", TextOrNull(r.user_name)},
                     {"villages", r.villages},
                     {"on_time", r.on_time},
                     {"late", r.late},
                     {"missing", r.missing},
                     {"pending", r.pending},
                     {"on_time_percent", r.percent ? json(*r.percent) : json(nullptr)}});
  }
  const std::size_t total = items.size();
  WriteJson(call.res, {{"year", *year}, {"items", std::move(items)}, {"total", total}});
}

}  // namespace

void AddFirstSecretaryRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/first-secretary-reports",
                    "A village's first secretary reports in a year (?year): each month's work "
                    "plan (due by the 5th) and duty ledger (due by the last day) owed by the "
                    "holder posted on its due day, with status pending|on_time|late|missing",
                    true, VillageReports});
  routes.push_back({Method::kPost, "/api/v1/organizations/{code}/first-secretary-reports",
                    "File a month's report as the first secretary posted there: {month: "
                    "YYYY-MM, kind: work_plan|duty_ledger, text}; once per month and kind",
                    true, Submit});
  routes.push_back({Method::kGet, "/api/v1/first-secretary-reports/mine",
                    "The caller's own reports this year: this month's, the late and the missing",
                    true, Mine});
  routes.push_back({Method::kGet, "/api/v1/first-secretary-reports/overdue",
                    "The late and missing reports of a month (?month=YYYY-MM, ?unit) in the "
                    "caller's scope",
                    true, Overdue});
  routes.push_back({Method::kGet, "/api/v1/first-secretary-reports/rates",
                    "The on-time rate per first secretary in a year (?year, ?unit) over the "
                    "caller's scope: on time, late, missing and pending counts",
                    true, Rates});
  routes.push_back({Method::kGet, "/api/v1/first-secretary-reports/{id}",
                    "A report with its photos", true, GetReport});
  routes.push_back({Method::kPost, "/api/v1/first-secretary-reports/{id}/photos",
                    "Add a photo (an image) to one's own report: multipart/form-data with one "
                    "field \"file\"",
                    true, UploadPhoto});
  routes.push_back({Method::kGet, "/api/v1/first-secretary-photos/{id}",
                    "The bytes of a report's photo", true, DownloadPhoto});
}

}  // namespace grassroots::http
