// What the work pages read over HTTP, each a page at a time with everything a row shows: the
// score sheet of a year (every organization it ranks, scored or not, with its name), and a
// year's results in ranking order with names, the groups' quota arithmetic and, for those who
// may read them, the committee's hand decisions.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

// Position of a type in core::kAllOrgTypes order.
int TypeRank(const std::string& type) {
  const std::vector<std::string> order = {"village",   "community", "soe",
                                          "nonpublic", "agency",    "institution"};
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i] == type) return static_cast<int>(i);
  }
  return static_cast<int>(order.size());
}

// code -> name of every organization the client sees.
std::map<std::string, std::string> Names(Client& client) {
  std::map<std::string, std::string> names;
  const nlohmann::json list = client.Get("/api/v1/organizations?limit=1000").Json();
  for (const auto& org : list["items"]) names[org["code"]] = org["name"];
  return names;
}

TEST(HttpWorkPages, TheScoreSheetNamesEveryOrganizationOfTheYearScoredOrNot) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const std::map<std::string, std::string> names = Names(admin);
  // 2031 has no scores: every organization is on its sheet, unscored.
  nlohmann::json sheet = admin.Get("/api/v1/scores?year=2031&scored=all&limit=1000").Json();
  ASSERT_EQ(sheet["total"], names.size()) << sheet.dump().substr(0, 300);
  std::string previous;
  for (const auto& row : sheet["items"]) {
    EXPECT_FALSE(row["scored"].get<bool>());
    EXPECT_TRUE(row["team"].is_null());
    EXPECT_EQ(row["name"], names.at(row["code"]));
    EXPECT_LT(previous, row["code"].get<std::string>());  // in code order
    previous = row["code"];
  }
  EXPECT_EQ(admin.Get("/api/v1/scores?year=2031").Json()["total"], 0);

  ASSERT_EQ(
      admin
          .Send("PUT", "/api/v1/scores/MH001/2031",
                R"({"team":60,"leader":61,"venue":62,"routine":63,"service":64,"members":65})")
          .status,
      201);
  sheet = admin.Get("/api/v1/scores?year=2031").Json();
  ASSERT_EQ(sheet["total"], 1);
  EXPECT_EQ(sheet["items"][0]["name"], names.at("MH001"));
  EXPECT_EQ(sheet["items"][0]["team"], 60);
  EXPECT_TRUE(sheet["items"][0]["scored"].get<bool>());
  EXPECT_EQ(admin.Get("/api/v1/scores?year=2031&scored=false&limit=1").Json()["total"],
            names.size() - 1);
  // The organization list's filters.
  EXPECT_EQ(admin.Get("/api/v1/scores?year=2031&scored=all&direct=true&limit=1").Json()["total"],
            admin.Get("/api/v1/organizations?direct=true&limit=1").Json()["total"]);
  EXPECT_EQ(admin.Get("/api/v1/scores?year=2031&scored=all&parent=MH001&limit=1").Json()["total"],
            admin.Get("/api/v1/organizations?parent=MH001&limit=1").Json()["total"]);

  const Reply bad = admin.Get("/api/v1/scores?year=2031&scored=maybe");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Json()["error"]["reason"], "unknown_value");
  EXPECT_EQ(bad.Json()["error"]["field"], "scored");
  EXPECT_EQ(admin.Get("/api/v1/scores?year=2031&direct=yes").Json()["error"]["reason"],
            "not_a_boolean");
}

TEST(HttpWorkPages, AUnitAdminsScoreSheetHoldsItsScopeOnly) {
  Client unit;
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  const std::map<std::string, std::string> names = Names(unit);
  const nlohmann::json sheet = unit.Get("/api/v1/scores?year=2016&scored=all&limit=1000").Json();
  ASSERT_EQ(sheet["total"], names.size());
  for (const auto& row : sheet["items"]) EXPECT_TRUE(names.contains(row["code"])) << row.dump();
}

