// GET /api/v1/ledger and GET /api/v1/exports/ledger/{year}.{format} (issue 12): a year's items in
// the caller's scope, filtered by state, unit, type, organization and overdue (in the county's
// calendar at the server's fixed clock), and the same rows read back from the .xlsx and CSV
// files. Items are written straight into the server's database (their own routes are another
// part's); year 2030, which the demo leaves empty.
#include <gtest/gtest.h>

#include <set>

#include "csv/csv_reader.h"
#include "exported_table.h"
#include "http_harness.h"

namespace grassroots::testing {
namespace {

// The county's 2031-02-01, half an hour after midnight (2031-01-31T16:30Z).
constexpr char kLedgerNow[] = "2031-02-01T00:30:00+08:00";

// A plan of `code` in 2030 with one item.
void AddItem(const std::string& code, const std::string& measure, const std::string& deadline,
             const std::string& state) {
  ExecuteSqlOnServer(
      "INSERT OR IGNORE INTO rectification_plans (year, org_code, created_at, created_by)"
      " VALUES (2030, '" +
      code +
      "', '2030-01-01T00:00:00Z', 'test');"
      "INSERT INTO rectification_problems (plan_id, dimension, description) SELECT id, 'venue',"
      " '场所' FROM rectification_plans WHERE year = 2030 AND org_code = '" +
      code +
      "';"
      "INSERT INTO rectification_items (plan_id, problem_id, year, org_code, measure,"
      " responsible, support_role, deadline, state, created_at, updated_at)"
      " SELECT p.id, (SELECT MAX(id) FROM rectification_problems), 2030, p.org_code, '" +
      measure + "', '负责人', 'supervisor', '" + deadline + "', '" + state +
      "', 'x', 'x' FROM rectification_plans p WHERE p.year = 2030 AND p.org_code = '" + code +
      "';");
}

Table FromLedgerCsv(const std::string& bytes) {
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF") << "a BOM, for Excel and WPS";
  const csv::Table table = csv::ParseCsv(bytes);
  EXPECT_TRUE(table.errors.empty());
  Table rows = {table.header};
  for (const auto& record : table.records) rows.push_back(record.fields);
  return rows;
}

std::vector<std::string> Measures(const nlohmann::json& body) {
  std::vector<std::string> out;
  for (const auto& item : body["items"]) out.push_back(item["measure"]);
  return out;
}

class HttpLedger : public ::testing::Test {
 protected:
  void SetUp() override {
    HttpServer::Get().Restart(kLedgerNow);
    // MH001-01: a village below MH001 (the unit_admin's), the secretary's, first secretary's and
    // leader's; MH002-02: a village below MH002; MH006-07: a community below MH006.
    AddItem("MH001-01", "甲-逾期", "2031-01-31", "open");
    AddItem("MH001-01", "乙-已销号", "2031-01-31", "closed");
    AddItem("MH001-01", "丙-今天到期", "2031-02-01", "in_progress");
    AddItem("MH002-02", "丁-待销号", "2030-12-31", "submitted");
    AddItem("MH006-07", "戊-未到期", "2031-06-30", "open");
  }
  static nlohmann::json List(Client& client, const std::string& query) {
    const Reply reply = client.Get("/api/v1/ledger?year=2030" + query);
    EXPECT_EQ(reply.status, 200) << query << reply.body;
    return reply.Json();
  }
  static Client As(const std::string& name) {
    Client client;
    EXPECT_EQ(client.LoginAs(name).status, 200);
    return client;
  }
};

TEST_F(HttpLedger, TheCountyLedgerListsEveryItemWithItsOverdueDays) {
  Client admin = As("admin");
  const nlohmann::json body = List(admin, "");
  EXPECT_EQ(body["total"], 5);
  EXPECT_EQ(Measures(body), (std::vector<std::string>{"甲-逾期", "乙-已销号", "丙-今天到期",
                                                      "丁-待销号", "戊-未到期"}));
  const nlohmann::json& first = body["items"][0];
  EXPECT_EQ(first["org_code"], "MH001-01");
  EXPECT_FALSE(first["org_name"].get<std::string>().empty());
  EXPECT_EQ(first["unit"], "default");
  EXPECT_EQ(first["type"], "village");
  EXPECT_EQ(first["dimension"], "venue");
  EXPECT_EQ(first["support_role"], "supervisor");
  EXPECT_EQ(first["deadline"], "2031-01-31");
  EXPECT_EQ(first["state"], "open");
  EXPECT_EQ(first["overdue_days"], 1);  // the county's 2031-02-01 has begun
  EXPECT_EQ(first["evidence_count"], 0);
  EXPECT_TRUE(first["item_id"].is_number() && first["plan_id"].is_number());
  EXPECT_EQ(body["items"][1]["overdue_days"], 0);  // closed
  EXPECT_EQ(body["items"][2]["overdue_days"], 0);  // due today
  EXPECT_EQ(body["items"][3]["overdue_days"], 32);
}

TEST_F(HttpLedger, FiltersByStateTypeUnitOrganizationAndOverdue) {
  Client admin = As("admin");
  EXPECT_EQ(Measures(List(admin, "&overdue=true")),
            (std::vector<std::string>{"甲-逾期", "丁-待销号"}));
  EXPECT_EQ(Measures(List(admin, "&state=open")),
            (std::vector<std::string>{"甲-逾期", "戊-未到期"}));
  EXPECT_EQ(Measures(List(admin, "&type=community")), (std::vector<std::string>{"戊-未到期"}));
  EXPECT_EQ(List(admin, "&unit=default")["total"], 5);
  EXPECT_EQ(List(admin, "&unit=elsewhere")["total"], 0);
  EXPECT_EQ(Measures(List(admin, "&org=MH002-02")), (std::vector<std::string>{"丁-待销号"}));
  EXPECT_EQ(Measures(List(admin, "&state=open&overdue=true&type=village")),
            (std::vector<std::string>{"甲-逾期"}));
  const nlohmann::json page = List(admin, "&limit=2&offset=2");
  EXPECT_EQ(page["total"], 5);
  EXPECT_EQ(Measures(page), (std::vector<std::string>{"丙-今天到期", "丁-待销号"}));
}

TEST_F(HttpLedger, EachRoleSeesItsScopeOnly) {
  const std::vector<std::string> own = {"甲-逾期", "乙-已销号", "丙-今天到期"};
  for (const char* name : {"unit_admin", "secretary", "leader"}) {
    Client client = As(name);
    EXPECT_EQ(Measures(List(client, "")), own) << name;
    EXPECT_EQ(List(client, "&org=MH002-02")["total"], 0) << name;
  }
  Client first_secretary = As("first_secretary");  // MH001-01 and MH002-01
  EXPECT_EQ(Measures(List(first_secretary, "")), own);
  Client auditor = As("auditor");
  EXPECT_EQ(List(auditor, "")["total"], 5);
}

TEST_F(HttpLedger, MalformedFiltersAreRefusedNamingTheParameter) {
  Client admin = As("admin");
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"/api/v1/ledger", "year"},
           {"/api/v1/ledger?year=abc", "year"},
           {"/api/v1/ledger?year=2030&state=done", "state"},
           {"/api/v1/ledger?year=2030&overdue=yes", "overdue"},
           {"/api/v1/ledger?year=2030&limit=0", "limit"},
           {"/api/v1/exports/ledger/2030.csv?state=done", "state"}}) {
    const Reply reply = admin.Get(query);
    EXPECT_EQ(reply.status, 422) << query << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << query;
  }
  EXPECT_EQ(admin.Get("/api/v1/exports/ledger/2030.pdf").status, 404);
}

