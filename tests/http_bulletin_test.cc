// /api/v1/bulletins (issue 13, 每季一通报): a quarter's bulletin per direct organization, counted
// here again from the same fixture without the server's code (closed, open, due and overdue at
// the quarter's end, the ranking by progress), read back from the .xlsx cell by cell and from
// the HTML; an issued bulletin answers what was stored, whatever happens to the items later;
// scope refusals reveal nothing; a bad quarter is 400 naming it. Items are written straight into
// the server's database for year 2030, which the demo leaves empty.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include "csv/xlsx_reader.h"
#include "exported_table.h"
#include "http_harness.h"

namespace grassroots::testing {
namespace {

// The county's 2031-02-01: 2030's quarters are finished, 2031-Q1 is running.
constexpr char kBulletinNow[] = "2031-02-01T00:30:00+08:00";

struct Row {
  std::string unit, org, measure, deadline, closed_on;  // closed_on "" while not closed
};

// MH001-01 lies below MH001 (the unit_admin's), MH002-02 below MH002, MH006-07 below MH006.
const std::vector<Row> kRows = {
    {"MH001", "MH001-01", "甲-季内销号", "2030-04-30", "2030-04-20"},
    {"MH001", "MH001-01", "乙-末日到期", "2030-06-30", ""},
    {"MH001", "MH001-01", "丙-季后销号", "2030-05-15", "2030-07-10"},
    {"MH001", "MH001-01", "丁-未到期", "2030-09-30", ""},
    {"MH002", "MH002-02", "戊-季前销号", "2030-03-31", "2030-03-01"},
    {"MH002", "MH002-02", "己-按期销号", "2030-06-01", "2030-06-01"},
    {"MH006", "MH006-07", "庚-逾期", "2030-06-10", ""},
};

void Insert(const Row& row) {
  const std::string closed = row.closed_on.empty() ? "NULL" : "'" + row.closed_on + "'";
  ExecuteSqlOnServer(
      "INSERT OR IGNORE INTO rectification_plans (year, org_code, created_at, created_by)"
      " VALUES (2030, '" +
      row.org +
      "', '2030-01-01T00:00:00Z', 'test');"
      "INSERT INTO rectification_items (plan_id, year, org_code, measure, responsible, deadline,"
      " state, closed_on, created_at, updated_at) SELECT id, 2030, org_code, '" +
      row.measure + "', '责任人" + row.measure.substr(0, 3) + "', '" + row.deadline + "', '" +
      (row.closed_on.empty() ? "open" : "closed") + "', " + closed +
      ", 'x', 'x' FROM rectification_plans WHERE year = 2030 AND org_code = '" + row.org + "';");
}

int DaysBetween(const std::string& from, const std::string& to) {
  auto day = [](const std::string& iso) {
    using namespace std::chrono;
    return sys_days(
        year_month_day(year(std::stoi(iso.substr(0, 4))),
                       month(static_cast<unsigned>(std::stoi(iso.substr(5, 2)))),
                       std::chrono::day(static_cast<unsigned>(std::stoi(iso.substr(8, 2))))));
  };
  return static_cast<int>((day(to) - day(from)).count());
}

// The expected figures of one unit, counted as docs/bulletin.md defines them, at the end of
// 2030-06-30.
struct Expected {
  int items = 0, closed_in_quarter = 0, closed = 0, open = 0, due = 0, due_closed = 0, overdue = 0;
  std::optional<int> rank;
};

constexpr char kEnd[] = "2030-06-30";

std::map<std::string, Expected> Count(const std::vector<Row>& rows) {
  std::map<std::string, Expected> units;
  for (const Row& r : rows) {
    Expected& e = units[r.unit];
    const bool closed = !r.closed_on.empty() && r.closed_on <= kEnd;
    const bool due = r.deadline <= kEnd;
    ++e.items;
    e.closed += closed;
    e.closed_in_quarter += closed && r.closed_on >= "2030-04-01";
    e.open += !closed;
    e.due += due;
    e.due_closed += due && closed;
    e.overdue += due && !closed;
  }
  // Rank: by due_closed/due, highest first; equal rates share a rank.
  for (auto& [code, e] : units) {
    if (e.due == 0) continue;
    int ahead = 0;
    for (const auto& [other, o] : units) {
      if (o.due > 0 && o.due_closed * e.due > e.due_closed * o.due) ++ahead;
    }
    e.rank = ahead + 1;
  }
  return units;
}

class HttpBulletin : public ::testing::Test {
 protected:
  void SetUp() override {
    HttpServer::Get().Restart(kBulletinNow);
    for (const Row& row : kRows) Insert(row);
  }
  // The issued quarters of 2030 and 2031 (the demo issues its own year's).
  static std::vector<std::string> Issued(Client& client) {
    std::vector<std::string> out;
    const nlohmann::json listed = client.Get("/api/v1/bulletins").Json();
    for (const nlohmann::json& b : listed["items"]) {
      const std::string quarter = b["quarter"];
      if (quarter.starts_with("203")) out.push_back(quarter);
    }
    return out;
  }
  static Client As(const std::string& name) {
    Client client;
    EXPECT_EQ(client.LoginAs(name).status, 200);
    return client;
  }
};

TEST_F(HttpBulletin, FiguresAgreeWithAnIndependentCountOfTheSameItems) {
  Client admin = As("admin");
  const Reply reply = admin.Get("/api/v1/bulletins/2030-Q2");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json body = reply.Json();
  EXPECT_EQ(body["status"], "draft");  // finished, not issued
  EXPECT_EQ(body["as_of"], kEnd);
  EXPECT_EQ(body["can"]["issue"], true);
  const std::map<std::string, Expected> expected = Count(kRows);
  ASSERT_EQ(body["units"].size(), expected.size());
  std::vector<std::string> order;
  for (const nlohmann::json& u : body["units"]) {
    const Expected& e = expected.at(u["unit"]);
    order.push_back(u["unit"]);
    EXPECT_EQ(u["items"], e.items) << u["unit"];
    EXPECT_EQ(u["closed_in_quarter"], e.closed_in_quarter) << u["unit"];
    EXPECT_EQ(u["closed"], e.closed) << u["unit"];
    EXPECT_EQ(u["open"], e.open) << u["unit"];
    EXPECT_EQ(u["due"], e.due) << u["unit"];
    EXPECT_EQ(u["overdue"], e.overdue) << u["unit"];
    EXPECT_EQ(u["rank"], *e.rank) << u["unit"];
    EXPECT_NEAR(u["progress"].get<double>(), double(e.due_closed) / e.due, 1e-4);
    EXPECT_FALSE(u["unit_name"].get<std::string>().empty());
  }
  EXPECT_EQ(order, (std::vector<std::string>{"MH002", "MH001", "MH006"}));
  // Overdue at the quarter's end: named with organization, measure, responsible, deadline, days.
  std::vector<std::pair<std::string, int>> overdue;
  for (const nlohmann::json& o : body["overdue"]) {
    overdue.emplace_back(o["measure"], o["overdue_days"]);
    EXPECT_FALSE(o["responsible"].get<std::string>().empty());
    EXPECT_FALSE(o["org_name"].get<std::string>().empty());
  }
  std::vector<std::pair<std::string, int>> want;
  for (const Row& r : kRows) {
    const bool closed = !r.closed_on.empty() && r.closed_on <= kEnd;
    if (r.deadline <= kEnd && !closed) {
      want.emplace_back(r.measure, DaysBetween(r.deadline, "2030-07-01"));
    }
  }
  std::sort(want.begin(), want.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  EXPECT_EQ(overdue, want);
  EXPECT_TRUE(body["findings"].is_array());
}

Table Sheet(const std::string& bytes, int index) {
  Table rows;
  auto sheet =
      csv::ReadSheet(bytes, index, [&](const csv::SheetRow& row) { rows.push_back(row.cells); });
  EXPECT_TRUE(sheet.ok()) << (sheet.ok() ? "" : sheet.error().message);
  return rows;
}

// The quarter's spot-check findings (每月一抽查 feeds 每季一通报): the demo issued 2016-Q2 after
// drawing the months of 2016 and recording findings; the bulletin lists exactly those checked
// from April to June, each with its outcome.
TEST_F(HttpBulletin, TheQuartersSpotCheckFindingsAreListed) {
  Client admin = As("admin");
  std::multiset<std::string> want;
  for (const char* month : {"2016-03", "2016-04", "2016-05", "2016-06"}) {
    const nlohmann::json listed =
        admin.Get(std::string("/api/v1/spot-checks/") + month + "/findings").Json();
    for (const nlohmann::json& f : listed["items"]) {
      const std::string day = f["checked_on"];
      if (day < "2016-04-01" || day > "2016-06-30") continue;
      want.insert(f["org_code"].get<std::string>() + " " + day + " " +
                  (f["outcome"] == "problem_found" ? "problem" : "fine"));
    }
  }
  ASSERT_FALSE(want.empty()) << "the demo records findings in 2016-Q2";
  const nlohmann::json body = admin.Get("/api/v1/bulletins/2016-Q2").Json();
  std::multiset<std::string> listed;
  for (const nlohmann::json& f : body["findings"]) {
    listed.insert(f["org_code"].get<std::string>() + " " + f["on"].get<std::string>() + " " +
                  (f["problem"].get<bool>() ? "problem" : "fine"));
  }
  EXPECT_EQ(listed, want) << body["findings"].dump();
}

TEST_F(HttpBulletin, TheWorkbookHasASheetPerSectionThatReadsBackCellByCell) {
  Client admin = As("admin");
  const nlohmann::json body = admin.Get("/api/v1/bulletins/2030-Q2").Json();
  const Reply file = admin.Get("/api/v1/bulletins/2030-Q2?format=xlsx");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_NE(file.Header("Content-Type").find("spreadsheetml"), std::string::npos);
  const Table units = Sheet(file.body, 1);
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[0], (std::vector<std::string>{"排名", "单位代码", "单位", "事项总数",
                                                "本季度销号", "累计销号", "未销号", "到期事项",
                                                "到期已销号", "逾期事项", "整改进度(%)"}));
  const std::map<std::string, Expected> expected = Count(kRows);
  for (std::size_t i = 1; i < units.size(); ++i) {
    const std::vector<std::string>& row = units[i];
    ASSERT_EQ(row.size(), 11u);
    const Expected& e = expected.at(row[1]);
    EXPECT_EQ(row[0], std::to_string(*e.rank));
    EXPECT_EQ(row[2], body["units"][i - 1]["unit_name"]);
    const std::vector<std::string> counts = {
        std::to_string(e.items),  std::to_string(e.closed_in_quarter),
        std::to_string(e.closed), std::to_string(e.open),
        std::to_string(e.due),    std::to_string(e.due_closed),
        std::to_string(e.overdue)};
    EXPECT_EQ(std::vector<std::string>(row.begin() + 3, row.begin() + 10), counts) << row[1];
    EXPECT_NEAR(std::stod(row[10]), 100.0 * e.due_closed / e.due, 0.01);
  }
  const Table overdue = Sheet(file.body, 2);
  ASSERT_EQ(overdue.size(), 1 + body["overdue"].size());
  EXPECT_EQ(overdue[0][4], "整改措施");
  for (std::size_t i = 1; i < overdue.size(); ++i) {
    const nlohmann::json& o = body["overdue"][i - 1];
    EXPECT_EQ(overdue[i][0], std::to_string(i));
    EXPECT_EQ(overdue[i][2], o["org_code"]);
    EXPECT_EQ(overdue[i][4], o["measure"]);
    EXPECT_EQ(overdue[i][5], o["responsible"]);
    EXPECT_EQ(overdue[i][6].substr(0, 10), o["deadline"]);
    EXPECT_EQ(overdue[i][7], std::to_string(o["overdue_days"].get<int>()));
  }
  EXPECT_EQ(Sheet(file.body, 0)[0], (std::vector<std::string>{"项目", "内容"}));
  EXPECT_EQ(Sheet(file.body, 3)[0][6], "发现情况");
}

TEST_F(HttpBulletin, TheHtmlIsOnePrintablePageWithTheHeaderAndSections) {
  Client admin = As("admin");
  const Reply page = admin.Get("/api/v1/bulletins/2030-Q2?format=html");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.Header("Content-Type").find("text/html"), std::string::npos);
  for (const char* part :
       {"中共漠河县委组织部", "关于2030年第二季度软弱涣散基层党组织整顿工作进展情况的通报",
        "一、总体情况", "二、各单位整改进展及排名", "三、逾期未销号事项", "四、本季度抽查发现",
        "草稿（未签发）", "@page { size: A4", "<svg", "庚-逾期"}) {
    EXPECT_NE(page.body.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(page.body.find("<script"), std::string::npos);
}

TEST_F(HttpBulletin, AnIssuedBulletinAnswersItsStoredFiguresAfterTheDataChanges) {
  Client admin = As("admin");
  const Reply issued = admin.Send("POST", "/api/v1/bulletins/2030-Q2/issue", "");
  ASSERT_EQ(issued.status, 201) << issued.body;
  const nlohmann::json first = issued.Json();
  EXPECT_EQ(first["status"], "issued");
  EXPECT_EQ(first["number"], 1);
  EXPECT_EQ(first["issued_by"], "admin");
  EXPECT_FALSE(first["audit_head"].get<std::string>().empty());
  // Later: an overdue item is closed inside the quarter, a new item appears.
  ExecuteSqlOnServer(
      "UPDATE rectification_items SET state = 'closed', closed_on = '2030-06-15'"
      " WHERE year = 2030 AND measure = '庚-逾期'");
  Insert({"MH006", "MH006-07", "辛-新增", "2030-05-01", ""});
  const nlohmann::json again = admin.Get("/api/v1/bulletins/2030-Q2").Json();
  EXPECT_EQ(again["status"], "issued");
  for (const char* key : {"units", "overdue", "total", "as_of", "number", "audit_head"}) {
    EXPECT_EQ(again[key], first[key]) << key;
  }
  EXPECT_EQ(again["can"]["issue"], false);
  // A unit admin reads its unit's part of the county's issue.
  Client unit = As("unit_admin");
  const nlohmann::json own = unit.Get("/api/v1/bulletins/2030-Q2").Json();
  EXPECT_EQ(own["status"], "issued");
  EXPECT_EQ(own["unit"], "MH001");
  ASSERT_EQ(own["units"].size(), 1u);
  EXPECT_EQ(own["units"][0], first["units"][1]);
  // Issued once; listed.
  const Reply twice = admin.Send("POST", "/api/v1/bulletins/2030-Q2/issue", "");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.Json()["error"]["reason"], "bulletin_already_issued");
  EXPECT_EQ(Issued(admin), (std::vector<std::string>{"2030-Q2"}));
  // A draft of the same data shows the change: only the issue is frozen.
  const nlohmann::json q3 = admin.Get("/api/v1/bulletins/2030-Q3").Json();
  EXPECT_EQ(q3["status"], "draft");
}

TEST_F(HttpBulletin, ARunningQuarterIsAPreviewThatCannotBeIssued) {
  Client admin = As("admin");
  const nlohmann::json preview = admin.Get("/api/v1/bulletins/2031-Q1").Json();
  EXPECT_EQ(preview["status"], "preview");
  EXPECT_EQ(preview["as_of"], "2031-01-31");
  EXPECT_EQ(preview["can"]["issue"], false);
  const Reply issue = admin.Send("POST", "/api/v1/bulletins/2031-Q1/issue", "");
  EXPECT_EQ(issue.status, 409);
  EXPECT_EQ(issue.Json()["error"]["reason"], "quarter_not_finished");
  EXPECT_TRUE(Issued(admin).empty());
  const Reply early = admin.Get("/api/v1/bulletins/2031-Q2");
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(early.Json()["error"]["reason"], "quarter_not_begun");
}

TEST_F(HttpBulletin, ScopeRefusalsRevealNothing) {
  Client unit = As("unit_admin");
  const nlohmann::json own = unit.Get("/api/v1/bulletins/2030-Q2").Json();
  EXPECT_EQ(own["unit"], "MH001");
  ASSERT_EQ(own["units"].size(), 1u);
  for (const nlohmann::json& o : own["overdue"]) EXPECT_EQ(o["unit"], "MH001");
  const Reply other = unit.Get("/api/v1/bulletins/2030-Q2?unit=MH002");
  const Reply never = unit.Get("/api/v1/bulletins/2030-Q2?unit=ZZ999");
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(never.status, 404);
  std::string masked = other.body;
  masked.replace(masked.find("MH002"), 5, "ZZ999");
  masked.replace(masked.find("MH002"), 5, "ZZ999");
  EXPECT_EQ(masked, never.body);
  EXPECT_EQ(unit.Get("/api/v1/bulletins/2030-Q2?unit=MH002&format=xlsx").status, 404);
  EXPECT_EQ(unit.Send("POST", "/api/v1/bulletins/2030-Q2/issue", "").status, 403);
  Client secretary = As("secretary");
  const Reply refused = secretary.Get("/api/v1/bulletins/2030-Q2");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.Json()["error"]["reason"], "bulletin_not_permitted");
  EXPECT_EQ(secretary.Get("/api/v1/bulletins").status, 403);
  Client auditor = As("auditor");
  EXPECT_EQ(auditor.Get("/api/v1/bulletins/2030-Q2?unit=MH002").status, 200);
  // Not a direct organization: the same answer as a code never used.
  Client admin = As("admin");
  const Reply branch = admin.Get("/api/v1/bulletins/2030-Q2?unit=MH001-01");
  EXPECT_EQ(branch.status, 404);
  EXPECT_EQ(branch.Json()["error"]["reason"], "unit_not_found");
}

TEST_F(HttpBulletin, ABadQuarterOrFormatIs400NamingTheParameter) {
  Client admin = As("admin");
  for (const char* bad : {"2016-Q5", "2016Q2", "Q2-2016", "2016-q2"}) {
    const Reply reply = admin.Get(std::string("/api/v1/bulletins/") + bad);
    EXPECT_EQ(reply.status, 400) << bad;
    EXPECT_EQ(reply.Json()["error"]["field"], "quarter") << bad;
    EXPECT_EQ(reply.Json()["error"]["reason"], "not_a_period") << bad;
  }
  const Reply post = admin.Send("POST", "/api/v1/bulletins/2016-Q9/issue", "");
  EXPECT_EQ(post.status, 400);
  const Reply format = admin.Get("/api/v1/bulletins/2030-Q2?format=docx");
  EXPECT_EQ(format.status, 400);
  EXPECT_EQ(format.Json()["error"]["field"], "format");
}

}  // namespace
}  // namespace grassroots::testing