TEST(HttpWorkPages, RankedResultsComeGroupByGroupWithTheirQuotaArithmetic) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const std::map<std::string, std::string> names = Names(admin);
  const nlohmann::json ranked = admin.Get("/api/v1/assessments/2016?order=rank&limit=1000").Json();
  const nlohmann::json& rows = ranked["items"];
  ASSERT_EQ(rows.size(), names.size());
  // Group by group (unit, then type in the engine's order), lowest first, the unscored last.
  std::vector<std::pair<std::string, std::string>> runs;
  std::map<std::pair<std::string, std::string>, int> selected;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    EXPECT_EQ(row["name"], names.at(row["code"]));
    const std::pair<std::string, std::string> group{row["unit"], row["type"]};
    if (runs.empty() || runs.back() != group) {
      for (const auto& seen : runs) ASSERT_NE(seen, group) << "group split: " << row.dump();
      if (!runs.empty() && runs.back().first == group.first) {
        EXPECT_LT(TypeRank(runs.back().second), TypeRank(group.second));
      }
      runs.push_back(group);
    } else {
      const auto& before = rows[i - 1];
      if (row["score"].is_null()) continue;
      ASSERT_FALSE(before["score"].is_null()) << "unscored before scored: " << row.dump();
      EXPECT_LE(before["score"].get<double>(), row["score"].get<double>());
    }
    if (row["selected"].get<bool>()) ++selected[group];
  }
  // One quota group per run, as the summary stores it, with the selected of the group.
  const nlohmann::json summary = admin.Get("/api/v1/assessments/2016/summary").Json();
  ASSERT_EQ(ranked["groups"].size(), runs.size());
  for (std::size_t g = 0; g < runs.size(); ++g) {
    const auto& group = ranked["groups"][g];
    EXPECT_EQ(group["unit"], runs[g].first);
    EXPECT_EQ(group["type"], runs[g].second);
    EXPECT_EQ(group["selected"], selected[runs[g]]) << group.dump();
    bool found = false;
    for (const auto& stored : summary["quotas"]) {
      if (stored["unit"] != group["unit"] || stored["type"] != group["type"]) continue;
      found = true;
      for (const char* key : {"count", "ratio_ppm", "quota", "cut_score", "taken"}) {
        EXPECT_EQ(group[key], stored[key]) << key << " of " << group.dump();
      }
    }
    EXPECT_TRUE(found) << group.dump();
  }
  // A page is a slice of the ranking, with only its own groups.
  const nlohmann::json page =
      admin.Get("/api/v1/assessments/2016?order=rank&offset=10&limit=7").Json();
  ASSERT_EQ(page["items"].size(), 7u);
  for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(page["items"][i]["code"], rows[10 + i]["code"]);
  EXPECT_EQ(page["groups"][0]["type"], page["items"][0]["type"]);
  EXPECT_FALSE(admin.Get("/api/v1/assessments/2016?limit=1").Json().contains("groups"));

  const Reply bad = admin.Get("/api/v1/assessments/2016?order=score");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Json()["error"]["reason"], "unknown_value");
}

TEST(HttpWorkPages, HandDecisionsComeWithTheRowsOnlyForThoseWhoMayReadThem) {
  Client admin, unit, auditor;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  ASSERT_EQ(admin
                .Send("PUT", "/api/v1/assessments/2016/manual/MH001-01",
                      R"({"include":true,"reason":"群众反映强烈"})")
                .status,
            200);
  const std::string path = "/api/v1/assessments/2016?q=MH001-01&limit=1";
  for (Client* reader : {&admin, &auditor}) {
    const nlohmann::json row = reader->Get(path).Json()["items"][0];
    ASSERT_TRUE(row["manual"].is_object()) << row.dump();
    EXPECT_TRUE(row["manual"]["include"].get<bool>());
    EXPECT_EQ(row["manual"]["reason"], "群众反映强烈");
    EXPECT_EQ(row["manual"]["decided_by"], "admin");
  }
  const nlohmann::json other = admin.Get("/api/v1/assessments/2016?q=MH002&limit=1").Json();
  EXPECT_TRUE(other["items"][0]["manual"].is_null()) << other.dump();
  const nlohmann::json own = unit.Get(path).Json()["items"][0];
  EXPECT_EQ(own["code"], "MH001-01");
  EXPECT_FALSE(own.contains("manual")) << own.dump();
}

// The organization page's history in one request: each assessed year's stored row, as the
// year's list holds it, with its group's stored arithmetic, newest first.
TEST(HttpWorkPages, AnOrganizationsHistoryComesFromTheStoredResults) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const std::string code = "MH001-01";
  const Reply reply = admin.Get("/api/v1/organizations/" + code + "/results");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json items = reply.Json()["items"];
  std::vector<int> assessed;
  const nlohmann::json years = admin.Get("/api/v1/assessments").Json();
  for (const auto& year : years["items"]) assessed.push_back(year["year"].get<int>());
  std::sort(assessed.rbegin(), assessed.rend());
  ASSERT_EQ(items.size(), assessed.size()) << reply.body;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const nlohmann::json& item = items[i];
    ASSERT_EQ(item["year"], assessed[i]);
    const std::string path = "/api/v1/assessments/" + std::to_string(assessed[i]);
    const nlohmann::json row = admin.Get(path + "?q=" + code + "&limit=1").Json()["items"][0];
    for (const char* key :
         {"type", "unit", "score", "grade", "rank", "selected", "reasons", "consecutive"}) {
      EXPECT_EQ(item[key], row[key]) << key << " in " << item.dump();
    }
    const nlohmann::json summary = admin.Get(path + "/summary").Json();
    bool found = false;
    for (const auto& group : summary["quotas"]) {
      if (group["unit"] != item["unit"] || group["type"] != item["type"]) continue;
      found = true;
      for (const char* key : {"count", "ratio_ppm", "quota", "cut_score", "taken"}) {
        EXPECT_EQ(item["group"][key], group[key]) << key;
      }
    }
    EXPECT_TRUE(found) << item.dump();
  }
  // Out of scope answers as an unknown organization does.
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  EXPECT_EQ(secretary.Get("/api/v1/organizations/MH002/results").status, 404);
  EXPECT_EQ(admin.Get("/api/v1/organizations/NO-SUCH/results").status, 404);
}

}  // namespace
}  // namespace grassroots::testing
