// Standardized branches (标准化党支部) and pairing (百局联百村) over HTTP on the demo county,
// whose demo designated two 2016 batches among organizations its 2016 assessment did not
// select (one revoked), tagged the selected villages for 2017 and paired them with agencies.
#include <gtest/gtest.h>

#include <set>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

// Codes of the 2016 assessment's rows of `type`, selected or not, from `offset`.
std::vector<std::string> Codes(Client& admin, bool selected, const std::string& type, int offset,
                               int limit) {
  const nlohmann::json rows =
      admin
          .Get("/api/v1/assessments/2016?selected=" + std::string(selected ? "true" : "false") +
               "&type=" + type + "&offset=" + std::to_string(offset) +
               "&limit=" + std::to_string(limit))
          .Json();
  std::vector<std::string> codes;
  for (const auto& row : rows["items"]) codes.push_back(row["code"]);
  return codes;
}

nlohmann::json Batch(const std::vector<std::string>& codes) {
  return {{"year", 2016}, {"name", "2016年第三批"}, {"on", "2016-12-28"}, {"codes", codes}};
}

nlohmann::json Find(const nlohmann::json& list, const std::string& code) {
  for (const auto& item : list["items"]) {
    if (item["org"] == code) return item;
  }
  return nullptr;
}

TEST(HttpStandards, ABatchNamingAnOrganizationSelectedForRectificationIsRefusedWhole) {
  // Agencies' branches (机关党支部): the demo county has many that 2016 did not select.
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const auto fine = Codes(admin, false, "agency", 30, 2);
  const auto selected = Codes(admin, true, "village", 0, 1);
  ASSERT_EQ(fine.size(), 2u);
  ASSERT_EQ(selected.size(), 1u);
  const int before = admin.Get("/api/v1/standardized-branches?year=2016").Json()["total"];

  const Reply refused = admin.Send("POST", "/api/v1/standardized-branches",
                                   Batch({fine[0], selected[0], "NO-SUCH", fine[0]}).dump());
  ASSERT_EQ(refused.status, 422) << refused.body;
  const nlohmann::json rows = refused.Json()["rows"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["line"], 2);
  EXPECT_EQ(rows[0]["reason"], "selected_for_rectification");
  EXPECT_EQ(rows[0]["params"]["code"], selected[0]);
  EXPECT_EQ(rows[0]["params"]["year"], "2016");
  EXPECT_EQ(rows[1]["reason"], "organization_not_found");
  EXPECT_EQ(rows[2]["reason"], "duplicate_code");
  // All or nothing: the good code was not designated either.
  EXPECT_EQ(admin.Get("/api/v1/standardized-branches?year=2016").Json()["total"], before);

  const Reply done = admin.Send("POST", "/api/v1/standardized-branches", Batch(fine).dump());
  ASSERT_EQ(done.status, 201) << done.body;
  const nlohmann::json list =
      admin.Get("/api/v1/standardized-branches?year=2016&limit=1000").Json();
  EXPECT_EQ(list["total"], before + 2);
  EXPECT_TRUE(list["can"]["designate"].get<bool>());
  const nlohmann::json item = Find(list, fine[0]);
  ASSERT_TRUE(item.is_object());
  EXPECT_EQ(item["state"], "current");
  EXPECT_EQ(item["batch"]["name"], "2016年第三批");
  EXPECT_FALSE(item["in_conflict"].get<bool>());
  // Once designated, a second batch naming it is refused: already_standardized.
  const Reply again = admin.Send("POST", "/api/v1/standardized-branches", Batch({fine[1]}).dump());
  EXPECT_EQ(again.Json()["rows"][0]["reason"], "already_standardized");
}

