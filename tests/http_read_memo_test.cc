// The organization list, an organization and a page of a stored assessment are remembered by
// data version (http/read_memo.h): asked again they give the same answer, a change made through
// the API or through the CLI on the same database file shows in the very next answer, and each
// caller gets the answer of what they may see and do, whoever asked before them.
#include <gtest/gtest.h>

#include <set>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

const std::string kOrgsPage = "/api/v1/organizations?limit=20&offset=0";

std::string OrgPath(const std::string& code) { return "/api/v1/organizations/" + code; }

// The name the page gives `code`; empty when it is not on the page.
std::string NameOn(const nlohmann::json& page, const std::string& code) {
  for (const auto& item : page["items"]) {
    if (item["code"] == code) return item["name"];
  }
  return "";
}

std::set<std::string> CodesOf(const nlohmann::json& page) {
  std::set<std::string> codes;
  for (const auto& item : page["items"]) codes.insert(item["code"].get<std::string>());
  return codes;
}

// Asks `path` twice (the second is the remembered answer) and gives the answer; both must agree.
nlohmann::json AskTwice(Client& client, const std::string& path) {
  const Reply first = client.Get(path);
  EXPECT_EQ(first.status, 200) << path << ' ' << first.body;
  EXPECT_EQ(client.Get(path).body, first.body) << path;
  return first.Json();
}

TEST(HttpReadMemo, ARenameThroughTheApiOrTheCliShowsInTheNextAnswers) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json page = AskTwice(admin, kOrgsPage);
  ASSERT_GE(page["items"].size(), 2u);
  const std::string code = page["items"][1]["code"];
  const nlohmann::json detail = AskTwice(admin, OrgPath(code));
  const std::string rows = "/api/v1/assessments/2016?limit=50&q=" + code;
  ASSERT_EQ(NameOn(AskTwice(admin, rows), code), detail["name"]);

  // Through the API, by the same server.
  nlohmann::json body = {
      {"code", code},           {"name", "改名经由接口"},           {"type", detail["type"]},
      {"kind", detail["kind"]}, {"secretary", detail["secretary"]}, {"unit", detail["unit"]}};
  if (detail["parent"].is_string()) body["parent"] = detail["parent"];
  const Reply put = admin.Send("PUT", OrgPath(code), body.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(NameOn(admin.Get(kOrgsPage).Json(), code), "改名经由接口");
  EXPECT_EQ(admin.Get(OrgPath(code)).Json()["name"], "改名经由接口");
  EXPECT_EQ(NameOn(admin.Get(rows).Json(), code), "改名经由接口");
  AskTwice(admin, kOrgsPage);  // remembered again at the new version
  AskTwice(admin, OrgPath(code));

  // Through the CLI, another process writing the same database file.
  const Scratch& files = HttpServer::Get().scratch();
  std::string csv =
      "code,name,type,kind,parent,secretary,unit\n" + code + ",改名经由命令行," +
      detail["type"].get<std::string>() + "," + detail["kind"].get<std::string>() + "," +
      (detail["parent"].is_string() ? detail["parent"].get<std::string>() : "") + "," +
      detail["secretary"].get<std::string>() + "," + detail["unit"].get<std::string>() + "\n";
  const Outcome imported = files.Run({"import", "orgs", files.Write("rename.csv", csv)});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(NameOn(admin.Get(kOrgsPage).Json(), code), "改名经由命令行");
  EXPECT_EQ(admin.Get(OrgPath(code)).Json()["name"], "改名经由命令行");
  EXPECT_EQ(NameOn(admin.Get(rows).Json(), code), "改名经由命令行");
  for (int i = 0; i < 4; ++i) {  // a new connection each time: another worker thread
    Client again;
    ASSERT_EQ(again.LoginAs("admin").status, 200);
    EXPECT_EQ(again.Get(OrgPath(code)).Json()["name"], "改名经由命令行");
  }
}

