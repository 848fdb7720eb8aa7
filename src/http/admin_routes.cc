// Policy, audit log and CSV imports.
#include <charconv>

#include "app/audit_trail.h"
#include "app/import_file.h"
#include "app/stored_assessments.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/import_file_json.h"
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
  auto list = app::ListPolicies(call.store);
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

void ListAuditLog(Call& call) {
  std::int64_t offset = 0, limit = 50;
  if (!PageParams(call.req, offset, limit, call.res) ||
      !Require(call, core::GlobalAction::kReadAudit)) {
    return;
  }
  auto page = app::ListAudit(call.store, offset, limit);
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
                     {"changes", a.change_count},
                     {"hash", a.hash}});
  }
  WriteJson(
      call.res,
      {{"items", items}, {"total", page.value().total}, {"offset", offset}, {"limit", limit}});
}

nlohmann::json HeadJson(const storage::ChainHead& head) {
  return {{"id", head.id}, {"hash", head.hash}};
}

// The per-row change records of one entry (a bulk write or import), in order.
void AuditChanges(Call& call) {
  std::int64_t offset = 0, limit = 50;
  std::int64_t entry = 0;
  const std::string id = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), entry);
  if (ec != std::errc() || end != id.data() + id.size() || entry < 1) {
    return WriteError(call.res, 404, "not_found", "no audit entry with this id", "id");
  }
  if (!PageParams(call.req, offset, limit, call.res) ||
      !Require(call, core::GlobalAction::kReadAudit)) {
    return;
  }
  auto page = app::ListAuditChanges(call.store, entry, offset, limit);
  if (!page.ok()) return WriteError(call.res, page.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : page.value().items) {
    items.push_back(
        {{"entity", a.entity}, {"before", Parsed(a.before_json)}, {"after", Parsed(a.after_json)}});
  }
  WriteJson(call.res, {{"entry", entry},
                       {"items", items},
                       {"total", page.value().total},
                       {"offset", offset},
                       {"limit", limit}});
}

void AuditHead(Call& call) {
  if (!Require(call, core::GlobalAction::kReadAudit)) return;
  auto head = app::AuditHead(call.store);
  if (!head.ok()) return WriteError(call.res, head.error());
  WriteJson(call.res, HeadJson(head.value()));
}

// ?expect=ID:HASH also checks a head written down earlier.
void AuditVerify(Call& call) {
  std::optional<storage::ChainHead> expect;
  if (call.req.has_param("expect")) {
    expect = storage::ParseAuditHead(call.req.get_param_value("expect"));
    if (!expect) {
      return WriteError(call.res, 422, "invalid",
                        "expect must be ID:HASH (an entry id and its 64 hex digit hash)", "expect");
    }
  }
  if (!Require(call, core::GlobalAction::kReadAudit)) return;
  auto verified = app::VerifyAudit(call.store, expect);
  if (!verified.ok()) return WriteError(call.res, verified.error());
  const auto& v = verified.value();
  WriteJson(call.res,
            {{"ok", v.ok},
             {"entries", v.entries},
             {"first_bad_id", v.ok ? nlohmann::json(nullptr) : nlohmann::json(v.first_bad_id)},
             {"reason", v.ok ? nlohmann::json(nullptr) : nlohmann::json(v.reason)},
             {"params", ParamsJson(v.params)},
             {"message", v.message},
             {"head", HeadJson(v.head)},
             {"changes", v.changes},
             {"checkpoints", v.checkpoints},
             {"recorded_heads", v.recorded_heads},
             {"newest_recorded_head",
              v.newest_recorded ? HeadJson(*v.newest_recorded) : nlohmann::json(nullptr)}});
}

// ?dry_run=true checks the file exactly as the import would and writes nothing; with
// ?preview=N its answer holds the file's first N rows as read. The body is the file as it is:
// CSV in UTF-8 or GB18030, or an .xlsx workbook (app/import_file.h).
void ImportRecords(Call& call) {
  const std::string kind = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  const std::optional<app::ImportKind> parsed = app::ParseImportKind(kind);
  if (!parsed) {
    return WriteError(call.res, 404, "not_found", "imports are orgs, members or scores", "kind");
  }
  const std::string dry_run = call.req.get_param_value("dry_run");
  if (!dry_run.empty() && dry_run != "true" && dry_run != "false") {
    return WriteError(call.res, 422, "invalid", "dry_run must be true or false", "dry_run",
                      "not_a_boolean");
  }
  if (auto may = app::CheckMayImport(call.principal, *parsed); !may.ok()) {
    return WriteError(call.res, may.error());
  }
  std::size_t preview = 0;
  if (!PreviewParam(call.req, preview, call.res)) return;
  if (dry_run == "true") {
    auto checked = app::DryRunFile(call.store, *parsed, call.req.body, preview);
    if (!checked.ok()) return WriteError(call.res, checked.error());
    nlohmann::json body = {{"dry_run", true},
                           {"rows", checked.value().outcome.rows},
                           {"errors", RowErrorsJson(checked.value().outcome.errors)}};
    body.update(FileJson(checked.value()));
    if (preview > 0) body["preview"] = PreviewJson(checked.value().preview);
    return WriteJson(call.res, body);
  }
  auto file = app::ImportFile(call.store, *parsed, call.req.body, call.actor);
  if (!file.ok()) return WriteError(call.res, file.error());
  const app::ImportOutcome& outcome = file.value().outcome;
  if (!outcome.errors.empty()) return WriteRowErrors(call.res, outcome.errors);
  nlohmann::json body = {{"rows", outcome.rows},
                         {"inserted", outcome.written.inserted},
                         {"updated", outcome.written.updated},
                         {"unchanged", outcome.written.unchanged}};
  body.update(FileJson(file.value()));
  WriteJson(call.res, body);
}

}  // namespace

void AddAdminRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/policy", "The active policy", true, Policy});
  routes.push_back({Method::kGet, "/api/v1/policy/versions", "Policies used by assessments", true,
                    PolicyVersions});
  routes.push_back(
      {Method::kGet, "/api/v1/audit", "The audit log (admin, auditor)", true, ListAuditLog});
  routes.push_back({Method::kGet, "/api/v1/audit/verify",
                    "Check the audit trail: hash chain, change records, checkpoints, recorded "
                    "heads, and a head written down earlier (expect=ID:HASH)",
                    true, AuditVerify});
  routes.push_back({Method::kGet, "/api/v1/audit/head",
                    "The newest audit entry (id and hash), to write down", true, AuditHead});
  routes.push_back({Method::kGet, "/api/v1/audit/{id}/changes",
                    "What each row of a bulk write or import changed (offset, limit)", true,
                    AuditChanges});
  routes.push_back({Method::kPost, "/api/v1/imports/{kind}",
                    "Import a file (kind: orgs, members, scores; CSV in UTF-8 or GB18030, or "
                    ".xlsx), all or none (admin); dry_run, preview",
                    true, ImportRecords});
}

}  // namespace grassroots::http
