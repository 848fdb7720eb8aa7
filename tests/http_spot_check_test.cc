// The monthly spot check over HTTP (issue 13) on the demo database, which holds the draws of
// 2016-03 to 2016-06 with findings: list and read draws, draw a month once (admin), verify it
// identical and, after an organization is added, not identical; a bad month is 400 naming it;
// a unit admin sees only the drawn of its subtree, and a finding out of its scope is answered
// as one never drawn; a problem opens one item.
#include <gtest/gtest.h>

#include <set>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

Client As(const std::string& name) {
  Client client;
  EXPECT_EQ(client.LoginAs(name).status, 200);
  return client;
}

std::vector<std::string> Drawn(const nlohmann::json& view) {
  std::vector<std::string> codes;
  for (const auto& d : view["drawn"]) codes.push_back(d["org_code"]);
  return codes;
}

TEST(HttpSpotCheck, TheDemoMonthsAreListedAndReadWithTheirFindings) {
  Client admin = As("admin");
  const Reply list = admin.Get("/api/v1/spot-checks");
  ASSERT_EQ(list.status, 200) << list.body;
  const nlohmann::json items = list.Json()["items"];
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]["month"], "2016-06");
  EXPECT_EQ(items[0]["seed_source"], "derived");
  EXPECT_EQ(items[3]["month"], "2016-03");
  EXPECT_EQ(items[3]["seed_source"], "given");
  EXPECT_EQ(items[3]["seed"], "201603");
  int opened = 0;
  for (const char* month : {"2016-03", "2016-04", "2016-05"}) {
    const Reply view = admin.Get(std::string("/api/v1/spot-checks/") + month);
    ASSERT_EQ(view.status, 200) << view.body;
    const nlohmann::json body = view.Json();
    EXPECT_FALSE(body["drawn"].empty());
    EXPECT_EQ(body["drawn_total"], body["drawn"].size());
    EXPECT_EQ(body["findings"].size(), body["drawn"].size());
    for (const auto& f : body["findings"]) opened += f["item_id"].is_null() ? 0 : 1;
    const Reply verify = admin.Get(std::string("/api/v1/spot-checks/") + month + "/verify");
    ASSERT_EQ(verify.status, 200);
    EXPECT_TRUE(verify.Json()["identical"]) << verify.body;
  }
  EXPECT_EQ(opened, 1);
}

TEST(HttpSpotCheck, AMonthIsDrawnOnceByAdminAndABadMonthIs400) {
  Client admin = As("admin");
  const Reply again = admin.Send("POST", "/api/v1/spot-checks/2016-05", "");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.Json()["error"]["reason"], "spot_check_exists");
  EXPECT_EQ(again.Json()["error"]["params"]["month"], "2016-05");
  for (const char* bad : {"2016-13", "2016-5", "may"}) {
    const Reply reply = admin.Send("POST", std::string("/api/v1/spot-checks/") + bad, "");
    EXPECT_EQ(reply.status, 400) << bad;
    EXPECT_EQ(reply.Json()["error"]["field"], "month");
    EXPECT_EQ(admin.Get(std::string("/api/v1/spot-checks/") + bad + "/verify").status, 400);
  }
  EXPECT_EQ(admin.Send("POST", "/api/v1/spot-checks/2016-09", R"({"seed":"-1"})").status, 422);
  Client unit = As("unit_admin");
  EXPECT_EQ(unit.Send("POST", "/api/v1/spot-checks/2016-09", "").status, 403);
  const Reply drawn = admin.Send("POST", "/api/v1/spot-checks/2016-09", R"({"seed":"42"})");
  ASSERT_EQ(drawn.status, 201) << drawn.body;
  EXPECT_EQ(drawn.Json()["seed"], "42");
  EXPECT_EQ(drawn.Json()["seed_source"], "given");
  EXPECT_EQ(admin.Get("/api/v1/spot-checks/2016-10").status, 404);
}

TEST(HttpSpotCheck, VerifySaysNotIdenticalOnceAnOrganizationIsAdded) {
  Client admin = As("admin");
  ASSERT_EQ(admin.Send("POST", "/api/v1/spot-checks/2016-09", "").status, 201);
  EXPECT_TRUE(admin.Get("/api/v1/spot-checks/2016-09/verify").Json()["identical"]);
  ExecuteSqlOnServer(
      "INSERT INTO organizations (code, name, type, kind, parent_code, secretary, unit_code)"
      " SELECT 'MH001-99', '新建支部', 'village', 'branch', 'MH001', '某', unit_code"
      " FROM organizations WHERE code = 'MH001'");
  const nlohmann::json verify = admin.Get("/api/v1/spot-checks/2016-09/verify").Json();
  EXPECT_FALSE(verify["identical"]);
  EXPECT_EQ(verify["difference"], "candidates");
  EXPECT_EQ(verify["candidate"]["code"], "MH001-99");
  EXPECT_EQ(verify["candidate"]["what"], "added");
}

