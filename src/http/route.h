// The route table: every endpoint of /api/v1 with its method, path, summary and handler. The
// server registers it and openapi.json is built from it, so the two cannot drift.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <vector>

#include "auth/login_throttle.h"
#include "config/checklist_file.h"
#include "config/policy_file.h"
#include "core/access.h"
#include "http/read_memo.h"
#include "http/session_cache.h"
#include "http/what_if_memo.h"
#include "storage/store.h"

namespace grassroots::http {

// What the handlers share across requests. Thread-safe.
struct Services {
  config::LoadedPolicy policy;
  // The checklists beside the policy (config/checklist_file.h).
  config::LoadedChecklists checklists = config::BuiltInChecklists();
  // The login throttle's rule; its counts are in the database, shared by every server on it
  // (app/login_guard.h).
  auth::ThrottleLimits login_limits;
  SessionCache sessions;
  ReadMemo answers;  // the dashboard's summary and trend
  // Organization list pages, organizations, pages of a stored assessment: many small answers.
  ReadMemo pages{{.max_bytes = 32 << 20, .max_entries = 10'000}};
  WhatIfMemo what_ifs;          // what-if outcomes, paged through
  bool secure_cookies = false;  // TLS is on, here or at a proxy in front
  // Proxies whose X-Forwarded-For names the client (ClientAddress).
  std::vector<std::string> trusted_proxies;
};

// The address a request comes from, as the audit log records it and the login throttle counts
// it: the peer's, or, when the peer is a trusted proxy, the last address its X-Forwarded-For
// names (the one that proxy appended; what the client itself wrote before it is not trusted).
std::string ClientAddress(const httplib::Request& req, const Services& services);

// One request as a handler sees it. `principal` and `session` are set when the route needs a
// session (every route but login, /healthz and openapi.json); `actor.origin` is the
// ClientAddress.
struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  storage::Store& store;
  Services& services;
  core::Principal principal;
  storage::SessionRecord session;
  storage::Actor actor;
};

enum class Method { kGet, kPost, kPut, kDelete };
const char* MethodName(Method method);  // "get", "post", ...

struct Route {
  Method method = Method::kGet;
  std::string path;  // OpenAPI form: /api/v1/organizations/{code}
  std::string summary;
  bool needs_session = true;
  std::function<void(Call&)> handler;
  // Answers an account that must change its password first (Authenticated): who am I, log
  // out, change the password. Every other route refuses it with "password_change_required".
  bool before_password_change = false;
};

// The httplib regex of an OpenAPI path: each {param} becomes ([^/]+).
std::string PatternOf(const std::string& path);

void AddSessionRoutes(std::vector<Route>& routes);
void AddOrgRoutes(std::vector<Route>& routes);
void AddLifecycleRoutes(std::vector<Route>& routes);  // organizations end, members leave
void AddRosterRoutes(std::vector<Route>& routes);     // the member roster by status
void AddScoreRoutes(std::vector<Route>& routes);
void AddAssessmentRoutes(std::vector<Route>& routes);
void AddWhatIfRoutes(std::vector<Route>& routes);
void AddDashboardRoutes(std::vector<Route>& routes);       // before AddAssessmentRoutes
void AddAdminRoutes(std::vector<Route>& routes);           // policy, audit, imports
void AddAccountRoutes(std::vector<Route>& routes);         // users, roles, own password and profile
void AddExportRoutes(std::vector<Route>& routes);          // lists as .xlsx and CSV
void AddSupportRoutes(std::vector<Route>& routes);         // five-level support (issue 12)
void AddLedgerRoutes(std::vector<Route>& routes);          // the rectification ledger (issue 12)
void AddRectificationRoutes(std::vector<Route>& routes);   // plans, items, evidence, my items
void AddAccountabilityRoutes(std::vector<Route>& routes);  // interviews, adjustments
void AddSpotCheckRoutes(std::vector<Route>& routes);       // the monthly spot check (issue 13)
void AddReminderRoutes(std::vector<Route>& routes);        // weekly reminder, inbox (issue 13)
void AddEscalationRoutes(std::vector<Route>& routes);      // items' escalation ladder (issue 13)
void AddFirstSecretaryRoutes(std::vector<Route>& routes);  // first secretaries' reports (issue 14)
void AddBulletinRoutes(std::vector<Route>& routes);        // quarterly bulletins (issue 13)
void AddPartyLifeRoutes(std::vector<Route>& routes);       // Party life, village economy (issue 14)
void AddChecklistRoutes(std::vector<Route>& routes);       // checklists, their scores (issue 14)
void AddStandardsRoutes(std::vector<Route>& routes);       // standardized branches (issue 14)
void AddPairingRoutes(std::vector<Route>& routes);         // 百局联百村 pairing (issue 14)
void AddOpenApiRoute(std::vector<Route>& routes);          // must come last: documents the others
void AddPeopleRoutes(std::vector<Route>& routes);  // training classes, member status (issue 14)
void AddOpenApiRoute(std::vector<Route>& routes);  // must come last: documents the others

// Every route, in registration order.
std::vector<Route> AllRoutes();

}  // namespace grassroots::http
