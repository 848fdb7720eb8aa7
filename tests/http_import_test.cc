// CSV imports over HTTP: the dry run the UI previews with checks exactly as the import does
// and writes nothing; every row error names its line, and its column when it is about one.
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

const std::string kScoresHeader = "code,year,team,leader,venue,routine,service,members\n";

class HttpImport : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }
  Reply Post(const std::string& path, const std::string& csv) {
    return admin_.Send("POST", path, csv, true, "text/csv");
  }
  std::string Scores(int year) {
    return HttpServer::Get().scratch().Dump("SELECT org_code, team FROM scores WHERE year = " +
                                            std::to_string(year));
  }
  // The row error at `line` in `errors`, or null.
  static nlohmann::json At(const nlohmann::json& errors, int line) {
    for (const auto& e : errors) {
      if (e["line"] == line) return e;
    }
    return nullptr;
  }
  Client admin_;
};

TEST_F(HttpImport, DryRunMarksEachBadCellAndWritesNothing) {
  const std::string csv = kScoresHeader +
                          "MH001,2040,70,70,70,70,70,70\n"
                          "NOPE,2040,70,70,70,70,70,70\n"
                          "MH001-01,2040,70,x,70,70,70,70\n"
                          "MH001-02,2040,70,70,70,70,101,70\n"
                          "MH001-03,2040,70,70\n";
  const std::string audit_before =
      HttpServer::Get().scratch().Dump("SELECT COUNT(*) FROM audit_log");
  const Reply reply = Post("/api/v1/imports/scores?dry_run=true", csv);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json body = reply.Json();
  EXPECT_TRUE(body["dry_run"].get<bool>());
  const nlohmann::json errors = body["errors"];
  EXPECT_EQ(At(errors, 4)["field"], "leader") << errors.dump();
  EXPECT_EQ(At(errors, 5)["field"], "service") << errors.dump();
  ASSERT_TRUE(At(errors, 6).is_object()) << errors.dump();
  EXPECT_FALSE(At(errors, 6).contains("field")) << "a short row is about no one column";
  for (const auto& e : errors) EXPECT_FALSE(e["message"].get<std::string>().empty());
  EXPECT_EQ(Scores(2040), "");
  EXPECT_EQ(HttpServer::Get().scratch().Dump("SELECT COUNT(*) FROM audit_log"), audit_before);
}

TEST_F(HttpImport, DryRunReportsWhatTheImportWouldAndTheImportAgrees) {
  // Cell errors first: validation against the store runs on a file without them, as the
  // import does.
  const std::string csv = kScoresHeader +
                          "MH001,2041,70,70,70,70,70,70\n"
                          "NOPE,2041,70,70,70,70,70,70\n"
                          "MH001,2041,71,71,71,71,71,71\n";
  const Reply dry = Post("/api/v1/imports/scores?dry_run=true", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.Json()["rows"], 3);
  const Reply real = Post("/api/v1/imports/scores", csv);
  ASSERT_EQ(real.status, 422) << real.body;
  EXPECT_EQ(real.Json()["rows"], dry.Json()["errors"]);
  EXPECT_EQ(At(real.Json()["rows"], 3)["field"], "code");
  EXPECT_EQ(At(real.Json()["rows"], 4)["field"], "code");  // duplicate (code, year)
  EXPECT_EQ(Scores(2041), "");

  const std::string good = kScoresHeader + "MH001,2041,70,70,70,70,70,70\n";
  const Reply clean = Post("/api/v1/imports/scores?dry_run=true", good);
  ASSERT_EQ(clean.status, 200) << clean.body;
  EXPECT_EQ(clean.Json()["rows"], 1);
  EXPECT_TRUE(clean.Json()["errors"].empty());
  EXPECT_EQ(Scores(2041), "");
  ASSERT_EQ(Post("/api/v1/imports/scores?dry_run=false", good).status, 200);
  EXPECT_EQ(Scores(2041), "MH001|70.0\n");
}

