// openapi.json, built from the route table the server registers.
#include <regex>

#include "http/errors.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

nlohmann::json Operation(const Route& route) {
  nlohmann::json op = {{"summary", route.summary},
                       {"responses",
                        {{"200", {{"description", "OK (JSON)"}}},
                         {"default", {{"description", "{\"error\": {code, message, field}}"}}}}}};
  nlohmann::json params = nlohmann::json::array();
  static const std::regex kParam(R"(\{([a-z_]+)\})");
  for (std::sregex_iterator it(route.path.begin(), route.path.end(), kParam), end; it != end;
       ++it) {
    params.push_back({{"name", (*it)[1].str()},
                      {"in", "path"},
                      {"required", true},
                      {"schema", {{"type", "string"}}}});
  }
  if (!params.empty()) op["parameters"] = params;
  if (!route.needs_session) op["security"] = nlohmann::json::array();
  return op;
}

nlohmann::json Document(const std::vector<Route>& routes) {
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : routes) paths[route.path][MethodName(route.method)] = Operation(route);
  paths["/healthz"]["get"] = {{"summary", "Liveness"},
                              {"security", nlohmann::json::array()},
                              {"responses", {{"200", {{"description", "{\"status\":\"ok\"}"}}}}}};
  return {
      {"openapi", "3.0.3"},
      {"info", {{"title", "Grassroots API"}, {"version", "1"}}},
      {"components",
       {{"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "grassroots_session"}}}}}}},
      {"security", {{{"session", nlohmann::json::array()}}}},
      {"paths", paths}};
}

}  // namespace

const char* MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "get";
    case Method::kPost:
      return "post";
    case Method::kPut:
      return "put";
    case Method::kDelete:
      return "delete";
  }
  return "get";
}

std::string PatternOf(const std::string& path) {
  std::string pattern;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      i = path.find('}', i);
      pattern += "([^/]+)";
    } else if (path[i] == '.') {
      pattern += "\\.";
    } else {
      pattern += path[i];
    }
  }
  return pattern;
}

void AddOpenApiRoute(std::vector<Route>& routes) {
  auto document = std::make_shared<nlohmann::json>();
  routes.push_back({Method::kGet, "/api/v1/openapi.json", "This document", false,
                    [document](Call& call) { WriteJson(call.res, *document); }});
  *document = Document(routes);
}

std::vector<Route> AllRoutes() {
  std::vector<Route> routes;
  AddSessionRoutes(routes);
  AddOrgRoutes(routes);
  AddLifecycleRoutes(routes);
  AddRosterRoutes(routes);
  AddScoreRoutes(routes);
  AddDashboardRoutes(routes);
  AddAssessmentRoutes(routes);
  AddWhatIfRoutes(routes);
  AddAdminRoutes(routes);
  AddAccountRoutes(routes);
  AddExportRoutes(routes);
  AddSupportRoutes(routes);
  AddLedgerRoutes(routes);
  AddRectificationRoutes(routes);
  AddAccountabilityRoutes(routes);
  AddSpotCheckRoutes(routes);
  AddReminderRoutes(routes);
  AddEscalationRoutes(routes);
  AddFirstSecretaryRoutes(routes);
  AddBulletinRoutes(routes);
  AddPartyLifeRoutes(routes);
  AddChecklistRoutes(routes);
  AddStandardsRoutes(routes);
  AddPairingRoutes(routes);
  AddPeopleRoutes(routes);
  AddOpenApiRoute(routes);
  return routes;
}

}  // namespace grassroots::http
