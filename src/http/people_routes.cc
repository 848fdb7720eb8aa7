// People (issue 14): training classes (进修班) with their attendees and each secretary's
// training history, and members' changes of status with an organization's counts by status
// over time (evidence for the `members` dimension). The rules are core's (training_rules.h,
// member_status.h, access.h), applied by app/training_service and app/member_status_service.
// Nothing of a member or of an organization out of the caller's scope is shown: those routes
// answer as for a code never used (http/access.h).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/member_status_service.h"
#include "app/training_service.h"
#include "core/field_rules.h"
#include "export/xlsx_table.h"
#include "http/access.h"
#include "http/call_params.h"
#include "http/errors.h"
#include "http/file_transfer.h"
#include "http/json_input.h"
#include "http/list_filters.h"
#include "http/route.h"
#include "http/route_clock.h"

namespace grassroots::http {
namespace {

// The path's class id; 404 "training_not_found" when it is not a positive number.
std::optional<std::int64_t> PathClassId(Call& call) {
  return PathId(call, "training_not_found", "training class");
}

nlohmann::json ClassJson(const core::TrainingClass& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"starts_on", core::FormatIsoDate(c.starts_on)},
          {"ends_on", core::FormatIsoDate(c.ends_on)},
          {"organizer", c.organizer},
          {"place", c.place},
          {"note", c.note},
          {"attendees", c.attendees},
          {"attended", c.attended},
          {"recorded_by", c.recorded_by},
          {"recorded_at", c.recorded_at}};
}

nlohmann::json ViewJson(const app::TrainingView& view) {
  nlohmann::json out = ClassJson(view.training);
  nlohmann::json list = nlohmann::json::array();
  for (const storage::StoredAttendee& a : view.attendees) {
    list.push_back({{"person", a.attendee.person},
                    {"org", a.attendee.org},
                    {"org_name", a.org_name},
                    {"attended", a.attendee.attended},
                    {"note", a.attendee.note}});
  }
  out["list"] = list;
  return out;
}

