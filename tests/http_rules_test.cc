// One rule, one place (issue 9): each rule class refused alike, with the same field and reason,
// by every way a value enters — the CSV import's dry run, the single write and the bulk write —
// every bad row reported at once, and nothing written.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

// A cell of a record as typed into a CSV file; JSON sends numbers for the numeric columns.
struct Cell {
  std::string key;
  std::string value;
};
using Cells = std::vector<Cell>;

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// `base` with `changes` applied (a change of a key not in `base` adds it).
Cells With(Cells base, const Cells& changes) {
  for (const Cell& change : changes) {
    bool found = false;
    for (Cell& cell : base) {
      if (cell.key == change.key) {
        cell.value = change.value;
        found = true;
      }
    }
    if (!found) base.push_back(change);
  }
  return base;
}

std::string CsvHeader(const Cells& cells) {
  std::string line;
  for (const Cell& cell : cells) line += (line.empty() ? "" : ",") + cell.key;
  return line + "\n";
}

std::string CsvRow(const Cells& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + CsvField(cells[i].value);
  return line + "\n";
}

// The keys `changes` set to an empty value.
std::set<std::string> Emptied(const Cells& changes) {
  std::set<std::string> keys;
  for (const Cell& change : changes) {
    if (change.value.empty()) keys.insert(change.key);
  }
  return keys;
}

// The cells as a JSON object: `numbers` are sent as numbers, empty texts left out (as a form
// that was not filled in) unless `sent_empty`, `skip` keys left out.
nlohmann::json Json(const Cells& cells, const std::set<std::string>& numbers,
                    const std::set<std::string>& skip = {},
                    const std::set<std::string>& sent_empty = {}) {
  nlohmann::json body = nlohmann::json::object();
  for (const Cell& cell : cells) {
    if (skip.count(cell.key) || (cell.value.empty() && !sent_empty.count(cell.key))) continue;
    if (numbers.count(cell.key)) {
      body[cell.key] = std::stod(cell.value);
    } else {
      body[cell.key] = cell.value;
    }
  }
  return body;
}

// "field:reason" of each error of a list (an import's or a bulk write's rows at `line`, or a
// single write's "errors").
std::set<std::string> Found(const nlohmann::json& errors, int line = 0) {
  std::set<std::string> found;
  for (const auto& e : errors) {
    if (line != 0 && e["line"] != line) continue;
    found.insert(e.value("field", "") + ":" + e["reason"].get<std::string>());
  }
  return found;
}

struct RuleCase {
  const char* what;
  Cells changes;
  const char* field;
  const char* reason;
  bool single = true;  // the single write can send it (not a path parameter)
};

class HttpRules : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }

  Reply DryRun(const std::string& kind, const std::string& csv) {
    return admin_.Send("POST", "/api/v1/imports/" + kind + "?dry_run=true", csv, true, "text/csv");
  }
  // What no refused write may change.
  std::string Snapshot() const {
    const Scratch& db = HttpServer::Get().scratch();
    return db.Dump("SELECT COUNT(*) FROM scores") + db.Dump("SELECT COUNT(*) FROM members") +
           db.Dump(
               "SELECT code, name, type, kind, parent_code, secretary, unit_code FROM "
               "organizations WHERE code LIKE 'MH001%' ORDER BY code") +
           db.Dump("SELECT COUNT(*) FROM organizations") +
           db.Dump("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'login%'");
  }
  Client admin_;
};

const std::set<std::string> kScoreNumbers = {"year",    "team",    "leader", "venue",
                                             "routine", "service", "members"};

const Cells kScoreCells = {
    {"code", "MH001"}, {"year", "2053"},  {"team", "70"},    {"leader", "70"}, {"venue", "70"},
    {"routine", "70"}, {"service", "70"}, {"members", "70"}, {"grade", ""},    {"reason", ""}};

const std::vector<RuleCase>& ScoreCases() {
  static const std::vector<RuleCase> cases = {
      {"a score above 100", {{"team", "101"}}, "team", "score_out_of_range"},
      {"a negative score", {{"venue", "-0.5"}}, "venue", "score_out_of_range"},
      {"a grade without a reason", {{"grade", "D"}}, "reason", "grade_needs_reason"},
      {"a reason without a grade", {{"reason", "自评优秀"}}, "grade", "reason_without_grade"},
      {"an unknown grade", {{"grade", "E"}, {"reason", "r"}}, "grade", "unknown_value"},
      {"a reason of 2001 characters",
       {{"grade", "C"}, {"reason", std::string(2001, 'x')}},
       "reason",
       "too_long"},
      {"a year before 1900", {{"year", "1899"}}, "year", "year_out_of_range", false},
      {"a code with a slash", {{"code", "MH/001"}}, "code", "invalid_code", false},
  };
  return cases;
}