TEST_F(HttpLedger, ExportsHoldTheListsRowsWithChineseHeadersAndDatesAsDates) {
  for (const char* name : {"admin", "unit_admin"}) {
    Client client = As(name);
    const nlohmann::json list = List(client, "&limit=1000");
    for (const char* format : {"xlsx", "csv"}) {
      const Reply reply = client.Get(std::string("/api/v1/exports/ledger/2030.") + format);
      ASSERT_EQ(reply.status, 200) << reply.body;
      EXPECT_FALSE(reply.Header("X-Audit-Head").empty());
      EXPECT_NE(reply.Header("Content-Disposition").find("filename*=UTF-8''2030"),
                std::string::npos);
      const Table table =
          std::string(format) == "xlsx" ? FromXlsx(reply.body) : FromLedgerCsv(reply.body);
      ASSERT_EQ(table.size(), list["items"].size() + 1) << name << format;
      EXPECT_EQ(table[0], (std::vector<std::string>{"组织代码", "组织名称", "考核单位", "类型",
                                                    "问题维度", "整改措施", "责任人", "包扶层级",
                                                    "完成时限", "状态", "逾期天数", "佐证材料"}));
      for (std::size_t i = 0; i < list["items"].size(); ++i) {
        const nlohmann::json& item = list["items"][i];
        const std::vector<std::string>& row = table[i + 1];
        EXPECT_EQ(row[0], item["org_code"]);
        EXPECT_EQ(row[1], item["org_name"]);
        EXPECT_EQ(row[2], item["unit"]);
        EXPECT_EQ(row[4], "活动场所");
        EXPECT_EQ(row[5], item["measure"]);
        EXPECT_EQ(row[6], item["responsible"]);
        EXPECT_EQ(row[7], "直属党委专人督办");
        EXPECT_EQ(row[8], item["deadline"]) << "a date cell reads back as the day";
        EXPECT_EQ(row[10], std::to_string(item["overdue_days"].get<int>()));
        EXPECT_EQ(row[11], "0");
      }
      EXPECT_EQ(table[1][3], "农村");
      EXPECT_EQ(table[1][9], "未启动");
    }
  }
  // The filters and scope apply to the file as to the list.
  Client admin = As("admin");
  const Table overdue =
      FromLedgerCsv(admin.Get("/api/v1/exports/ledger/2030.csv?overdue=true").body);
  ASSERT_EQ(overdue.size(), 3u);
  EXPECT_EQ(overdue[1][5], "甲-逾期");
  EXPECT_EQ(overdue[2][5], "丁-待销号");
}

}  // namespace
}  // namespace grassroots::testing
