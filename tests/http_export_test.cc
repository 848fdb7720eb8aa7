// GET /api/v1/exports/...: every list, whole, as .xlsx and CSV. Each file is read back (the
// workbook with csv/xlsx_reader, the CSV with csv/csv_reader) and compared cell by cell with
// what the list API answers the same account, so an export holds the list's rows and scope.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "csv/csv_reader.h"
#include "exported_table.h"
#include "http_harness.h"

namespace grassroots::testing {
namespace {

Table FromCsv(const std::string& bytes) {
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF") << "a BOM, for Excel";
  EXPECT_NE(bytes.find("\r\n"), std::string::npos);
  const csv::Table table = csv::ParseCsv(bytes);
  EXPECT_TRUE(table.errors.empty()) << table.errors.front().message;
  Table rows = {table.header};
  for (const auto& record : table.records) rows.push_back(record.fields);
  return rows;
}

class HttpExport : public ::testing::Test {
 protected:
  // Every item of a paged list route.
  static nlohmann::json All(Client& client, const std::string& path) {
    nlohmann::json items = nlohmann::json::array();
    const char* join = path.find('?') == std::string::npos ? "?" : "&";
    for (int offset = 0;; offset += 1000) {
      const Reply reply = client.Get(path + join + "limit=1000&offset=" + std::to_string(offset));
      EXPECT_EQ(reply.status, 200) << path << reply.body;
      const nlohmann::json body = reply.Json();
      for (const auto& item : body["items"]) items.push_back(item);
      if (body["items"].size() < 1000) return items;
    }
  }
  static Table Export(Client& client, const std::string& path) {
    const Reply reply = client.Get(path);
    EXPECT_EQ(reply.status, 200) << path << reply.body;
    if (path.find(".xlsx") != std::string::npos) {
      EXPECT_EQ(reply.Header("Content-Type"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      return FromXlsx(reply.body);
    }
    EXPECT_EQ(reply.Header("Content-Type"), "text/csv; charset=utf-8");
    return FromCsv(reply.body);
  }
  static std::string Text(const nlohmann::json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "是" : "否";
    return value.dump();
  }
  static const std::map<std::string, std::string>& TypeLabels() {
    static const std::map<std::string, std::string> labels = {
        {"village", "农村"},       {"community", "社区"}, {"soe", "国有企业"},
        {"nonpublic", "非公企业"}, {"agency", "机关"},    {"institution", "事业单位"}};
    return labels;
  }

  void ExpectOrganizationsMatch(Client& client, const std::string& format) {
    const nlohmann::json list = All(client, "/api/v1/organizations");
    const Table table = Export(client, "/api/v1/exports/organizations." + format);
    ASSERT_EQ(table.size(), list.size() + 1);
    EXPECT_EQ(table[0], (std::vector<std::string>{"代码", "名称", "类型", "组织类别", "上级党组织",
                                                  "书记", "考核单位"}));
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& org = list[i];
      const auto& row = table[i + 1];
      EXPECT_EQ(row[0], Text(org["code"]));
      EXPECT_EQ(row[1], Text(org["name"]));
      EXPECT_EQ(row[2], TypeLabels().at(Text(org["type"])));
      EXPECT_EQ(row[4], Text(org["parent"]));
      EXPECT_EQ(row[5], Text(org["secretary"]));
      EXPECT_EQ(row[6], Text(org["unit"]));
    }
  }
};

TEST_F(HttpExport, OrganizationsAsXlsxAndCsvHoldTheListsRows) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  ExpectOrganizationsMatch(admin, "xlsx");
  ExpectOrganizationsMatch(admin, "csv");
}

TEST_F(HttpExport, AUnitAdminsExportHoldsOnlyItsScope) {
  Client admin, unit;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  ExpectOrganizationsMatch(unit, "xlsx");
  const Table everything = Export(admin, "/api/v1/exports/organizations.csv");
  const Table mine = Export(unit, "/api/v1/exports/organizations.csv");
  EXPECT_GT(mine.size(), 2u);
  EXPECT_LT(mine.size(), everything.size());
  // Its direct organization and the rest under it: every row's parent is in the file too.
  std::set<std::string> codes;
  for (std::size_t i = 1; i < mine.size(); ++i) codes.insert(mine[i][0]);
  int tops = 0;
  for (std::size_t i = 1; i < mine.size(); ++i) {
    if (!codes.count(mine[i][4])) ++tops;
  }
  EXPECT_EQ(tops, 1);
  const Table assessed = Export(unit, "/api/v1/exports/assessments/2016.xlsx");
  for (std::size_t i = 1; i < assessed.size(); ++i) EXPECT_TRUE(codes.count(assessed[i][0]));
}

TEST_F(HttpExport, TheAssessmentOfAYearHoldsTheListsRowsAndFilters) {
  Client leader;
  ASSERT_EQ(leader.LoginAs("admin").status, 200);
  for (const std::string query : {"", "?selected=true", "?type=village&grade=C"}) {
    const nlohmann::json list = All(leader, "/api/v1/assessments/2016" + query);
    const Table table = Export(leader, "/api/v1/exports/assessments/2016.xlsx" + query);
    ASSERT_EQ(table.size(), list.size() + 1) << query;
    EXPECT_EQ(table[0][4], "综合得分");
    EXPECT_EQ(table[0][6], "倒序名次");
    EXPECT_EQ(table[0][7], "列为整顿对象");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& item = list[i];
      const auto& row = table[i + 1];
      EXPECT_EQ(row[0], Text(item["code"]));
      EXPECT_FALSE(row[1].empty()) << "the name of " << row[0];
      EXPECT_EQ(row[3], Text(item["unit"]));
      if (item["score"].is_null()) {
        EXPECT_EQ(row[4], "");
      } else {
        EXPECT_DOUBLE_EQ(std::stod(row[4]), item["score"].get<double>());
      }
      EXPECT_EQ(row[5], Text(item["grade"]));
      EXPECT_EQ(row[6], Text(item["rank"]));
      EXPECT_EQ(row[7], Text(item["selected"]));
      EXPECT_EQ(row[9], Text(item["consecutive"]));
    }
  }
  EXPECT_EQ(leader.Get("/api/v1/exports/assessments/1999.xlsx").status, 404);
  EXPECT_EQ(leader.Get("/api/v1/exports/assessments/2016.pdf").status, 404);
  EXPECT_EQ(leader.Get("/api/v1/exports/assessments/2016.csv?grade=E").status, 422);
}

// The audit head the list was read at travels with every export, so a file can later be
// checked against the chain (audit verify --expect).
TEST_F(HttpExport, EveryExportCarriesTheAuditHeadItWasReadAt) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json head = admin.Get("/api/v1/audit/head").Json();
  const std::string expected =
      std::to_string(head["id"].get<std::int64_t>()) + ":" + head["hash"].get<std::string>();
  for (const std::string path : {"organizations.csv", "organizations.xlsx", "scores/2016.xlsx",
                                 "assessments/2016.csv", "audit.xlsx"}) {
    const Reply file = admin.Get("/api/v1/exports/" + path);
    ASSERT_EQ(file.status, 200) << path;
    EXPECT_EQ(file.Header("X-Audit-Head"), expected) << path;
  }
  const Reply verified = admin.Get("/api/v1/audit/verify?expect=" + expected);
  EXPECT_EQ(verified.status, 200) << verified.body;
}

