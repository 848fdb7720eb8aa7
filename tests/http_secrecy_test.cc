// Refusals reveal nothing out of scope (issue 9): every route of the route table, as every
// role, with a code (or member id) in the role's scope, one out of it and one never used. The
// out-of-scope answer must equal the never-used one byte for byte, once the code it echoes is
// replaced. The table must cover every route openapi.json lists.
#include <gtest/gtest.h>
#include <httplib.h>

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "http_harness.h"
#include "server_process.h"

namespace grassroots::testing {
namespace {

// A logged-in account of the test's own server.
class SecrecyAccount {
 public:
  SecrecyAccount(int port, const std::string& name, const std::string& password)
      : client_("127.0.0.1", port) {
    client_.set_read_timeout(30);
    const nlohmann::json login = {{"name", name}, {"password", password}};
    auto res = client_.Post("/api/v1/session", login.dump(), "application/json");
    if (!res || res->status != 200) throw std::runtime_error("login failed for " + name);
    const std::string cookie = res->get_header_value("Set-Cookie");
    cookie_ = cookie.substr(0, cookie.find(';'));
    csrf_ = nlohmann::json::parse(res->body)["csrf_token"];
  }

  Reply Send(const std::string& method, const std::string& path, const std::string& body = "",
             const std::string& type = "application/json") {
    httplib::Headers headers = {{"Cookie", cookie_}};
    if (method != "GET") headers.emplace("X-CSRF-Token", csrf_);
    httplib::Result res = method == "GET"    ? client_.Get(path, headers)
                          : method == "POST" ? client_.Post(path, headers, body, type)
                          : method == "PUT"  ? client_.Put(path, headers, body, type)
                                             : client_.Delete(path, headers, body, type);
    if (!res) return {};
    return {res->status, res->body, res->headers};
  }