TEST(HttpSpotCheck, AUnitAdminSeesItsSubtreeAndARefusalRevealsNothing) {
  Client admin = As("admin");
  Client unit = As("unit_admin");  // MH001's
  const nlohmann::json all = admin.Get("/api/v1/spot-checks/2016-03").Json();
  const nlohmann::json theirs = unit.Get("/api/v1/spot-checks/2016-03").Json();
  EXPECT_TRUE(theirs["drawn_total"].is_null());
  std::set<std::string> all_codes;
  for (const std::string& code : Drawn(all)) all_codes.insert(code);
  for (const std::string& code : Drawn(theirs)) {
    EXPECT_TRUE(all_codes.count(code)) << code;
    EXPECT_EQ(code.substr(0, 5), "MH001") << code;
  }
  for (const auto& f : theirs["findings"])
    EXPECT_EQ(f["org_code"].get<std::string>().substr(0, 5), "MH001");
  // A drawn organization outside MH001 answers as a code never drawn.
  std::string outside;
  for (const std::string& code : Drawn(all)) {
    if (code.substr(0, 5) != "MH001") outside = code;
  }
  ASSERT_FALSE(outside.empty());
  const Reply hidden = unit.Send("POST", "/api/v1/spot-checks/2016-03/findings",
                                 R"({"org_code":")" + outside + R"(","outcome":"fine"})");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.Json()["error"]["reason"], "spot_check_org_not_found");
  const Reply never = unit.Send("POST", "/api/v1/spot-checks/2016-03/findings",
                                R"({"org_code":"ZZ999","outcome":"fine"})");
  EXPECT_EQ(never.status, hidden.status);
  EXPECT_EQ(never.Json()["error"]["reason"], hidden.Json()["error"]["reason"]);
  // A finding of that organization is unknown to them too.
  std::int64_t finding = 0;
  for (const auto& f : all["findings"]) {
    if (f["org_code"] == outside) finding = f["id"];
  }
  ASSERT_GT(finding, 0);
  const std::string body = R"({"measure":"x","responsible":"王","deadline":"2016-12-31"})";
  const Reply item =
      unit.Send("POST", "/api/v1/spot-check-findings/" + std::to_string(finding) + "/item", body);
  EXPECT_EQ(item.status, 404);
  EXPECT_EQ(item.Json()["error"]["reason"], "spot_finding_not_found");
  // The same answer as an id never used, but for the id it echoes.
  nlohmann::json unknown =
      unit.Send("POST", "/api/v1/spot-check-findings/999999/item", body).Json();
  unknown["error"]["message"] = item.Json()["error"]["message"];
  unknown["error"]["params"] = item.Json()["error"]["params"];
  EXPECT_EQ(unknown, item.Json());
}

TEST(HttpSpotCheck, FindingsAreRecordedAndAProblemOpensOneItem) {
  Client admin = As("admin");
  const nlohmann::json drawn = admin.Send("POST", "/api/v1/spot-checks/2016-09", "").Json();
  std::string under, plain;
  for (const auto& d : drawn["drawn"]) {
    (d["under_rectification"].get<bool>() ? under : plain) = d["org_code"];
  }
  ASSERT_FALSE(under.empty());
  const Reply empty = admin.Send("POST", "/api/v1/spot-checks/2016-09/findings",
                                 R"({"org_code":")" + under + R"(","outcome":"problem_found"})");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.Json()["error"]["field"], "note");
  const Reply problem =
      admin.Send("POST", "/api/v1/spot-checks/2016-09/findings",
                 R"({"org_code":")" + under +
                     R"(","outcome":"problem_found","note":"台账缺失","checked_on":"2016-09-20"})");
  ASSERT_EQ(problem.status, 201) << problem.body;
  const std::string id = std::to_string(problem.Json()["id"].get<std::int64_t>());
  const std::string item =
      R"({"measure":"补齐台账","responsible":"王书记","deadline":"2016-12-31"})";
  const Reply opened = admin.Send("POST", "/api/v1/spot-check-findings/" + id + "/item", item);
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.Json()["org_code"], under);
  EXPECT_EQ(opened.Json()["year"], 2016);
  const Reply twice = admin.Send("POST", "/api/v1/spot-check-findings/" + id + "/item", item);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.Json()["error"]["reason"], "finding_item_exists");
  const nlohmann::json findings = admin.Get("/api/v1/spot-checks/2016-09/findings").Json();
  ASSERT_EQ(findings["items"].size(), 1u);
  EXPECT_EQ(findings["items"][0]["item_id"], opened.Json()["id"]);
}

