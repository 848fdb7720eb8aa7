// Policy, audit log, users and CSV imports.
#include "app/import_service.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

void Policy(Call& call) {
  const config::LoadedPolicy& policy = call.services.policy;
  WriteJson(call.res, {{"version", policy.version},
                       {"name", policy.policy.name},
                       {"source", policy.source},
                       {"content", core::CanonicalPolicyText(policy.policy)}});
}

void PolicyVersions(Call& call) {
  auto list = call.store.ListPolicies();
  if (!list.ok()) return WriteError(call.res, list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : list.value()) {
    items.push_back({{"version", p.version},
                     {"name", p.name},
                     {"content", p.content},
                     {"created_at", p.created_at}});
  }
  WriteJson(call.res, {{"items", items}, {"total", items.size()}});
}

nlohmann::json Parsed(const std::string& text) {
  if (text.empty()) return nullptr;
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? nlohmann::json(text) : value;
}

void Audit(Call& call) {
  std::int64_t offset = 0, limit = 50;
  if (!PageParams(call.req, offset, limit, call.res) ||
      !Require(call, core::GlobalAction::kReadAudit)) {
    return;
  }
  auto page = call.store.ListAudit(offset, limit);
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : page.value().items) {
    items.push_back({{"id", a.id},
                     {"at", a.at},
                     {"actor", a.actor},
                     {"origin", a.origin},
                     {"action", a.action},
                     {"entity", a.entity},
                     {"before", Parsed(a.before_json)},
                     {"after", Parsed(a.after_json)},
                     {"hash", a.hash}});
  }
  WriteJson(
      call.res,
      {{"items", items}, {"total", page.value().total}, {"offset", offset}, {"limit", limit}});
}

void AuditVerify(Call& call) {
  if (!Require(call, core::GlobalAction::kReadAudit)) return;
  auto verified = call.store.VerifyAudit();
  if (!verified.ok()) return WriteError(call.res, verified.error());
  const auto& v = verified.value();
  WriteJson(call.res,
            {{"ok", v.ok},
             {"entries", v.entries},
             {"first_bad_id", v.ok ? nlohmann::json(nullptr) : nlohmann::json(v.first_bad_id)},
             {"message", v.message}});
}

void Users(Call& call) {
  if (!Require(call, core::GlobalAction::kManageUsers)) return;
  auto users = call.store.ListUsers();
  if (!users.ok()) return WriteError(call.res, users.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : users.value()) {
    items.push_back({{"id", u.id},
                     {"name", u.name},
                     {"role", core::ToString(u.role)},
                     {"scope", u.scope},
                     {"created_at", u.created_at}});
  }
  WriteJson(call.res, {{"items", items}, {"total", items.size()}});
}

void Import(Call& call) {
  const std::string kind = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  app::ImportKind parsed;
  if (kind == "orgs") {
    parsed = app::ImportKind::kOrganizations;
  } else if (kind == "members") {
    parsed = app::ImportKind::kMembers;
  } else if (kind == "scores") {
    parsed = app::ImportKind::kScores;
  } else {
    return WriteError(call.res, 404, "not_found", "imports are orgs, members or scores", "kind");
  }
  if (!Require(call, core::GlobalAction::kImport)) return;
  if (!IsValidUtf8(call.req.body)) {
    return WriteError(call.res, 422, "invalid", "the CSV text is not UTF-8", "body");
  }
  auto outcome = app::ImportCsv(call.store, parsed, call.req.body, call.actor);
  if (!outcome.ok()) return WriteError(call.res, outcome.error());
  if (!outcome.value().errors.empty()) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : outcome.value().errors) {
      rows.push_back({{"line", e.line}, {"message", e.message}});
    }
    return WriteJson(call.res,
                     {{"error",
                       {{"code", "invalid"},
                        {"message", std::to_string(rows.size()) + " rows are invalid; nothing "
                                                                  "was imported"}}},
                      {"rows", rows}},
                     422);
  }
  WriteJson(call.res, {{"rows", outcome.value().rows},
                       {"inserted", outcome.value().written.inserted},
                       {"updated", outcome.value().written.updated}});
}

}  // namespace

void AddAdminRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/policy", "The active policy", true, Policy});
  routes.push_back({Method::kGet, "/api/v1/policy/versions", "Policies used by assessments", true,
                    PolicyVersions});
  routes.push_back({Method::kGet, "/api/v1/audit", "The audit log (admin, auditor)", true, Audit});
  routes.push_back(
      {Method::kGet, "/api/v1/audit/verify", "Check the audit hash chain", true, AuditVerify});
  routes.push_back({Method::kGet, "/api/v1/users", "Accounts (admin)", true, Users});
  routes.push_back({Method::kPost, "/api/v1/imports/{kind}",
                    "Import CSV text (kind: orgs, members, scores), all or none (admin)", true,
                    Import});
}

}  // namespace grassroots::http