// The key names the caller's role and scope: what one caller was given is never another's.
TEST(HttpReadMemo, CallersOfDifferentScopesGetTheirOwnAnswers) {
  Client admin, secretary;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const std::string all = "/api/v1/organizations?limit=1000";
  const nlohmann::json everything = AskTwice(admin, all);
  const nlohmann::json own = AskTwice(secretary, all);
  ASSERT_GE(own["total"].get<int>(), 1);
  ASSERT_LT(own["total"], everything["total"]);
  EXPECT_EQ(admin.Get(all).Json(), everything);  // each keeps their own, asked in turn
  const std::string mine = own["items"][0]["code"];
  std::string other;
  for (const std::string& code : CodesOf(everything)) {
    if (!CodesOf(own).count(code)) other = code;
  }
  ASSERT_FALSE(other.empty());

  // Out of the secretary's scope: remembered for admin, still unknown to the secretary, with
  // the very answer of a code never used.
  AskTwice(admin, OrgPath(other));
  const Reply refused = secretary.Get(OrgPath(other));
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(refused.Json()["error"]["reason"], "organization_not_found");
  const Reply never = secretary.Get(OrgPath("NEVER-USED"));
  EXPECT_EQ(never.status, 404);
  EXPECT_EQ(never.Json()["error"]["reason"], refused.Json()["error"]["reason"]);

  // In both scopes: the same organization, but what each may do is their own.
  const nlohmann::json as_admin = AskTwice(admin, OrgPath(mine));
  const nlohmann::json as_secretary = AskTwice(secretary, OrgPath(mine));
  EXPECT_EQ(as_admin["name"], as_secretary["name"]);
  EXPECT_TRUE(as_admin["may"]["end"].get<bool>());
  EXPECT_FALSE(as_secretary["may"]["end"].get<bool>());
  EXPECT_FALSE(as_secretary["may"]["change"].get<bool>());
  EXPECT_EQ(admin.Get(OrgPath(mine)).Json(), as_admin);

  // A page of the assessment: the hand decisions only for those who may read them.
  const std::string rows = "/api/v1/assessments/2016?limit=1000";
  const nlohmann::json admin_rows = AskTwice(admin, rows);
  const nlohmann::json secretary_rows = AskTwice(secretary, rows);
  ASSERT_FALSE(secretary_rows["items"].empty());
  EXPECT_TRUE(admin_rows["items"][0].contains("manual"));
  EXPECT_FALSE(secretary_rows["items"][0].contains("manual"));
  EXPECT_LT(secretary_rows["total"], admin_rows["total"]);
}

// Parameters the route does not read change nothing, and those it reads are each in the key.
TEST(HttpReadMemo, OnlyTheParametersTheRouteReadsMakeADifferentAnswer) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json page = AskTwice(admin, kOrgsPage);
  EXPECT_EQ(admin.Get(kOrgsPage + "&junk=1&other=2").Json(), page);
  EXPECT_EQ(admin.Get("/api/v1/organizations?offset=0&limit=20").Json(), page);
  const nlohmann::json next = admin.Get("/api/v1/organizations?limit=20&offset=20").Json();
  EXPECT_EQ(next["offset"], 20);
  EXPECT_NE(CodesOf(next), CodesOf(page));
  const nlohmann::json ended = admin.Get("/api/v1/organizations?limit=20&state=ended").Json();
  EXPECT_NE(ended["total"], page["total"]);
  const nlohmann::json ranked = admin.Get("/api/v1/assessments/2016?limit=5&order=rank").Json();
  const nlohmann::json by_code = admin.Get("/api/v1/assessments/2016?limit=5").Json();
  EXPECT_TRUE(ranked.contains("groups"));
  EXPECT_FALSE(by_code.contains("groups"));
  // A malformed value is refused as before, every time.
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(admin.Get("/api/v1/assessments/2016?order=sideways").status, 422);
    EXPECT_EQ(admin.Get("/api/v1/assessments/2099?order=sideways").status, 404);
    EXPECT_EQ(admin.Get("/api/v1/organizations?limit=0").status, 422);
  }
}

}  // namespace
}  // namespace grassroots::testing