 private:
  httplib::Client client_;
  std::string cookie_, csrf_;
};

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

// The codes a probe is filled with: {code} an organization, {parent} its parent, {id} a member
// of it, {new} a fresh key for what a probe may create; {plan}, {item}, {evidence}: a
// rectification plan, item and evidence file (issue 12) of an organization; {fs_report},
// {fs_photo}: a first secretary's report and its photo (issue 14); {finding}, {fevidence}: a
// spot-check finding and its evidence file (issue 13).
struct Fill {
  std::string code, parent, id, fresh;
  std::string plan, item, evidence;
  std::string fs_report, fs_photo;
  std::string finding, fevidence;
};

std::string Filled(std::string text, const Fill& fill) {
  text = ReplaceAll(text, "{plan}", fill.plan);
  text = ReplaceAll(text, "{item}", fill.item);
  text = ReplaceAll(text, "{evidence}", fill.evidence);
  text = ReplaceAll(text, "{fs_report}", fill.fs_report);
  text = ReplaceAll(text, "{fs_photo}", fill.fs_photo);
  text = ReplaceAll(text, "{finding}", fill.finding);
  text = ReplaceAll(text, "{fevidence}", fill.fevidence);
  text = ReplaceAll(text, "{code}", fill.code);
  text = ReplaceAll(text, "{parent}", fill.parent);
  text = ReplaceAll(text, "{id}", fill.id);
  return ReplaceAll(text, "{new}", fill.fresh);
}

struct Probe {
  const char* method;
  const char* route;  // as openapi.json lists it
  const char* path;   // filled
  const char* body;   // filled; "" for none
  const char* type = "application/json";
};

// Every route that takes an organization code or a member id, in the path, the query or the
// body, with a body that would be accepted for a code in scope.
const std::vector<Probe> kScoped = {
    {"GET", "/api/v1/organizations", "/api/v1/organizations?parent={code}", ""},
    {"POST", "/api/v1/organizations", "/api/v1/organizations",
     R"({"code":"{new}","name":"新支部","type":"village","kind":"branch","parent":"{code}"})"},
    {"GET", "/api/v1/organizations/{code}", "/api/v1/organizations/{code}", ""},
    {"PUT", "/api/v1/organizations/{code}", "/api/v1/organizations/{code}",
     R"({"name":"改名","type":"village","kind":"branch","parent":"{parent}","secretary":"王"})"},
    {"GET", "/api/v1/organizations/{code}/members", "/api/v1/organizations/{code}/members", ""},
    {"POST", "/api/v1/members", "/api/v1/members",
     R"({"id":"{new}","name":"新党员","org":"{code}","status":"regular"})"},
    {"POST", "/api/v1/organizations/{code}/end", "/api/v1/organizations/{code}/end",
     R"({"kind":"merged","on":"2017-01-01","merged_into":"{parent}","reason":"探测"})"},
    {"POST", "/api/v1/members/{id}/leave", "/api/v1/members/{id}/leave",
     R"({"kind":"other","on":"2017-01-01","reason":"探测"})"},
    {"GET", "/api/v1/organizations/{code}/scores", "/api/v1/organizations/{code}/scores", ""},
    {"GET", "/api/v1/organizations/{code}/results", "/api/v1/organizations/{code}/results", ""},
    {"GET", "/api/v1/scores", "/api/v1/scores?year=2016&parent={code}", ""},
    {"GET", "/api/v1/members", "/api/v1/members?parent={code}", ""},
    {"PUT", "/api/v1/scores/{code}/{year}", "/api/v1/scores/{code}/2016", kScore},
    {"PUT", "/api/v1/scores/{code}/{year}/grade", "/api/v1/scores/{code}/2016/grade",
     R"({"grade":"B","reason":"探测"})"},
    {"POST", "/api/v1/scores/bulk", "/api/v1/scores/bulk",
     R"([{"code":"{code}","year":2016,"team":70,"leader":71,"venue":72,"routine":73,)"
     R"("service":74,"members":75}])"},
    {"GET", "/api/v1/assessments/{year}", "/api/v1/assessments/2016?parent={code}", ""},
    {"GET", "/api/v1/assessments/{year}/organizations/{code}/explain",
     "/api/v1/assessments/2016/organizations/{code}/explain", ""},
    {"PUT", "/api/v1/assessments/{year}/manual/{code}", "/api/v1/assessments/2016/manual/{code}",
     R"({"include":true,"reason":"探测"})"},
    {"DELETE", "/api/v1/assessments/{year}/manual/{code}", "/api/v1/assessments/2016/manual/{code}",
     ""},
    {"POST", "/api/v1/imports/{kind}", "/api/v1/imports/scores?dry_run=true",
     "code,year,team,leader,venue,routine,service,members\n{code},2016,70,70,70,70,70,70\n",
     "text/csv"},
    {"GET", "/api/v1/assessments/{year}/summary", "/api/v1/assessments/2016/summary?parent={code}",
     ""},
    // CSV: a workbook records the second it was written, which two requests may not share.
    {"GET", "/api/v1/exports/organizations.{format}",
     "/api/v1/exports/organizations.csv?parent={code}", ""},
    {"GET", "/api/v1/exports/scores/{year}.{format}",
     "/api/v1/exports/scores/2016.csv?parent={code}", ""},
    {"GET", "/api/v1/exports/assessments/{year}.{format}",
     "/api/v1/exports/assessments/2016.csv?parent={code}", ""},
    {"GET", "/api/v1/ledger", "/api/v1/ledger?year=2016&org={code}", ""},
    {"GET", "/api/v1/exports/ledger/{year}.{format}", "/api/v1/exports/ledger/2016.csv?org={code}",
     ""},
    {"GET", "/api/v1/organizations/{code}/support",
     "/api/v1/organizations/{code}/support?year=2016", ""},
    {"PUT", "/api/v1/organizations/{code}/support/{role}",
     "/api/v1/organizations/{code}/support/org_guide",
     R"({"year":2016,"person":"探测","start_date":"2017-01-01"})"},
    {"POST", "/api/v1/organizations/{code}/visits", "/api/v1/organizations/{code}/visits",
     R"({"year":2016,"visit_date":"2017-01-02","kind":"visit","visitor":"探测"})"},
    {"POST", "/api/v1/organizations/{code}/work-teams", "/api/v1/organizations/{code}/work-teams",
     R"({"year":2016,"leader":"探测","start_date":"2017-01-02"})"},
    {"POST", "/api/v1/organizations/{code}/funds", "/api/v1/organizations/{code}/funds",
     R"({"year":2016,"amount_fen":100,"purpose":"探测","granted_on":"2017-01-02"})"},
    {"GET", "/api/v1/plans", "/api/v1/plans?year=2016&q={code}", ""},
    {"GET", "/api/v1/plans/{id}", "/api/v1/plans/{plan}", ""},
    {"POST", "/api/v1/plans/{id}/problems", "/api/v1/plans/{plan}/problems",
     R"({"dimension":"team","description":"探测"})"},
    {"POST", "/api/v1/plans/{id}/items", "/api/v1/plans/{plan}/items",
     R"({"measure":"探测","responsible":"王","deadline":"2016-12-31"})"},
    {"PUT", "/api/v1/plans/{id}/outcome", "/api/v1/plans/{plan}/outcome",
     R"({"outcome":"not_upgraded","reason":"探测"})"},
    {"GET", "/api/v1/items/{id}", "/api/v1/items/{item}", ""},
    {"POST", "/api/v1/items/{id}/steps", "/api/v1/items/{item}/steps", R"({"step":"start"})"},
    {"POST", "/api/v1/items/{id}/evidence", "/api/v1/items/{item}/evidence",
     "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
     "Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1A\n probe\r\n--b--\r\n",
     "multipart/form-data; boundary=b"},
    {"GET", "/api/v1/evidence/{id}", "/api/v1/evidence/{evidence}", ""},
    {"GET", "/api/v1/items/{id}/escalation", "/api/v1/items/{item}/escalation", ""},
    {"POST", "/api/v1/items/{id}/escalation", "/api/v1/items/{item}/escalation",
     R"({"step":"reminder"})"},
    {"POST", "/api/v1/adjustments/{year}/{code}", "/api/v1/adjustments/2016/{code}",
     R"({"outcome":"not_done","reason":"另行安排"})"},
    {"GET", "/api/v1/organizations/{code}/secretaries", "/api/v1/organizations/{code}/secretaries",
     ""},
    {"POST", "/api/v1/spot-checks/{month}/findings", "/api/v1/spot-checks/2016-03/findings",
     R"({"org_code":"{code}","outcome":"fine"})"},
    {"GET", "/api/v1/assessments/{year}/previous-plans",
     "/api/v1/assessments/2016/previous-plans?parent={code}", ""},
    {"GET", "/api/v1/organizations/{code}/first-secretary-reports",
     "/api/v1/organizations/{code}/first-secretary-reports?year=2017", ""},
    {"POST", "/api/v1/organizations/{code}/first-secretary-reports",
     "/api/v1/organizations/{code}/first-secretary-reports",
     R"({"month":"2017-03","kind":"work_plan","text":"探测"})"},
    {"GET", "/api/v1/first-secretary-reports/{id}", "/api/v1/first-secretary-reports/{fs_report}",
     ""},
    {"POST", "/api/v1/first-secretary-reports/{id}/photos",
     "/api/v1/first-secretary-reports/{fs_report}/photos",
     "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
     "Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1A\n probe\r\n--b--\r\n",
     "multipart/form-data; boundary=b"},
    {"GET", "/api/v1/first-secretary-photos/{id}", "/api/v1/first-secretary-photos/{fs_photo}", ""},
    {"GET", "/api/v1/bulletins/{quarter}", "/api/v1/bulletins/2016-Q2?unit={code}", ""},
    {"POST", "/api/v1/bulletins/{quarter}/issue", "/api/v1/bulletins/2016-Q2/issue?unit={code}",
     ""},
    {"POST", "/api/v1/spot-check-findings/{id}/evidence",
     "/api/v1/spot-check-findings/{finding}/evidence",
     "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
     "Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1A\n probe\r\n--b--\r\n",
     "multipart/form-data; boundary=b"},
    {"GET", "/api/v1/spot-check-findings/{id}/evidence",
     "/api/v1/spot-check-findings/{finding}/evidence", ""},
    {"GET", "/api/v1/spot-check-finding-evidence/{id}",
     "/api/v1/spot-check-finding-evidence/{fevidence}", ""},
    {"POST", "/api/v1/organizations/{code}/meetings", "/api/v1/organizations/{code}/meetings",
     R"({"kind":"party_lecture","date":"2016-03-02","attended":5,"topic":"探测"})"},
    {"GET", "/api/v1/meetings", "/api/v1/meetings?quarter=2016-Q1&org={code}", ""},
    {"GET", "/api/v1/meetings/summary", "/api/v1/meetings/summary?quarter=2016-Q1&org={code}", ""},
    {"POST", "/api/v1/meetings/import", "/api/v1/meetings/import?dry_run=true",
     "org_code,kind,date,attended,topic\n{code},党课,2016-03-03,5,探测\n", "text/csv"},
    {"GET", "/api/v1/organizations/{code}/routine-evidence",
     "/api/v1/organizations/{code}/routine-evidence?year=2016", ""},
    {"PUT", "/api/v1/organizations/{code}/economy/{year}",
     "/api/v1/organizations/{code}/economy/2016", R"({"income_fen":100,"model":"service_driven"})"},
    {"GET", "/api/v1/economy", "/api/v1/economy?year=2016&org={code}", ""},
    {"GET", "/api/v1/economy/totals", "/api/v1/economy/totals?org={code}", ""},
    {"GET", "/api/v1/exports/meetings/{year}.{format}",
     "/api/v1/exports/meetings/2016.csv?parent={code}", ""},
    {"GET", "/api/v1/organizations/{code}/checklists/{year}",
     "/api/v1/organizations/{code}/checklists/2016", ""},
    {"PUT", "/api/v1/organizations/{code}/checklists/{year}/{checklist}",
     "/api/v1/organizations/{code}/checklists/2016/venue_10",
     R"({"items":[{"item":"room","state":"met","note":"探测"}]})"},
    {"POST", "/api/v1/organizations/{code}/checklists/{year}/apply",
     "/api/v1/organizations/{code}/checklists/2016/apply", ""},
    {"GET", "/api/v1/organizations/{code}/checklists/{year}/{checklist}/{item}/evidence",
     "/api/v1/organizations/{code}/checklists/2016/venue_10/room/evidence", ""},
    {"POST", "/api/v1/organizations/{code}/checklists/{year}/{checklist}/{item}/evidence",
     "/api/v1/organizations/{code}/checklists/2016/venue_10/room/evidence",
     "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
     "Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1A\n probe\r\n--b--\r\n",
     "multipart/form-data; boundary=b"},
    {"GET", "/api/v1/organizations/{code}/checklist-evidence/{id}",
     "/api/v1/organizations/{code}/checklist-evidence/1", ""},
    {"GET", "/api/v1/scores/{code}/{year}/sources", "/api/v1/scores/{code}/2016/sources", ""},
    {"GET", "/api/v1/standardized-branches", "/api/v1/standardized-branches?parent={code}", ""},
    {"POST", "/api/v1/standardized-branches", "/api/v1/standardized-branches",
     R"({"year":2016,"name":"探测","on":"2016-12-01","codes":["{code}"]})"},
    {"GET", "/api/v1/exports/standardized-branches/{year}.{format}",
     "/api/v1/exports/standardized-branches/2016.csv?parent={code}", ""},
    {"GET", "/api/v1/pairing/tags", "/api/v1/pairing/tags?year=2017&parent={code}", ""},
    {"PUT", "/api/v1/pairing/tags/{year}/{code}", "/api/v1/pairing/tags/2017/{code}",
     R"({"tags":["poor"]})"},
    {"GET", "/api/v1/pairing/proposals/{year}/{code}", "/api/v1/pairing/proposals/2017/{code}", ""},
    {"GET", "/api/v1/pairing/pairings", "/api/v1/pairing/pairings?year=2017&parent={code}", ""},
    {"POST", "/api/v1/pairing/pairings", "/api/v1/pairing/pairings",
     R"({"year":2017,"org":"{code}","agency":1})"},
    {"POST", "/api/v1/members/{id}/status", "/api/v1/members/{id}/status",
     R"({"status":"pocket","on":"2016-05-01","note":"探测"})"},
    {"GET", "/api/v1/members/{id}/status-history", "/api/v1/members/{id}/status-history", ""},
    {"GET", "/api/v1/organizations/{code}/member-trend",
     "/api/v1/organizations/{code}/member-trend?year=2016", ""},
    {"GET", "/api/v1/training-history", "/api/v1/training-history?org={code}&person=%E6%8E%A2", ""},
    {"POST", "/api/v1/training-classes/{id}/attendees", "/api/v1/training-classes/1/attendees",
     R"({"attendees":[{"person":"探测","org":"{code}"}]})"},
    {"POST", "/api/v1/training-classes/{id}/attendees/remove",
     "/api/v1/training-classes/1/attendees/remove",
     R"({"attendees":[{"person":"探测","org":"{code}"}]})"},
};

// Routes about no organization or member: the same for every code, listed so that the table
// is seen to cover the whole route table.
const std::set<std::string> kUnscoped = {
    "POST /api/v1/session",
    "GET /api/v1/session",
    "DELETE /api/v1/session",
    "PUT /api/v1/session/password",
    "PUT /api/v1/session/profile",
    "GET /api/v1/roles",
    "GET /api/v1/assessments",
    "GET /api/v1/assessments/trend",
    "POST /api/v1/assessments/{year}/run",
    "GET /api/v1/assessments/{year}/manual",
    "POST /api/v1/assessments/{year}/what-if",
    "GET /api/v1/policy",
    "GET /api/v1/policy/versions",
    "GET /api/v1/audit",
    "GET /api/v1/audit/verify",
    "GET /api/v1/audit/head",
    "GET /api/v1/audit/{id}/changes",      // audit entries: admin and auditor, who read everything
    "GET /api/v1/exports/audit.{format}",  // the same
    "GET /api/v1/support/leaders",         // counts over the caller's scope, no code taken
    "GET /api/v1/assessments/{year}/verify",  // admin and auditor only
    "GET /api/v1/users",
    "POST /api/v1/users",
    "PUT /api/v1/users/{name}",
    "POST /api/v1/plans",                // admin only: plans for a whole year's selection
    "GET /api/v1/my/items",              // the caller's own
    "GET /api/v1/interviews",            // interviews: admin and auditor, who read everything
    "POST /api/v1/interviews",           // admin only
    "GET /api/v1/eligibility",           // admin and auditor
    "GET /api/v1/adjustments/{year}",    // no code asked: only the entries the caller may read
    "GET /api/v1/spot-checks",           // the months drawn: the county's headers
    "POST /api/v1/spot-checks/{month}",  // admin only
    "GET /api/v1/spot-checks/{month}",   // only the drawn the caller may read
    "GET /api/v1/spot-checks/{month}/verify",      // names a changed candidate only in scope
    "GET /api/v1/spot-checks/{month}/findings",    // only the findings the caller may read
    "POST /api/v1/spot-check-findings/{id}/item",  // by id; out of scope = never used (own test)
    "GET /api/v1/warnings",           // no code asked: the caller's scope, as the ledger
    "POST /api/v1/reminders/{week}",  // admin only
    "GET /api/v1/reminders/{week}",   // admin and auditor, who read everything
    "GET /api/v1/inbox",              // the caller's own
    "GET /api/v1/inbox/{id}",         // the caller's own; another's is 404 like an unused id
    "POST /api/v1/inbox/{id}/read",   // the same
    "GET /api/v1/first-secretary-reports/mine",     // the caller's own postings
    "GET /api/v1/first-secretary-reports/overdue",  // over the caller's scope, no code taken
    "GET /api/v1/first-secretary-reports/rates",    // the same
    "GET /api/v1/bulletins",   // issued bulletins: no code asked, the caller's units only
    "GET /api/v1/checklists",  // the definitions of the file beside the policy, the same for all
    "POST /api/v1/standardized-branches/{id}/revoke",  // admin only, by id
    "GET /api/v1/pairing/agencies",                    // the county's agencies: admin, auditor
    "POST /api/v1/pairing/agencies",                   // admin only
    "GET /api/v1/bulletins",          // issued bulletins: no code asked, the caller's units only
    "GET /api/v1/training-classes",   // the county's classes; counts over the scope
    "POST /api/v1/training-classes",  // admin and unit_admin; names no organization
    "GET /api/v1/training-classes/{id}",          // only the attendees the caller may read
    "GET /api/v1/exports/training-classes.xlsx",  // the same, as a workbook
    "GET /api/v1/openapi.json",
    "GET /healthz",
};

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

TEST(HttpSecrecy, TheProbeTableCoversEveryRoute) {
  ServerProcess server;
  httplib::Client client("127.0.0.1", server.port());
  auto res = client.Get("/api/v1/openapi.json");
  ASSERT_TRUE(res && res->status == 200);
  const nlohmann::json paths = nlohmann::json::parse(res->body)["paths"];
  std::set<std::string> probed = kUnscoped;
  for (const Probe& probe : kScoped) probed.insert(std::string(probe.method) + " " + probe.route);
  std::set<std::string> listed;
  for (const auto& [path, operations] : paths.items()) {
    for (const auto& [method, operation] : operations.items()) {
      listed.insert(Upper(method) + " " + path);
    }
  }
  EXPECT_EQ(listed, probed);
}

// A member id of `code`, read as admin.
std::string MemberOf(SecrecyAccount& admin, const std::string& code) {
  const Reply page = admin.Send("GET", "/api/v1/organizations/" + code + "/members?limit=1");
  const nlohmann::json items = nlohmann::json::parse(page.body)["items"];
  return items.empty() ? "" : items[0]["id"].get<std::string>();
}

std::string Normalized(const Reply& answer, const Fill& fill) {
  std::string text = std::to_string(answer.status) + "\n";
  for (const auto& [key, value] : answer.headers) text += key + ": " + value + "\n";
  // Numeric ids only in the body: they could be part of any number of a header.
  std::string body = answer.body;
  for (const std::string* id : {&fill.plan, &fill.item, &fill.evidence, &fill.fs_report,
                                &fill.fs_photo, &fill.finding, &fill.fevidence}) {
    if (!id->empty()) body = ReplaceAll(body, "\"" + *id + "\"", "\"<n>\"");
    if (!id->empty()) body = ReplaceAll(body, " " + *id + "\"", " <n>\"");
  }
  text += "\n" + body;
  // The parent's code begins the organization's: the longer first.
  text = ReplaceAll(text, fill.id, "<id>");
  text = ReplaceAll(text, fill.code, "<code>");
  return ReplaceAll(text, fill.parent, "<parent>");
}

TEST(HttpSecrecy, OutOfScopeAnswersEqualNeverUsedOnesOnEveryRouteForEveryRole) {
  ServerProcess server({}, ServerProcess::Data::kDemo);
  SecrecyAccount admin(server.port(), "admin", server.Password("admin"));
  // MH002-02 lies outside every scoped demo account; the never-used codes have the same
  // lengths, so that even Content-Length agrees.
  const std::string out_id = MemberOf(admin, "MH002-02");
  ASSERT_FALSE(out_id.empty());
  const std::string none_id = "ZZ" + out_id.substr(2);
  // A plan, item and evidence of MH032 (outside every scope) and of MH001-01, by id; the
  // never-used ids have as many digits.
  const auto rectification = [&](const std::string& code) {
    const Reply plans = admin.Send("GET", "/api/v1/plans?year=2016&q=" + code);
    const std::string plan =
        std::to_string(nlohmann::json::parse(plans.body)["items"][0]["id"].get<int>());
    const nlohmann::json items =
        nlohmann::json::parse(admin.Send("GET", "/api/v1/plans/" + plan).body)["items"];
    std::string item, evidence;
    for (const auto& one : items) {
      const nlohmann::json detail = nlohmann::json::parse(
          admin.Send("GET", "/api/v1/items/" + std::to_string(one["id"].get<int>())).body);
      if (!detail["evidence"].empty()) {
        item = std::to_string(detail["id"].get<int>());
        evidence = std::to_string(detail["evidence"][0]["id"].get<int>());
      }
    }
    return std::array<std::string, 3>{plan, item, evidence};
  };
  const auto [out_plan, out_item, out_evidence] = rectification("MH032");
  const auto [in_plan, in_item, in_evidence] = rectification("MH001-01");
  ASSERT_EQ(out_plan.size(), 2u);
  ASSERT_EQ(out_item.size(), 2u);
  ASSERT_EQ(out_evidence.size(), 2u);
  // A first secretary's report with a photo of MH002-02 (outside every scope) and of MH001-01.
  const auto report = [&](const std::string& code) {
    const nlohmann::json owed = nlohmann::json::parse(
        admin.Send("GET", "/api/v1/organizations/" + code + "/first-secretary-reports?year=2017")
            .body)["items"];
    for (const auto& one : owed) {
      if (one["report"].is_null() || one["report"]["photos"] == 0) continue;
      const std::string id = std::to_string(one["report"]["id"].get<int>());
      const nlohmann::json detail =
          nlohmann::json::parse(admin.Send("GET", "/api/v1/first-secretary-reports/" + id).body);
      return std::array<std::string, 2>{id,
                                        std::to_string(detail["photo_list"][0]["id"].get<int>())};
    }
    return std::array<std::string, 2>{};
  };
  const auto [out_report, out_photo] = report("MH002-02");
  const auto [in_report, in_photo] = report("MH001-01");
  ASSERT_EQ(out_report.size(), 2u);
  ASSERT_EQ(out_photo.size(), 1u);
  // A demo finding with a photo outside every scoped account (neither MH001 nor MH002-01), and
  // one in MH001 when the draws hold one (else the same: then only the count below differs).
  std::array<std::string, 2> out_finding, in_finding;
  for (const char* month : {"2016-03", "2016-04", "2016-05"}) {
    const nlohmann::json view =
        nlohmann::json::parse(admin.Send("GET", std::string("/api/v1/spot-checks/") + month).body);
    for (const auto& f : view["findings"]) {
      if (f["evidence"].empty()) continue;
      const std::string org = f["org_code"];
      const std::array<std::string, 2> ids{std::to_string(f["id"].get<int>()),
                                           std::to_string(f["evidence"][0]["id"].get<int>())};
      if (org.starts_with("MH001")) {
        in_finding = ids;
      } else if (!org.starts_with("MH002-01")) {
        out_finding = ids;
      }
    }
  }
  ASSERT_FALSE(out_finding[0].empty());
  if (in_finding[0].empty()) in_finding = out_finding;
  // Never-used ids as long as the out-of-scope ones.
  const std::string none_finding(out_finding[0].size(), '9');
  const std::string none_fevidence(out_finding[1].size(), '9');
  ASSERT_EQ(admin.Send("GET", "/api/v1/spot-check-findings/" + none_finding + "/evidence").status,
            404);
  ASSERT_EQ(admin.Send("GET", "/api/v1/spot-check-finding-evidence/" + none_fevidence).status, 404);
  const Fill out{"MH002-02",   "MH002",    out_id,    "ZX-NEW-1",     out_plan,      out_item,
                 out_evidence, out_report, out_photo, out_finding[0], out_finding[1]};
  const Fill none{"MH999-99", "MH999", none_id, "ZX-NEW-1",   "99",          "99",
                  "99",       "99",    "9",     none_finding, none_fevidence};
  const std::map<std::string, std::string> in_scope = {
      {"unit_admin", "MH001-01"}, {"secretary", "MH001-01"}, {"first_secretary", "MH002-01"},
      {"leader", "MH001-01"},     {"admin", "MH001-01"},     {"auditor", "MH001-01"}};
  int compared = 0, differing_in_scope = 0;
  for (const auto& [role, code] : in_scope) {
    SCOPED_TRACE(role);
    SecrecyAccount account(server.port(), role, server.Password(role));
    const Fill in{code,     code.substr(0, 5), MemberOf(admin, code), "ZX-NEW-" + role,
                  in_plan,  in_item,           in_evidence,           in_report,
                  in_photo, in_finding[0],     in_finding[1]};
    const bool sees_all = role == "admin" || role == "auditor";
    for (const Probe& probe : kScoped) {
      SCOPED_TRACE(std::string(probe.method) + " " + probe.path);
      const auto send = [&](const Fill& fill) {
        return account.Send(probe.method, Filled(probe.path, fill), Filled(probe.body, fill),
                            probe.type);
      };
      const Reply never_used = send(none);
      EXPECT_NE(never_used.status, 0);
      EXPECT_LT(never_used.status, 500) << never_used.body;
      if (!sees_all) {
        const Reply outside = send(out);
        EXPECT_EQ(Normalized(outside, out), Normalized(never_used, none));
        ++compared;
      }
      const Reply inside = send(in);
      EXPECT_LT(inside.status, 500) << inside.body;
      if (Normalized(inside, in) != Normalized(never_used, none)) ++differing_in_scope;
    }
  }
  EXPECT_EQ(compared, 4 * static_cast<int>(kScoped.size()));
  // Not a table of refusals only: in scope, most routes answer otherwise.
  EXPECT_GT(differing_in_scope, static_cast<int>(kScoped.size()) * 3);
}

// Codes and member ids are unique across the deployment, so creating one that is taken fails
// whoever holds it: the answer is the same for a holder in scope and one out of it, and names
// nothing of the holder (core/access.h, "Secrecy").
TEST(HttpSecrecy, ATakenKeyIsRefusedAlikeWhoeverHoldsIt) {
  ServerProcess server({}, ServerProcess::Data::kDemo);
  SecrecyAccount admin(server.port(), "admin", server.Password("admin"));
  SecrecyAccount unit_admin(server.port(), "unit_admin", server.Password("unit_admin"));
  const auto create_org = [&](const std::string& code) {
    return unit_admin.Send("POST", "/api/v1/organizations",
                           R"({"code":")" + code +
                               R"(","name":"新支部","type":"village","kind":"branch",)"
                               R"("parent":"MH001"})");
  };
  // MH002-02 (out of scope) and MH001-01 (in scope) have codes of the same length.
  const Reply out = create_org("MH002-02");
  const Reply in = create_org("MH001-01");
  EXPECT_EQ(out.status, 409);
  EXPECT_EQ(nlohmann::json::parse(out.body)["error"]["reason"], "code_unavailable");
  EXPECT_EQ(ReplaceAll(out.body, "MH002-02", "<code>"), ReplaceAll(in.body, "MH001-01", "<code>"));
  EXPECT_EQ(out.body.find("北极"), std::string::npos);  // nothing of the holder

  const std::string out_member = MemberOf(admin, "MH002-02");
  const std::string in_member = MemberOf(admin, "MH001-01");
  ASSERT_EQ(create_org("MH001-77").status, 201);
  const auto save_member = [&](const std::string& id) {
    return unit_admin.Send("POST", "/api/v1/members",
                           R"({"id":")" + id + R"(","name":"新党员","org":"MH001-77"})");
  };
  const Reply taken = save_member(out_member);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(nlohmann::json::parse(taken.body)["error"]["reason"], "member_id_unavailable");
  EXPECT_EQ(taken.body.find("MH002"), std::string::npos) << taken.body;
  // A member in scope moves: the unit_admin may change both organizations' rolls.
  EXPECT_EQ(save_member(in_member).status, 200);
  // Reading, changing or ending the taken code still answers as a code never used.
  EXPECT_EQ(unit_admin.Send("GET", "/api/v1/organizations/MH002-02").status, 404);
  EXPECT_EQ(unit_admin
                .Send("POST", "/api/v1/members/" + out_member + "/leave",
                      R"({"kind":"other","on":"2017-01-01","reason":"x"})")
                .status,
            404);
}

}  // namespace
}  // namespace grassroots::testing