// A file of a demo finding outside the unit admin's MH001: the admin uploads, lists and downloads
// it byte for byte; the unit admin is answered as for ids never used.
TEST(HttpSpotCheck, AFindingsEvidenceIsKeptAndHiddenOutOfScope) {
  Client admin = As("admin");
  Client unit = As("unit_admin");  // MH001's
  std::int64_t finding = 0;
  const nlohmann::json month = admin.Get("/api/v1/spot-checks/2016-03").Json();
  for (const auto& f : month["findings"]) {
    if (f["org_code"].get<std::string>().substr(0, 5) != "MH001") finding = f["id"];
  }
  ASSERT_GT(finding, 0);
  const std::string id = std::to_string(finding);
  const std::string png("\x89PNG\r\n\x1A\n\0\xff evidence", 19);
  const auto upload = [&](Client& client, const std::string& to, const std::string& bytes) {
    return client.Send("POST", "/api/v1/spot-check-findings/" + to + "/evidence",
                       "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"现场.png\""
                       "\r\nContent-Type: application/octet-stream\r\n\r\n" +
                           bytes + "\r\n--b--\r\n",
                       true, "multipart/form-data; boundary=b");
  };
  const Reply added = upload(admin, id, png);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json()["content_type"], "image/png");
  const std::string file = std::to_string(added.Json()["id"].get<std::int64_t>());
  const Reply text = upload(admin, id, "plain words, no picture");
  EXPECT_EQ(text.status, 422);
  EXPECT_EQ(text.Json()["error"]["reason"], "evidence_type_unsupported");
  const nlohmann::json listed = admin.Get("/api/v1/spot-check-findings/" + id + "/evidence").Json();
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["file_name"], "现场.png");
  // The month's findings carry their files.
  const nlohmann::json findings = admin.Get("/api/v1/spot-checks/2016-03/findings").Json();
  for (const auto& f : findings["items"]) {
    if (f["id"] == finding) {
      EXPECT_EQ(f["evidence"].size(), 1u);
    }
  }
  const Reply download = admin.Get("/api/v1/spot-check-finding-evidence/" + file);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, png);
  // Out of the unit admin's scope: as ids never used, but for the id echoed.
  const auto same_as_unused = [&](const Reply& hidden, const Reply& unused) {
    EXPECT_EQ(hidden.status, 404);
    EXPECT_EQ(unused.status, 404);
    nlohmann::json a = hidden.Json(), b = unused.Json();
    b["error"]["message"] = a["error"]["message"];
    b["error"]["params"] = a["error"]["params"];
    EXPECT_EQ(a, b);
  };
  same_as_unused(unit.Get("/api/v1/spot-check-finding-evidence/" + file),
                 unit.Get("/api/v1/spot-check-finding-evidence/999999"));
  same_as_unused(unit.Get("/api/v1/spot-check-findings/" + id + "/evidence"),
                 unit.Get("/api/v1/spot-check-findings/999999/evidence"));
  same_as_unused(upload(unit, id, png), upload(unit, "999999", png));
  EXPECT_EQ(admin.Get("/api/v1/spot-check-findings/" + id + "/evidence").Json()["items"].size(),
            1u);
}

TEST(HttpSpotCheck, TheRoutesAreInOpenApi) {
  Client admin = As("admin");
  const nlohmann::json paths = admin.Get("/api/v1/openapi.json").Json()["paths"];
  for (const char* path :
       {"/api/v1/spot-checks", "/api/v1/spot-checks/{month}", "/api/v1/spot-checks/{month}/verify",
        "/api/v1/spot-checks/{month}/findings", "/api/v1/spot-check-findings/{id}/item",
        "/api/v1/spot-check-findings/{id}/evidence", "/api/v1/spot-check-finding-evidence/{id}"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
}

}  // namespace
}  // namespace grassroots::testing