TEST_F(HttpRules, ScoreRulesAreTheSameForTheImportTheSingleAndTheBulkWrite) {
  const std::string before = Snapshot();
  std::string csv = CsvHeader(kScoreCells);
  nlohmann::json bulk = nlohmann::json::array();
  for (const RuleCase& c : ScoreCases()) {
    const Cells cells = With(kScoreCells, c.changes);
    csv += CsvRow(cells);
    bulk.push_back(Json(cells, kScoreNumbers));
  }
  const Reply dry = DryRun("scores", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  const Reply many = admin_.Send("POST", "/api/v1/scores/bulk", bulk.dump());
  ASSERT_EQ(many.status, 422) << many.body;
  EXPECT_EQ(many.Json()["error"]["reason"], "rows_invalid");
  int line = 1;
  for (const RuleCase& c : ScoreCases()) {
    SCOPED_TRACE(c.what);
    ++line;
    const std::string want = std::string(c.field) + ":" + c.reason;
    EXPECT_EQ(Found(dry.Json()["errors"], line), std::set<std::string>{want}) << "import";
    EXPECT_EQ(Found(many.Json()["rows"], line - 1), std::set<std::string>{want}) << "bulk";
    if (!c.single) continue;
    const Reply one =
        admin_.Send("PUT", "/api/v1/scores/MH001/2053",
                    Json(With(kScoreCells, c.changes), kScoreNumbers, {"code", "year"}).dump());
    ASSERT_EQ(one.status, 422) << one.body;
    EXPECT_EQ(one.Json()["error"]["reason"], c.reason);
    EXPECT_EQ(one.Json()["error"]["field"], c.field);
    EXPECT_EQ(Found(one.Json()["errors"]), std::set<std::string>{want}) << "single";
  }
  EXPECT_EQ(admin_.Send("PUT", "/api/v1/scores/MH001/1899", Json(kScoreCells, kScoreNumbers).dump())
                .status,
            404)
      << "a year out of range is no resource on the single write's path";
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(HttpRules, ABulkWriteReportsEveryProblemOfEveryRow) {
  const std::string before = Snapshot();
  nlohmann::json rows = nlohmann::json::array();
  rows.push_back(Json(kScoreCells, kScoreNumbers));
  rows.push_back(Json(With(kScoreCells, {{"team", "101"}, {"grade", "D"}}), kScoreNumbers));
  rows.push_back(42);
  nlohmann::json wrong = Json(kScoreCells, kScoreNumbers);
  wrong["leader"] = "80";
  wrong["bonus"] = 1;
  rows.push_back(wrong);
  rows.push_back(Json(With(kScoreCells, {{"code", "NO-SUCH-ORG"}}), kScoreNumbers));
  rows.push_back(Json(kScoreCells, kScoreNumbers));  // the first row again
  const Reply reply = admin_.Send("POST", "/api/v1/scores/bulk", rows.dump());
  ASSERT_EQ(reply.status, 422) << reply.body;
  const nlohmann::json errors = reply.Json()["rows"];
  EXPECT_EQ(Found(errors, 1), std::set<std::string>{});
  EXPECT_EQ(Found(errors, 2),
            (std::set<std::string>{"team:score_out_of_range", "reason:grade_needs_reason"}));
  EXPECT_EQ(Found(errors, 3), std::set<std::string>{":wrong_type"});
  EXPECT_EQ(Found(errors, 4), (std::set<std::string>{"bonus:unknown_field", "leader:wrong_type"}));
  EXPECT_EQ(Found(errors, 5), std::set<std::string>{"code:unknown_organization"});
  EXPECT_EQ(Found(errors, 6), std::set<std::string>{"code:duplicate"});
  for (const auto& e : errors) {
    EXPECT_FALSE(e["message"].get<std::string>().empty());
    EXPECT_TRUE(e["params"].is_object());
  }
  EXPECT_EQ(Snapshot(), before);
}

const std::set<std::string> kNoNumbers = {};

const Cells kOrgCells = {{"code", "H2R-1"},  {"name", "规则党支部"}, {"type", "village"},
                         {"kind", "branch"}, {"parent", "MH001"},    {"secretary", "李"},
                         {"unit", ""}};

const std::vector<RuleCase>& OrgCases() {
  static const std::vector<RuleCase> cases = {
      {"an empty name", {{"name", ""}}, "name", "empty"},
      {"a name of 101 characters", {{"name", Repeat("党", 101)}}, "name", "too_long"},
      {"a name of 600 KB", {{"name", std::string(600 * 1024, 'x')}}, "name", "too_long"},
      {"a name with a line break", {{"name", "党\n支部"}}, "name", "control_characters"},
      {"a code with a slash", {{"code", "H2R/1"}}, "code", "invalid_code", false},
      {"a code of 65 characters", {{"code", std::string(65, 'c')}}, "code", "too_long", false},
      {"an unknown type", {{"type", "farm"}}, "type", "unknown_value"},
      {"an unknown kind", {{"kind", "cell"}}, "kind", "unknown_value"},
      {"its own parent", {{"parent", "<self>"}}, "parent", "own_parent"},
      {"a secretary of 101 characters",
       {{"secretary", std::string(101, 's')}},
       "secretary",
       "too_long"},
      {"a unit with a slash", {{"unit", "u/1"}}, "unit", "invalid_code"},
  };
  return cases;
}

// `cells` with "<self>" replaced by the record's code.
Cells Resolved(Cells cells) {
  const std::string code = cells[0].value;
  for (Cell& cell : cells) {
    if (cell.value == "<self>") cell.value = code;
  }
  return cells;
}

TEST_F(HttpRules, OrganizationRulesAreTheSameForTheImportCreateAndUpdate) {
  const std::string before = Snapshot();
  std::string csv = CsvHeader(kOrgCells);
  std::vector<int> lines;  // where each case's record starts (a quoted line break spans two)
  for (const RuleCase& c : OrgCases()) {
    lines.push_back(1 + static_cast<int>(std::count(csv.begin(), csv.end(), '\n')));
    csv += CsvRow(Resolved(With(kOrgCells, c.changes)));
  }
  const Reply dry = DryRun("orgs", csv);
  ASSERT_EQ(dry.status, 200) << dry.body.substr(0, 500);
  for (std::size_t i = 0; i < OrgCases().size(); ++i) {
    const RuleCase& c = OrgCases()[i];
    const int line = lines[i];
    SCOPED_TRACE(c.what);
    const std::string want = std::string(c.field) + ":" + c.reason;
    EXPECT_EQ(Found(dry.Json()["errors"], line), std::set<std::string>{want}) << "import";
    const Cells created = Resolved(With(kOrgCells, c.changes));
    const Reply create = admin_.Send("POST", "/api/v1/organizations",
                                     Json(created, kNoNumbers, {}, Emptied(c.changes)).dump());
    ASSERT_EQ(create.status, 422) << create.body.substr(0, 500);
    EXPECT_EQ(Found(create.Json()["errors"]), std::set<std::string>{want}) << "create";
    if (!c.single) continue;
    // The same change to a stored organization.
    const Cells updated = Resolved(With(With(kOrgCells, {{"code", "MH001-01"}}), c.changes));
    const Reply update = admin_.Send("PUT", "/api/v1/organizations/MH001-01",
                                     Json(updated, kNoNumbers, {}, Emptied(c.changes)).dump());
    ASSERT_EQ(update.status, 422) << update.body.substr(0, 500);
    EXPECT_EQ(update.Json()["error"]["reason"], c.reason) << "update";
    EXPECT_EQ(update.Json()["error"]["field"], c.field) << "update";
  }
  EXPECT_EQ(Snapshot(), before);
}

const Cells kMemberCells = {{"id", "H2R-M1"},
                            {"name", "张三"},
                            {"org", "MH001-01"},
                            {"status", "regular"},
                            {"joined", "2016-01-05"}};

TEST_F(HttpRules, MemberRulesAreTheSameForTheImportAndTheSingleWrite) {
  const std::vector<RuleCase> cases = {
      {"30 February", {{"joined", "2016-02-30"}}, "joined", "not_a_date"},
      {"not a date", {{"joined", "not-a-date"}}, "joined", "not_a_date"},
      {"a day in the future", {{"joined", "2999-01-01"}}, "joined", "date_out_of_range"},
      {"a day before 1900", {{"joined", "1899-12-31"}}, "joined", "date_out_of_range"},
      {"a name of 101 characters", {{"name", Repeat("张", 101)}}, "name", "too_long"},
      {"an empty name", {{"name", ""}}, "name", "empty"},
      {"an unknown status", {{"status", "active"}}, "status", "unknown_value"},
      {"an id with a slash", {{"id", "a/b"}}, "id", "invalid_code"},
  };
  const std::string before = Snapshot();
  std::string csv = CsvHeader(kMemberCells);
  for (const RuleCase& c : cases) csv += CsvRow(With(kMemberCells, c.changes));
  const Reply dry = DryRun("members", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  int line = 1;
  for (const RuleCase& c : cases) {
    SCOPED_TRACE(c.what);
    ++line;
    const std::string want = std::string(c.field) + ":" + c.reason;
    EXPECT_EQ(Found(dry.Json()["errors"], line), std::set<std::string>{want}) << "import";
    const Reply one =
        admin_.Send("POST", "/api/v1/members",
                    Json(With(kMemberCells, c.changes), kNoNumbers, {}, Emptied(c.changes)).dump());
    ASSERT_EQ(one.status, 422) << one.body;
    EXPECT_EQ(Found(one.Json()["errors"]), std::set<std::string>{want}) << "single";
  }
  EXPECT_EQ(Snapshot(), before);
}

// Every error the imports and the API produce names a stable reason beside its message.
TEST_F(HttpRules, FormatErrorsCarryAStableReason) {
  const std::string header = "code,year,team,leader,venue,routine,service,members\n";
  const struct {
    const char* what;
    std::string kind;
    std::string csv;
    int line;
    const char* found;
  } files[] = {
      {"a missing column", "scores", "code,year\nMH001,2054\n", 1, "team:missing_column"},
      {"a column named twice", "scores", "code,code,year\n", 1, "code:duplicate_column"},
      {"an unterminated quote", "scores", header + "MH001,2054,\"70,70\n", 2,
       ":unterminated_quote"},
      {"text after a quote", "scores", header + "\"MH001\"x,2054,70,70,70,70,70,70\n", 2,
       ":text_after_quote"},
      {"a short row", "scores", header + "MH001,2054,70\n", 2, ":field_count"},
      {"not a number", "scores", header + "MH001,2054,abc,70,70,70,70,70\n", 2,
       "team:not_a_number"},
      {"an empty score", "scores", header + "MH001,2054,,70,70,70,70,70\n", 2, "team:empty"},
      {"a year not whole", "scores", header + "MH001,2054.5,70,70,70,70,70,70\n", 2,
       "year:not_a_whole_number"},
      {"an unknown organization", "scores", header + "NOPE,2054,70,70,70,70,70,70\n", 2,
       "code:unknown_organization"},
      {"a duplicate score", "scores",
       header + "MH001,2054,70,70,70,70,70,70\nMH001,2054,71,71,71,71,71,71\n", 3,
       "code:duplicate"},
      {"a missing parent", "orgs",
       "code,name,type,kind,parent,secretary\nH2R-2,x,village,branch,NOPE,\n", 2,
       "parent:parent_missing"},
      {"a cycle", "orgs",
       "code,name,type,kind,parent,secretary\nH2R-3,x,village,branch,H2R-4,\n"
       "H2R-4,y,village,branch,H2R-3,\n",
       2, "parent:cycle"},
      {"a duplicate member", "members",
       "id,name,org,status\nH2R-M2,a,MH001-01,regular\nH2R-M2,b,MH001-01,regular\n", 3,
       "id:duplicate"},
  };
  for (const auto& f : files) {
    SCOPED_TRACE(f.what);
    const Reply dry = DryRun(f.kind, f.csv);
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(Found(dry.Json()["errors"], f.line).count(f.found), 1u) << dry.body;
  }
  // Bytes that are neither UTF-8 nor GB18030: one row error at the bad byte's line.
  const Reply bad_text = DryRun("scores", header + "MH\xff,2054,70,70,70,70,70,70\n");
  ASSERT_EQ(bad_text.status, 200) << bad_text.body;
  EXPECT_EQ(Found(bad_text.Json()["errors"], 2).count(":not_text"), 1u) << bad_text.body;

  const struct {
    const char* what;
    std::string method, path, body;
    int status;
    const char* reason;
  } requests[] = {
      {"not JSON", "PUT", "/api/v1/scores/MH001/2054", "{\"team\":", 400, "not_json"},
      {"not an object", "PUT", "/api/v1/scores/MH001/2054", "[]", 422, "wrong_type"},
      {"an unknown field", "POST", "/api/v1/members",
       R"({"id":"H2R-M3","name":"a","org":"MH001-01","age":3})", 422, "unknown_field"},
      {"a wrong type", "POST", "/api/v1/members", R"({"id":"H2R-M3","name":7,"org":"MH001-01"})",
       422, "wrong_type"},
      {"a required field", "POST", "/api/v1/members", R"({"id":"H2R-M3","org":"MH001-01"})", 422,
       "required"},
      {"a bulk body not an array", "POST", "/api/v1/scores/bulk", "{}", 422, "wrong_type"},
  };
  for (const auto& r : requests) {
    SCOPED_TRACE(r.what);
    const Reply reply = admin_.Send(r.method, r.path, r.body);
    EXPECT_EQ(reply.status, r.status) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["reason"], r.reason) << reply.body;
    EXPECT_FALSE(reply.Json()["error"]["message"].get<std::string>().empty());
  }
  const Reply wrong = admin_.Send("POST", "/api/v1/members", requests[3].body);
  EXPECT_EQ(wrong.Json()["error"]["params"]["expected"], "string");
  EXPECT_EQ(admin_.Get("/api/v1/organizations?limit=0").Json()["error"]["reason"],
            "number_out_of_range");
}

}  // namespace
}  // namespace grassroots::testing