TEST_F(HttpExport, ScoresReadBackAsAnImportOfTheSameScores) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json list = All(admin, "/api/v1/scores?year=2016");
  const Reply csv = admin.Get("/api/v1/exports/scores/2016.csv");
  ASSERT_EQ(csv.status, 200);
  const Table table = FromCsv(csv.body);
  ASSERT_EQ(table.size(), list.size() + 1);
  EXPECT_EQ(table[0][3], "班子配备");
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(table[i + 1][0], Text(list[i]["code"]));
    EXPECT_DOUBLE_EQ(std::stod(table[i + 1][3]), list[i]["team"].get<double>());
    EXPECT_EQ(table[i + 1][9], Text(list[i]["grade"]));
  }
  for (const std::string format : {"csv", "xlsx"}) {
    const Reply file = admin.Get("/api/v1/exports/scores/2016." + format);
    const Reply dry =
        admin.Send("POST", "/api/v1/imports/scores?dry_run=true", file.body, true, "text/csv");
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_TRUE(dry.Json()["errors"].empty()) << format << dry.Json()["errors"].dump();
    EXPECT_EQ(dry.Json()["rows"], list.size());
  }
}

TEST_F(HttpExport, OrganizationsReadBackAsAnImport) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply file = admin.Get("/api/v1/exports/organizations.xlsx");
  const Reply dry =
      admin.Send("POST", "/api/v1/imports/orgs?dry_run=true", file.body, true, "text/csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.Json()["errors"].empty()) << dry.Json()["errors"].dump();
}

TEST_F(HttpExport, TheAuditLogIsForAdminAndAuditorNewestFirst) {
  Client auditor, unit;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  EXPECT_EQ(unit.Get("/api/v1/exports/audit.xlsx").status, 403);
  const Table table = Export(auditor, "/api/v1/exports/audit.csv");
  const nlohmann::json list = All(auditor, "/api/v1/audit");  // may have grown since
  ASSERT_GT(table.size(), 1u);
  EXPECT_EQ(table[0][1], "时间（北京时间）");
  const std::size_t newer = list.size() - (table.size() - 1);
  for (std::size_t i = 1; i < table.size(); ++i) {
    const auto& entry = list[newer + i - 1];
    EXPECT_EQ(table[i][0], std::to_string(entry["id"].get<long>()));
    EXPECT_EQ(table[i][4], Text(entry["action"]));
    EXPECT_EQ(table[i][8], Text(entry["hash"]));
    EXPECT_EQ(table[i][1].size(), 19u) << table[i][1];  // 2016-05-01 12:00:00
  }
}

TEST_F(HttpExport, TheFileNameIsChineseWithAnAsciiFallback) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Reply reply = admin.Get("/api/v1/exports/scores/2016.xlsx");
  ASSERT_EQ(reply.status, 200);
  // On the wire: filename*=UTF-8''2016%E5%B9%B4%E8%AF%84%E5%88%86.xlsx. httplib's client
  // percent-decodes header values as it reads them; the browser test checks the name a browser
  // gives the download.
  EXPECT_EQ(reply.Header("Content-Disposition"),
            "attachment; filename=\"scores-2016.xlsx\"; filename*=UTF-8''2016年评分.xlsx");
  const Reply openapi = admin.Get("/api/v1/openapi.json");
  EXPECT_NE(openapi.body.find("/api/v1/exports/assessments/{year}.{format}"), std::string::npos);
  EXPECT_EQ(Client().Get("/api/v1/exports/organizations.csv").status, 401);
}

}  // namespace
}  // namespace grassroots::testing