TEST_F(HttpImport, OrganizationErrorsNameTheirColumn) {
  const std::string csv =
      "code,name,type,kind,parent,secretary\n"
      "N1,新支部,village,branch,NO-PARENT,李\n"
      "N2,新支部二,farm,branch,MH001,王\n"
      "N3,,village,branch,MH001,张\n";
  const Reply dry = Post("/api/v1/imports/orgs?dry_run=true", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(At(dry.Json()["errors"], 3)["field"], "type");
  EXPECT_EQ(At(dry.Json()["errors"], 4)["field"], "name");
  const Reply missing_parent =
      Post("/api/v1/imports/orgs?dry_run=true",
           "code,name,type,kind,parent,secretary\nN1,新支部,village,branch,NO-PARENT,李\n");
  EXPECT_EQ(At(missing_parent.Json()["errors"], 2)["field"], "parent");
  const Reply no_column =
      Post("/api/v1/imports/members?dry_run=true", "id,name,status\nM1,李,regular\n");
  EXPECT_EQ(At(no_column.Json()["errors"], 1)["field"], "org") << no_column.body;
  EXPECT_EQ(
      HttpServer::Get().scratch().Dump("SELECT COUNT(*) FROM organizations WHERE code LIKE 'N_'"),
      "0\n");
}

// The dry run asks what the import's write would refuse beyond each row's checks: a change of
// status the rules do not allow (a member who left changes no more) is answered as the import
// answers it, and neither writes.
TEST_F(HttpImport, DryRunRefusesAChangeOfStatusAsTheImportDoes) {
  const std::string header = "id,name,org,status\n";
  ASSERT_EQ(Post("/api/v1/imports/members",
                 header + "DRY1,李一,MH001-01,regular\nDRY2,李二,MH001-01,regular\n")
                .status,
            200);
  const Reply left =
      admin_.Send("POST", "/api/v1/members/DRY1/leave",
                  R"({"kind":"transferred_out","on":"2016-09-01","reason":"转往外县"})");
  ASSERT_EQ(left.status, 200) << left.body;
  const Scratch& db = HttpServer::Get().scratch();
  const std::string audit_before = db.Dump("SELECT COUNT(*) FROM audit_log");

  const std::string csv = header + "DRY2,李二,MH001-01,mobile\nDRY1,李一,MH001-01,pocket\n";
  const Reply dry = Post("/api/v1/imports/members?dry_run=true", csv);
  EXPECT_EQ(Reason(dry), "member_left") << dry.body;
  const Reply real = Post("/api/v1/imports/members", csv);
  EXPECT_EQ(dry.status, real.status) << real.body;
  EXPECT_EQ(dry.Json()["error"], real.Json()["error"]);
  EXPECT_EQ(db.Dump("SELECT id, status FROM members WHERE id LIKE 'DRY_' ORDER BY id"),
            "DRY1|regular\nDRY2|regular\n");
  EXPECT_EQ(db.Dump("SELECT COUNT(*) FROM audit_log"), audit_before);

  const Reply allowed =
      Post("/api/v1/imports/members?dry_run=true", header + "DRY2,李二,MH001-01,mobile\n");
  ASSERT_EQ(allowed.status, 200) << allowed.body;
  EXPECT_TRUE(allowed.Json()["errors"].empty()) << allowed.body;
}

TEST_F(HttpImport, DryRunIsForAdminsAndTakesTrueOrFalse) {
  const std::string good = kScoresHeader + "MH001,2042,70,70,70,70,70,70\n";
  EXPECT_EQ(Post("/api/v1/imports/scores?dry_run=yes", good).status, 422);
  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  EXPECT_EQ(
      auditor.Send("POST", "/api/v1/imports/scores?dry_run=true", good, true, "text/csv").status,
      403);
  EXPECT_EQ(Post("/api/v1/imports/nothing?dry_run=true", good).status, 404);
}

}  // namespace
}  // namespace grassroots::testing