TEST(HttpStandards, ATitleHeldWhenTheYearSelectsItIsFlaggedAndRevokedWithAReason) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const auto fine = Codes(admin, false, "agency", 34, 1);
  ASSERT_EQ(fine.size(), 1u);
  ASSERT_EQ(admin.Send("POST", "/api/v1/standardized-branches", Batch(fine).dump()).status, 201);
  // The committee adds it to 2016's list by hand and the year is run again: the stored
  // selection now holds it.
  ASSERT_EQ(admin
                .Send("PUT", "/api/v1/assessments/2016/manual/" + fine[0],
                      R"({"include":true,"reason":"群众反映强烈"})")
                .status,
            200);
  ASSERT_EQ(admin.Send("POST", "/api/v1/assessments/2016/run", "").status, 200);
  nlohmann::json item =
      Find(admin.Get("/api/v1/standardized-branches?year=2016&limit=1000").Json(), fine[0]);
  ASSERT_TRUE(item.is_object());
  EXPECT_TRUE(item["selected"].get<bool>());
  EXPECT_TRUE(item["in_conflict"].get<bool>());

  const std::string path = "/api/v1/standardized-branches/" + std::to_string(item["id"].get<int>());
  EXPECT_EQ(Reason(admin.Send("POST", path + "/revoke", R"({"on":"2017-01-10"})")), "empty");
  const Reply revoked =
      admin.Send("POST", path + "/revoke", R"({"on":"2017-01-10","reason":"列入整顿名单"})");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.Json()["state"], "revoked");
  EXPECT_EQ(revoked.Json()["revoke_reason"], "列入整顿名单");
  EXPECT_FALSE(revoked.Json()["in_conflict"].get<bool>());
  const Reply twice =
      admin.Send("POST", path + "/revoke", R"({"on":"2017-01-10","reason":"再次"})");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(Reason(twice), "already_revoked");
  EXPECT_EQ(Reason(admin.Send("POST", "/api/v1/standardized-branches/999999/revoke",
                              R"({"on":"2017-01-10","reason":"x"})")),
            "designation_not_found");
  // The audit log holds both writes.
  const nlohmann::json audit = admin.Get("/api/v1/audit?limit=20").Json();
  std::set<std::string> actions;
  for (const auto& e : audit["items"]) actions.insert(e["action"].get<std::string>());
  EXPECT_TRUE(actions.count("standards.revoke"));
  EXPECT_TRUE(actions.count("standards.designate"));

  const nlohmann::json revoked_list =
      admin.Get("/api/v1/standardized-branches?year=2016&state=revoked").Json();
  EXPECT_GE(revoked_list["total"].get<int>(), 2);  // the demo's and this one
  const Reply file = admin.Get("/api/v1/exports/standardized-branches/2016.xlsx");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body.substr(0, 2), "PK");
}

TEST(HttpStandards, OthersReadTheirScopeOnlyAndCannotDesignateOrRevoke) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const int all = admin.Get("/api/v1/standardized-branches").Json()["total"];
  for (const char* role : {"unit_admin", "secretary", "leader"}) {
    Client user;
    ASSERT_EQ(user.LoginAs(role).status, 200);
    const nlohmann::json list = user.Get("/api/v1/standardized-branches?limit=1000").Json();
    EXPECT_LE(list["total"].get<int>(), all) << role;
    EXPECT_FALSE(list["can"]["designate"].get<bool>()) << role;
    for (const auto& item : list["items"]) {
      EXPECT_EQ(user.Get("/api/v1/organizations/" + item["org"].get<std::string>()).status, 200)
          << role << " lists " << item["org"];
    }
    EXPECT_EQ(user.Send("POST", "/api/v1/standardized-branches",
                        Batch(Codes(admin, false, "agency", 40, 1)).dump())
                  .status,
              403)
        << role;
    EXPECT_EQ(user.Send("POST", "/api/v1/standardized-branches/1/revoke",
                        R"({"on":"2017-01-10","reason":"x"})")
                  .status,
              403)
        << role;
  }
}