void ListClasses(Call& call) {
  storage::TrainingFilter filter;
  if (!QueryYear(call.req, false, filter.year, call.res) ||
      !PageParams(call.req, filter.offset, filter.limit, call.res)) {
    return;
  }
  auto page = app::ListTrainingClasses(call.store, call.principal, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  for (const core::TrainingClass& c : page.value().items) items.push_back(ClassJson(c));
  WriteJson(call.res,
            {{"items", items},
             {"total", page.value().total},
             {"offset", filter.offset},
             {"limit", filter.limit},
             {"may_manage", core::MayDo(call.principal, core::GlobalAction::kManageTraining)}});
}

void CreateClass(Call& call) {
  if (!Require(call, core::GlobalAction::kManageTraining)) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::TrainingClassInput in;
  if (!OnlyFields(*body, {"name", "starts_on", "ends_on", "organizer", "place", "note"},
                  call.res) ||
      !GetString(*body, "name", in.name, false, call.res) ||
      !GetString(*body, "starts_on", in.starts_on, false, call.res) ||
      !GetString(*body, "ends_on", in.ends_on, false, call.res) ||
      !GetString(*body, "organizer", in.organizer, false, call.res) ||
      !GetString(*body, "place", in.place, false, call.res) ||
      !GetString(*body, "note", in.note, false, call.res)) {
    return;
  }
  auto stored = app::CreateTrainingClass(call.store, in, call.actor);
  if (!stored.ok()) return WriteError(call.res, stored.error());
  WriteJson(call.res, ViewJson({stored.value(), {}}), 201);
}

void GetClass(Call& call) {
  auto id = PathClassId(call);
  if (!id) return;
  auto view = app::GetTrainingClass(call.store, call.principal, *id);
  if (!view.ok()) return WriteError(call.res, view.error());
  if (!view.value()) return WriteError(call.res, app::TrainingNotFoundError(*id));
  WriteJson(call.res, ViewJson(*view.value()));
}

// The body's "attendees": an array of objects with `fields`; false after writing 422.
bool AttendeeList(Call& call, bool full, std::vector<core::Attendee>& out) {
  auto body = ParseBody(call.req, call.res);
  if (!body || !OnlyFields(*body, {"attendees"}, call.res)) return false;
  if (!body->contains("attendees") || !(*body)["attendees"].is_array()) {
    WriteError(call.res, 422, "invalid", "attendees must be an array of {person, org}", "attendees",
               "wrong_type", {{"expected", "array"}});
    return false;
  }
  for (const nlohmann::json& row : (*body)["attendees"]) {
    if (!row.is_object()) {
      WriteError(call.res, 422, "invalid", "each attendee must be an object {person, org}",
                 "attendees", "wrong_type", {{"expected", "object"}});
      return false;
    }
    core::Attendee a;
    const bool read = full ? OnlyFields(row, {"person", "org", "attended", "note"}, call.res) &&
                                 GetString(row, "person", a.person, true, call.res) &&
                                 GetString(row, "org", a.org, true, call.res) &&
                                 GetBool(row, "attended", a.attended, false, call.res) &&
                                 GetString(row, "note", a.note, false, call.res)
                           : OnlyFields(row, {"person", "org"}, call.res) &&
                                 GetString(row, "person", a.person, true, call.res) &&
                                 GetString(row, "org", a.org, true, call.res);
    if (!read) return false;
    out.push_back(std::move(a));
  }
  return true;
}

void AddAttendees(Call& call) {
  auto id = PathClassId(call);
  if (!id || !Require(call, core::GlobalAction::kManageTraining)) return;
  std::vector<core::Attendee> list;
  if (!AttendeeList(call, true, list)) return;
  auto view = app::AddTrainingAttendees(call.store, call.principal, *id, list, call.actor);
  if (!view.ok()) return WriteError(call.res, view.error());
  WriteJson(call.res, ViewJson(view.value()));
}

void RemoveAttendees(Call& call) {
  auto id = PathClassId(call);
  if (!id || !Require(call, core::GlobalAction::kManageTraining)) return;
  std::vector<core::Attendee> list;
  if (!AttendeeList(call, false, list)) return;
  std::vector<std::pair<std::string, std::string>> who;
  for (const core::Attendee& a : list) who.emplace_back(a.org, a.person);
  auto view = app::RemoveTrainingAttendees(call.store, call.principal, *id, who, call.actor);
  if (!view.ok()) return WriteError(call.res, view.error());
  WriteJson(call.res, ViewJson(view.value()));
}

void ExportClasses(Call& call) {
  int year = 0;
  if (!QueryYear(call.req, false, year, call.res)) return;
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return WriteError(call.res, 503, "unavailable", "no temporary folder for the export");
  std::string path = (dir / "grassroots-training-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return WriteError(call.res, 503, "unavailable", "cannot create the export file");
  ::close(fd);  // libxlsxwriter writes the file anew at the path
  const std::string title = year > 0 ? std::to_string(year) + "年进修班" : "进修班";
  core::Status written;
  {
    exporting::XlsxTable table(path, title, dir.string());
    written = app::ExportTrainingClasses(call.store, call.principal, year, table);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  ::unlink(path.c_str());
  if (!written.ok()) return WriteError(call.res, written.error());
  SendFile(call.res, bytes.str(),
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false,
           year > 0 ? "training-" + std::to_string(year) + ".xlsx" : "training.xlsx",
           title + ".xlsx");
}

void TrainingHistory(Call& call) {
  auto org = QueryText(call.req, "org", call.res);
  if (!org) return;
  auto person = QueryText(call.req, "person", call.res);
  if (!person) return;
  if (org->empty()) {
    return WriteError(call.res, 422, "invalid", "org is empty", "org", "empty");
  }
  if (!IsValidCode(*org)) {
    return WriteError(call.res, 404, "not_found", "no organization with code " + *org, "org",
                      "organization_not_found", {{"code", *org}});
  }
  if (!RequireOrg(call, *org, core::OrgAction::kRead)) return;
  auto rows = app::TrainingHistory(call.store, *org, *person);
  if (!rows.ok()) return WriteError(call.res, rows.error());
  nlohmann::json items = nlohmann::json::array();
  for (const storage::TrainingHistoryRow& r : rows.value()) {
    items.push_back({{"class_id", r.training.id},
                     {"name", r.training.name},
                     {"starts_on", core::FormatIsoDate(r.training.starts_on)},
                     {"ends_on", core::FormatIsoDate(r.training.ends_on)},
                     {"place", r.training.place},
                     {"person", r.attendee.person},
                     {"attended", r.attendee.attended},
                     {"note", r.attendee.note}});
  }
  WriteJson(call.res, {{"org", *org}, {"person", *person}, {"items", items}});
}

nlohmann::json ChangeJson(const core::StatusChange& c) {
  return {{"id", c.id},
          {"member_id", c.member_id},
          {"on", core::FormatIsoDate(c.on)},
          {"from", core::ToString(c.from)},
          {"to", core::ToString(c.to)},
          {"note", c.note},
          {"recorded_by", c.recorded_by},
          {"recorded_at", c.recorded_at}};
}

std::optional<std::string> PathMemberId(Call& call) {
  const std::string id = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  if (!IsValidCode(id)) {
    const std::string shown = id.size() > 20 ? id.substr(0, 20) : id;
    WriteError(call.res, 404, "not_found", "no member with id " + shown, "id", "member_not_found",
               {{"id", shown}});
    return std::nullopt;
  }
  return id;
}

void ChangeStatus(Call& call) {
  auto id = PathMemberId(call);
  if (!id) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::StatusChangeInput in;
  if (!OnlyFields(*body, {"status", "on", "note"}, call.res) ||
      !GetString(*body, "status", in.status, true, call.res) ||
      !GetString(*body, "on", in.on, true, call.res) ||
      !GetString(*body, "note", in.note, false, call.res)) {
    return;
  }
  if (!RequireMember(call, *id, core::OrgAction::kWriteMembers)) return;
  auto change = app::ChangeMemberStatus(call.store, *id, in, Today(), call.actor);
  if (!change.ok()) return WriteError(call.res, change.error());
  WriteJson(call.res, ChangeJson(change.value()), 201);
}

void StatusHistory(Call& call) {
  auto id = PathMemberId(call);
  if (!id) return;
  auto member = RequireMember(call, *id, core::OrgAction::kRead);
  if (!member) return;
  auto history = app::MemberStatusHistory(call.store, *id);
  if (!history.ok()) return WriteError(call.res, history.error());
  nlohmann::json items = nlohmann::json::array();
  for (const core::StatusChange& c : history.value()) items.push_back(ChangeJson(c));
  WriteJson(call.res, {{"id", *id}, {"status", core::ToString(member->status)}, {"items", items}});
}

nlohmann::json CountsJson(const core::StatusCounts& counts) {
  nlohmann::json out = nlohmann::json::object();
  std::int64_t total = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out[std::string(core::ToString(static_cast<core::MemberStatus>(i)))] = counts[i];
    total += counts[i];
  }
  out["total"] = total;
  return out;
}

void MemberTrend(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  int year = 0;
  if (!QueryYear(call.req, false, year, call.res)) return;
  const core::CivilDate today = Today();
  if (year == 0) year = today.year;
  if (!RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto trend = app::MemberTrendOf(call.store, *code, year, today);
  if (!trend.ok()) return WriteError(call.res, trend.error());
  nlohmann::json points = nlohmann::json::array();
  for (const app::MemberTrendPoint& p : trend.value().points) {
    points.push_back({{"on", core::FormatIsoDate(p.on)}, {"counts", CountsJson(p.counts)}});
  }
  WriteJson(call.res, {{"code", *code},
                       {"year", year},
                       {"today", core::FormatIsoDate(today)},
                       {"now", CountsJson(trend.value().now)},
                       {"points", points}});
}

}  // namespace

void AddPeopleRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/training-classes",
                    "Training classes (进修班), newest first: ?year (starting that year), "
                    "?offset, ?limit; counts of the attendees in your scope",
                    true, ListClasses});
  routes.push_back({Method::kPost, "/api/v1/training-classes",
                    "Record a training class: {name, starts_on, ends_on, organizer?, place?, "
                    "note?} (admin, unit_admin)",
                    true, CreateClass});
  routes.push_back({Method::kGet, "/api/v1/training-classes/{id}",
                    "A training class with the attendees in your scope", true, GetClass});
  routes.push_back({Method::kPost, "/api/v1/training-classes/{id}/attendees",
                    "Add secretaries to a class's list, all or none: {attendees: [{person, org, "
                    "attended?, note?}]} (organizations in your scope)",
                    true, AddAttendees});
  routes.push_back({Method::kPost, "/api/v1/training-classes/{id}/attendees/remove",
                    "Remove secretaries from a class's list, all or none: {attendees: [{person, "
                    "org}]}",
                    true, RemoveAttendees});
  routes.push_back({Method::kGet, "/api/v1/exports/training-classes.xlsx",
                    "The training classes as .xlsx (?year), counts over your scope", true,
                    ExportClasses});
  routes.push_back({Method::kGet, "/api/v1/training-history",
                    "A secretary's training history: ?org=CODE&person=NAME (every attendee of "
                    "the organization without person), oldest first",
                    true, TrainingHistory});
  routes.push_back({Method::kPost, "/api/v1/members/{id}/status",
                    "Record a member's change of status: {status, on: YYYY-MM-DD, note?}; not "
                    "dated before their previous change",
                    true, ChangeStatus});
  routes.push_back({Method::kGet, "/api/v1/members/{id}/status-history",
                    "A member's changes of status, oldest first", true, StatusHistory});
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/member-trend",
                    "An organization's members by status at each quarter's end of ?year (and "
                    "today), from the history: evidence for the members dimension",
                    true, MemberTrend});
}

}  // namespace grassroots::http
