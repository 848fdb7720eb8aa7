// Accountability (issue 14): interviews (约谈) and the eligibility they decide, and the queue of
// organizational adjustments (组织调整) with its decisions and each organization's secretary
// history. The rules are core's (interview_rules.h, eligibility.h, adjustment.h, access.h),
// applied by app/interview_service and app/adjustment_service.
#include <charconv>

#include "app/adjustment_service.h"
#include "app/interview_service.h"
#include "core/field_rules.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/list_filters.h"
#include "http/route.h"
#include "http/route_clock.h"
#include "http/text_or_null.h"

namespace grassroots::http {
namespace {

nlohmann::json InterviewJson(const core::InterviewRecord& i) {
  return {{"id", i.id},
          {"on", core::FormatIsoDate(i.on)},
          {"person", i.person},
          {"person_key", i.key()},
          {"member_id", TextOrNull(i.member_id)},
          {"post", i.post},
          {"org", TextOrNull(i.org)},
          {"interviewer", i.interviewer},
          {"reason", i.reason},
          {"record", i.record},
          {"recorded_by", i.recorded_by},
          {"recorded_at", i.recorded_at}};
}

nlohmann::json InterviewsJson(const std::vector<core::InterviewRecord>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const core::InterviewRecord& i : list) out.push_back(InterviewJson(i));
  return out;
}

void ListInterviews(Call& call) {
  if (!Require(call, core::GlobalAction::kReadInterviews)) return;
  storage::InterviewFilter filter;
  auto person = QueryText(call.req, "person", call.res);
  if (!person || !QueryYear(call.req, false, filter.year, call.res) ||
      !PageParams(call.req, filter.offset, filter.limit, call.res)) {
    return;
  }
  filter.person = *person;
  auto page = app::ListInterviews(call.store, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  WriteJson(call.res, {{"items", InterviewsJson(page.value().items)},
                       {"total", page.value().total},
                       {"offset", filter.offset},
                       {"limit", filter.limit}});
}

void RecordInterview(Call& call) {
  if (!Require(call, core::GlobalAction::kRecordInterview)) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::InterviewInput in;
  if (!OnlyFields(*body,
                  {"on", "person", "member_id", "post", "org", "interviewer", "reason", "record"},
                  call.res) ||
      !GetString(*body, "on", in.on, false, call.res) ||
      !GetString(*body, "person", in.person, false, call.res) ||
      !GetString(*body, "member_id", in.member_id, false, call.res) ||
      !GetString(*body, "post", in.post, false, call.res) ||
      !GetString(*body, "org", in.org, false, call.res) ||
      !GetString(*body, "interviewer", in.interviewer, false, call.res) ||
      !GetString(*body, "reason", in.reason, false, call.res) ||
      !GetString(*body, "record", in.record, false, call.res)) {
    return;
  }
  auto stored = app::RecordInterview(call.store, in, Today(), call.actor);
  if (!stored.ok()) {
    // A member or organization the body names that does not exist is a wrong field (422), not
    // a missing resource of the path.
    core::Error error = stored.error();
    if (error.code == core::ErrorCode::kNotFound) error.code = core::ErrorCode::kInvalid;
    return WriteError(call.res, error);
  }
  WriteJson(call.res, InterviewJson(stored.value()), 201);
}

void Eligibility(Call& call) {
  if (!Require(call, core::GlobalAction::kReadInterviews)) return;
  auto person = QueryText(call.req, "person", call.res);
  if (!person) return;
  if (person->empty()) {
    return WriteError(call.res, 422, "invalid", "person is empty", "person", "empty");
  }
  int year = 0;
  if (!QueryYear(call.req, true, year, call.res)) return;
  auto answer = app::EligibilityOf(call.store, *person, year);
  if (!answer.ok()) return WriteError(call.res, answer.error());
  WriteJson(call.res, {{"person", answer.value().person},
                       {"year", year},
                       {"eligible", answer.value().eligible},
                       {"blocking", InterviewsJson(answer.value().blocking)},
                       {"interviews", InterviewsJson(answer.value().interviews)}});
}

nlohmann::json DecisionJson(const storage::StoredDecision& d) {
  return {{"outcome", core::ToString(d.decision.outcome)},
          {"on", d.decision.on ? nlohmann::json(core::FormatIsoDate(*d.decision.on))
                               : nlohmann::json(nullptr)},
          {"successor", TextOrNull(d.decision.successor)},
          {"reason", d.decision.reason},
          {"decided_by", d.decision.decided_by},
          {"decided_at", d.decision.decided_at}};
}

nlohmann::json EntryJson(const app::AdjustmentEntry& e) {
  nlohmann::json because = nlohmann::json::array();
  for (const auto& [kind, code] : e.because) {
    because.push_back({{"action", core::ToString(kind)}, {"org", code}});
  }
  return {{"org", e.org},
          {"name", e.name},
          {"secretary", e.secretary},
          {"because", because},
          {"decision", e.decision ? DecisionJson(*e.decision) : nlohmann::json(nullptr)},
          {"overdue", e.overdue},
          {"may_decide", e.may_decide}};
}

void Queue(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto queue = app::LoadAdjustmentQueue(call.store, call.principal, *year, Today());
  if (!queue.ok()) return WriteError(call.res, queue.error());
  if (!queue.value()) {
    return WriteError(call.res, 404, "not_found",
                      "year " + std::to_string(*year) + " has not been assessed", "year");
  }
  const app::AdjustmentQueue& q = *queue.value();
  nlohmann::json entries = nlohmann::json::array();
  for (const app::AdjustmentEntry& e : q.entries) entries.push_back(EntryJson(e));
  WriteJson(call.res, {{"year", q.year},
                       {"run_at", q.run_at},
                       {"due", core::FormatIsoDate(q.due)},
                       {"open", q.open},
                       {"overdue", q.overdue},
                       {"entries", entries}});
}

void Decide(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto code = PathCode(call.req, call.res, 2);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::AdjustmentDecisionInput in;
  if (!OnlyFields(*body, {"outcome", "on", "successor", "reason"}, call.res) ||
      !GetString(*body, "outcome", in.outcome, false, call.res) ||
      !GetString(*body, "on", in.on, false, call.res) ||
      !GetString(*body, "successor", in.successor, false, call.res) ||
      !GetString(*body, "reason", in.reason, false, call.res)) {
    return;
  }
  if (!RequireOrg(call, *code, core::OrgAction::kDecideAdjustment)) return;
  auto entry =
      app::DecideAdjustment(call.store, call.principal, *year, *code, in, Today(), call.actor);
  if (!entry.ok()) return WriteError(call.res, entry.error());
  WriteJson(call.res, EntryJson(entry.value()));
}

void Secretaries(Call& call) {
  auto code = PathCode(call.req, call.res);
  if (!code) return;
  if (!RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto history = app::SecretaryHistory(call.store, *code);
  if (!history.ok()) return WriteError(call.res, history.error());
  nlohmann::json items = nlohmann::json::array();
  for (const storage::SecretaryChange& c : history.value()) {
    items.push_back({{"on", core::FormatIsoDate(c.on)},
                     {"previous", c.previous},
                     {"successor", c.successor},
                     {"year", c.year ? nlohmann::json(*c.year) : nlohmann::json(nullptr)},
                     {"recorded_by", c.recorded_by},
                     {"recorded_at", c.recorded_at}});
  }
  WriteJson(call.res, {{"code", *code}, {"items", items}});
}

}  // namespace

void AddAccountabilityRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/interviews",
                    "Interviews (约谈), newest first: ?person=KEY (member id, else name), ?year, "
                    "?offset, ?limit (admin, auditor)",
                    true, ListInterviews});
  routes.push_back({Method::kPost, "/api/v1/interviews",
                    "Record an interview: {on: YYYY-MM-DD, person, member_id?, post?, org?, "
                    "interviewer, reason, record?} (admin)",
                    true, RecordInterview});
  routes.push_back({Method::kGet, "/api/v1/eligibility",
                    "Whether a person may be promoted or given an award in a year: ?person=KEY&"
                    "year=Y; not when interviewed that year (the interviews that block it)",
                    true, Eligibility});
  routes.push_back({Method::kGet, "/api/v1/adjustments/{year}",
                    "The year's organizational adjustments (组织调整): the secretaries its "
                    "assessment proposes to remove, each with its decision; open ones are "
                    "overdue 30 days after the run",
                    true, Queue});
  routes.push_back({Method::kPost, "/api/v1/adjustments/{year}/{code}",
                    "Decide the removal of an organization's secretary: {outcome: done, on, "
                    "successor} (the secretary changes) or {outcome: not_done, reason}",
                    true, Decide});
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/secretaries",
                    "An organization's changes of secretary, oldest first", true, Secretaries});
}

}  // namespace grassroots::http