TEST(HttpPairing, ProposalsMatchTheTagsCategoryWithRoomAndPairingsRespectCapacity) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const auto villages = Codes(admin, false, "village", 5, 3);
  ASSERT_EQ(villages.size(), 3u);
  const Reply agency = admin.Send("POST", "/api/v1/pairing/agencies",
                                  R"({"name":"县人民法院","category":"政法","capacity":1})");
  ASSERT_EQ(agency.status, 201) << agency.body;
  EXPECT_EQ(agency.Json()["category"], "political_legal");
  const int id = agency.Json()["id"];
  EXPECT_EQ(Reason(admin.Send("POST", "/api/v1/pairing/agencies",
                              R"({"name":"县人民法院","category":"economic","capacity":1})")),
            "agency_name_taken");

  const Reply tagged = admin.Send("PUT", "/api/v1/pairing/tags/2018/" + villages[0],
                                  R"({"tags":["乱","weak_org"]})");
  ASSERT_EQ(tagged.status, 200) << tagged.body;
  EXPECT_EQ(tagged.Json()["tags"], nlohmann::json({"weak_org", "disorderly"}));
  const nlohmann::json proposals =
      admin.Get("/api/v1/pairing/proposals/2018/" + villages[0]).Json();
  EXPECT_EQ(proposals["matching"]["disorderly"], "political_legal");
  bool court = false;
  std::string last_tag = "weak_org";
  for (const auto& p : proposals["proposals"]) {
    EXPECT_EQ(p["category"], proposals["matching"][p["tag"].get<std::string>()]);
    EXPECT_GT(p["agency"]["spare"].get<int>(), 0);
    if (p["tag"] != last_tag) {
      EXPECT_EQ(p["tag"], "disorderly");  // weak_org's partners first, then disorderly's
      last_tag = p["tag"];
    }
    court = court || p["agency"]["id"] == id;
  }
  EXPECT_TRUE(court);

  const auto pair = [&](const std::string& code) {
    return admin.Send("POST", "/api/v1/pairing/pairings",
                      nlohmann::json{{"year", 2018}, {"org", code}, {"agency", id}}.dump());
  };
  const Reply first = pair(villages[0]);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["agency"]["name"], "县人民法院");
  EXPECT_EQ(Reason(pair(villages[0])), "pairing_exists");
  const Reply full = pair(villages[1]);
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(Reason(full), "agency_full");
  // A full agency is proposed no more.
  const nlohmann::json after_full =
      admin.Get("/api/v1/pairing/proposals/2018/" + villages[0]).Json()["proposals"];
  for (const auto& p : after_full) EXPECT_NE(p["agency"]["id"], id);
  const auto communities = Codes(admin, false, "community", 0, 1);
  ASSERT_EQ(communities.size(), 1u);
  EXPECT_EQ(Reason(pair(communities[0])), "not_a_village");
  EXPECT_EQ(Reason(admin.Send("PUT", "/api/v1/pairing/tags/2018/" + communities[0],
                              R"({"tags":["poor"]})")),
            "not_a_village");
  EXPECT_EQ(
      Reason(admin.Send("PUT", "/api/v1/pairing/tags/2018/" + villages[2], R"({"tags":["rich"]})")),
      "unknown_value");

  const nlohmann::json agencies = admin.Get("/api/v1/pairing/agencies?year=2018").Json();
  for (const auto& a : agencies["items"]) {
    if (a["id"] == id) {
      EXPECT_EQ(a["spare"], 0);
    }
  }
  const nlohmann::json pairs = admin.Get("/api/v1/pairing/pairings?year=2018").Json();
  EXPECT_EQ(pairs["total"], 1);
}

TEST(HttpPairing, TheDemosPairingsAreScopedAndOnlyAdminWrites) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const nlohmann::json all = admin.Get("/api/v1/pairing/pairings?year=2017&limit=1000").Json();
  ASSERT_GT(all["total"].get<int>(), 0);
  ASSERT_GT(admin.Get("/api/v1/pairing/tags?year=2017").Json()["total"].get<int>(), 0);
  Client unit;
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  const nlohmann::json own = unit.Get("/api/v1/pairing/pairings?year=2017&limit=1000").Json();
  for (const auto& p : own["items"]) {
    EXPECT_EQ(unit.Get("/api/v1/organizations/" + p["org"].get<std::string>()).status, 200);
  }
  EXPECT_EQ(unit.Get("/api/v1/pairing/agencies?year=2017").status, 403);
  const std::string code = all["items"][0]["org"];
  const Reply write =
      unit.Send("POST", "/api/v1/pairing/pairings",
                nlohmann::json{{"year", 2017}, {"org", code}, {"agency", 1}}.dump());
  EXPECT_EQ(write.status, 403);
  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  EXPECT_EQ(auditor.Get("/api/v1/pairing/agencies?year=2017").status, 200);
  EXPECT_EQ(auditor.Get("/api/v1/pairing/proposals/2017/" + code).status, 200);
  EXPECT_EQ(auditor.Send("PUT", "/api/v1/pairing/tags/2017/" + code, R"({"tags":[]})").status, 403);
}

}  // namespace
}  // namespace grassroots::testing
