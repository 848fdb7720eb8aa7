// /bulletins: the quarterly bulletin (每季一通报, issue 13). GET /bulletins/{quarter} answers the
// bulletin of the county or of one direct organization (?unit; a unit admin its own only) as
// JSON, or as the file to download or print (?format=html|xlsx|pdf); POST .../issue stores a
// finished quarter's for good (admin); GET /bulletins lists the issued ones. What is read, counted
// and stored is app/bulletin_service.h's. A quarter that is not "YYYY-Qn" is 400 naming it.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/bulletin_service.h"
#include "core/periods.h"
#include "export/bulletin_json.h"
#include "http/errors.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

// The {quarter} of the path, checked: 400 naming "quarter" when it is not one.
std::optional<std::string> PathQuarter(Call& call) {
  const std::string text = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  auto quarter = core::ParseQuarter("quarter", text);
  if (!quarter.ok()) {
    const core::Error& e = quarter.error();
    WriteError(call.res, 400, "invalid", e.message, "quarter", e.reason, e.params);
    return std::nullopt;
  }
  return text;
}

app::BulletinQuery QueryOf(Call& call, const std::string& quarter) {
  return {quarter, call.req.has_param("unit") ? call.req.get_param_value("unit") : ""};
}

nlohmann::json Answer(const Call& call, const core::BulletinDocument& doc) {
  nlohmann::json out = exporting::BulletinJson(doc);
  out["can"] = {{"issue", core::MayIssueBulletin(call.principal) &&
                              doc.status == core::BulletinDocument::Status::kDraft}};
  return out;
}

constexpr const char* kTypes[][2] = {
    {"html", "text/html; charset=utf-8"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"pdf", "application/pdf"}};

// The bulletin as a file: written to a temporary path, read back, answered whole (a bulletin is
// a few pages; a province's a few megabytes).
void AnswerFile(Call& call, const core::BulletinDocument& doc, const std::string& format,
                const char* type) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return WriteError(call.res, 503, "unavailable", "no temporary folder for the bulletin");
  std::string path = (dir / "grassroots-bulletin-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return WriteError(call.res, 503, "unavailable", "cannot create the bulletin file");
  ::close(fd);
  core::Status written = app::WriteBulletin(doc, format, path);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    bytes = all.str();
  }
  std::filesystem::remove(path, ec);
  if (!written.ok()) return WriteError(call.res, written.error());
  const std::string name = app::BulletinFileStem(doc) + "." + format;
  call.res.set_header("Content-Disposition", (format == "html" ? "inline" : "attachment") +
                                                 std::string("; filename=\"") + name + "\"");
  call.res.set_content(std::move(bytes), type);
}

void Bulletin(Call& call) {
  auto quarter = PathQuarter(call);
  if (!quarter) return;
  const std::string format =
      call.req.has_param("format") ? call.req.get_param_value("format") : "json";
  const char* type = nullptr;
  for (const auto& [name, content_type] : kTypes) {
    if (format == name) type = content_type;
  }
  if (format != "json" && type == nullptr) {
    return WriteError(call.res, 400, "invalid", "format must be json, html, xlsx or pdf", "format",
                      "not_one_of", {{"allowed", "json, html, xlsx, pdf"}});
  }
  auto doc =
      app::ReadBulletin(call.store, call.principal, QueryOf(call, *quarter),
                        call.services.policy.policy.bulletin_office, core::DefaultClock().Now());
  if (!doc.ok()) return WriteError(call.res, doc.error());
  if (format == "json") return WriteJson(call.res, Answer(call, doc.value()));
  AnswerFile(call, doc.value(), format, type);
}

void Issue(Call& call) {
  auto quarter = PathQuarter(call);
  if (!quarter) return;
  auto doc = app::IssueBulletin(call.store, call.principal, QueryOf(call, *quarter),
                                call.services.policy.policy.bulletin_office, call.actor,
                                core::DefaultClock().Now());
  if (!doc.ok()) return WriteError(call.res, doc.error());
  WriteJson(call.res, Answer(call, doc.value()), 201);
}

void ListBulletins(Call& call) {
  auto listed = app::ListBulletins(call.store, call.principal);
  if (!listed.ok()) return WriteError(call.res, listed.error());
  nlohmann::json items = nlohmann::json::array();
  for (const storage::IssuedBulletin& b : listed.value()) {
    items.push_back({{"quarter", b.quarter},
                     {"unit", b.unit_code},
                     {"year", b.year},
                     {"number", b.number},
                     {"issued_by", b.issued_by},
                     {"issued_at", b.issued_at},
                     {"audit_head", b.audit_head}});
  }
  WriteJson(call.res, {{"items", std::move(items)}});
}

}  // namespace

void AddBulletinRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/bulletins",
                    "The issued quarterly bulletins the caller may read, newest quarter first "
                    "(admin, auditor; a unit admin the county's and its own)",
                    true, ListBulletins});
  routes.push_back({Method::kGet, "/api/v1/bulletins/{quarter}",
                    "A quarter's bulletin (quarter YYYY-Qn; unit: a direct organization, a unit "
                    "admin's own by default; format json, html, xlsx or pdf): per unit items "
                    "closed, open and overdue, the ranking by progress, overdue items, spot-check "
                    "findings. An issued quarter answers its stored figures; otherwise a draft "
                    "(finished) or preview (running), counted now and not stored",
                    true, Bulletin});
  routes.push_back({Method::kPost, "/api/v1/bulletins/{quarter}/issue",
                    "Issue a finished quarter's bulletin (?unit for one direct organization): "
                    "its figures are stored and answered from then on (admin)",
                    true, Issue});
}

}  // namespace grassroots::http
