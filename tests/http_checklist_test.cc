// Checklists over HTTP (issue 14, standards): a unit admin answers an organization's checklists
// of a year with notes and evidence, applies the feeding ones to the year's score (refused until
// every item is answered and a score exists), and the score's sources show which checklist set
// a dimension, the items met, the mapping, who applied it and when, as stored then. A secretary
// reads but does not fill; an organization out of scope answers as a code never used.
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

// MH001-01: a village in the demo unit_admin's and secretary's scope; MH002-02 out of both.
// 2017 has no demo scores or answers, so each test starts clean.
constexpr char kOrg[] = "MH001-01";
const std::string kPath = "/api/v1/organizations/MH001-01/checklists/2017";

// {"items":[...]} answering `count` items of `keys` with `state`, then the rest with `rest`.
std::string Answers(const std::vector<std::pair<std::string, std::string>>& items) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [item, state] : items) {
    list.push_back({{"item", item}, {"state", state}, {"note", state == "not_met" ? "缺" : ""}});
  }
  return nlohmann::json{{"items", list}}.dump();
}

const std::vector<std::string> kVenueItems = {"room",    "sign",      "flag",  "rules",
                                              "duties",  "equipment", "books", "furniture",
                                              "records", "funds"};

class HttpChecklist : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(admin_.LoginAs("admin").status, 200);
    ASSERT_EQ(unit_.LoginAs("unit_admin").status, 200);
  }
  // Venue: 7 met, 2 not met, 1 not applicable (77.78); the 20 items of internal work all met.
  void FillBoth() {
    std::vector<std::pair<std::string, std::string>> venue;
    for (std::size_t i = 0; i < kVenueItems.size(); ++i) {
      venue.emplace_back(kVenueItems[i], i < 7 ? "met" : i < 9 ? "not_met" : "not_applicable");
    }
    ASSERT_EQ(unit_.Send("PUT", kPath + "/venue_10", Answers(venue)).status, 200);
    nlohmann::json defs = unit_.Get("/api/v1/checklists").Json();
    std::vector<std::pair<std::string, std::string>> internal;
    for (const auto& c : defs["checklists"]) {
      if (c["id"] != "internal_work_20") continue;
      for (const auto& item : c["items"]) internal.emplace_back(item["key"], "met");
    }
    ASSERT_EQ(internal.size(), 20u);
    ASSERT_EQ(unit_.Send("PUT", kPath + "/internal_work_20", Answers(internal)).status, 200);
  }
  Reply PutScore() {
    return admin_.Send(
        "PUT", "/api/v1/scores/MH001-01/2017",
        R"({"team":70,"leader":71,"venue":50,"routine":60,"service":74,"members":75})");
  }

  Client admin_, unit_;
};

TEST_F(HttpChecklist, TheDefinitionsComeFromTheFileBesideThePolicy) {
  const Reply reply = unit_.Get("/api/v1/checklists");
  ASSERT_EQ(reply.status, 200);
  const nlohmann::json body = reply.Json();
  EXPECT_EQ(body["name"], "mohe-2016");
  EXPECT_NE(body["mapping"].get<std::string>().find("met / applicable"), std::string::npos);
  ASSERT_GE(body["checklists"].size(), 2u);
  EXPECT_EQ(body["checklists"][0]["id"], "venue_10");
  EXPECT_EQ(body["checklists"][0]["feeds"], "venue");
  EXPECT_EQ(body["checklists"][0]["items"].size(), 10u);
}

TEST_F(HttpChecklist, AUnitAdminFillsAndTheScoreItWouldGiveIsShown) {
  FillBoth();
  const nlohmann::json view = unit_.Get(kPath).Json();
  EXPECT_EQ(view["type"], "village");
  EXPECT_EQ(view["can"]["fill"], true);
  std::vector<std::string> ids;
  for (const auto& c : view["checklists"]) ids.push_back(c["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"venue_10", "internal_work_20", "village_standard"}));
  const nlohmann::json& venue = view["checklists"][0];
  EXPECT_EQ(venue["answers"]["sign"]["state"], "met");
  EXPECT_EQ(venue["answers"]["furniture"]["state"], "not_met");
  EXPECT_EQ(venue["answers"]["furniture"]["note"], "缺");
  EXPECT_EQ(venue["answers"]["furniture"]["updated_by"], "unit_admin");
  EXPECT_EQ(venue["score"]["met"], 7);
  EXPECT_EQ(venue["score"]["applicable"], 9);
  EXPECT_DOUBLE_EQ(venue["score"]["score"].get<double>(), 77.78);
  // The type's own standard feeds nothing, so it shows no score.
  EXPECT_TRUE(view["checklists"][2]["score"].is_null());
}

TEST_F(HttpChecklist, ApplyingWritesTheFedDimensionsAndTheSourcesShowWhereTheyCameFrom) {
  ASSERT_EQ(unit_.Send("PUT", kPath + "/venue_10", Answers({{"room", "met"}})).status, 200);
  Reply refused = unit_.Send("POST", kPath + "/apply", "");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.Json()["error"]["reason"], "checklist_incomplete");
  FillBoth();
  refused = unit_.Send("POST", kPath + "/apply", "");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.Json()["error"]["reason"], "score_missing");
  ASSERT_EQ(PutScore().status, 201);

  const Reply applied = unit_.Send("POST", kPath + "/apply", "");
  ASSERT_EQ(applied.status, 200) << applied.body;
  ASSERT_EQ(applied.Json()["applied"].size(), 2u);
  const nlohmann::json scores = unit_.Get("/api/v1/organizations/MH001-01/scores").Json();
  nlohmann::json year;
  for (const auto& s : scores["items"]) {
    if (s["year"] == 2017) year = s;
  }
  EXPECT_DOUBLE_EQ(year["venue"].get<double>(), 77.78);
  EXPECT_DOUBLE_EQ(year["routine"].get<double>(), 100);
  EXPECT_DOUBLE_EQ(year["team"].get<double>(), 70);  // the others as entered

  // The answers change afterwards: the sources still show what was applied then.
  ASSERT_EQ(unit_.Send("PUT", kPath + "/venue_10", Answers({{"furniture", "met"}})).status, 200);
  nlohmann::json sources = unit_.Get("/api/v1/scores/MH001-01/2017/sources").Json();
  ASSERT_EQ(sources["dimensions"].size(), 6u);
  const nlohmann::json venue = sources["dimensions"][2];
  EXPECT_EQ(venue["dimension"], "venue");
  EXPECT_EQ(venue["from_checklist"], true);
  EXPECT_EQ(venue["application"]["checklist"], "venue_10");
  EXPECT_EQ(venue["application"]["met"], 7);
  EXPECT_EQ(venue["application"]["applicable"], 9);
  EXPECT_EQ(venue["application"]["applied_by"], "unit_admin");
  EXPECT_FALSE(venue["application"]["applied_at"].get<std::string>().empty());
  EXPECT_NE(venue["application"]["mapping"].get<std::string>().find("applicable"),
            std::string::npos);
  bool furniture_not_met = false;
  for (const auto& item : venue["application"]["items"]) {
    if (item["item"] == "furniture") furniture_not_met = item["state"] == "not_met";
  }
  EXPECT_TRUE(furniture_not_met);
  EXPECT_TRUE(sources["dimensions"][0]["application"].is_null());  // team: entered by hand

  // A later hand edit of the dimension: the source says the score no longer holds its value.
  ASSERT_EQ(PutScore().status, 200);
  sources = unit_.Get("/api/v1/scores/MH001-01/2017/sources").Json();
  EXPECT_EQ(sources["dimensions"][2]["from_checklist"], false);
  EXPECT_EQ(sources["dimensions"][2]["application"]["checklist"], "venue_10");
}

TEST_F(HttpChecklist, BadAnswersAreRefusedNamingTheField) {
  Reply reply = unit_.Send("PUT", kPath + "/venue_10", Answers({{"room", "done"}}));
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.Json()["error"]["field"], "items[0].state");
  reply = unit_.Send("PUT", kPath + "/venue_10", Answers({{"nope", "met"}}));
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.Json()["error"]["reason"], "unknown_checklist_item");
  reply = unit_.Send("PUT", kPath + "/soe_standard", Answers({{"staff", "met"}}));
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.Json()["error"]["reason"], "checklist_not_found");
  EXPECT_TRUE(unit_.Get(kPath).Json()["checklists"][0]["answers"].empty());
}

TEST_F(HttpChecklist, ASecretaryReadsButDoesNotFill) {
  Client secretary;
  ASSERT_EQ(secretary.LoginAs("secretary").status, 200);
  const Reply view = secretary.Get(kPath);
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(view.Json()["can"]["fill"], false);
  EXPECT_EQ(secretary.Send("PUT", kPath + "/venue_10", Answers({{"room", "met"}})).status, 403);
  EXPECT_EQ(secretary.Send("POST", kPath + "/apply", "").status, 403);
}

TEST_F(HttpChecklist, OutOfScopeIsAnsweredAsACodeNeverUsed) {
  for (const std::string& tail : {std::string(), std::string("/venue_10")}) {
    const std::string method = tail.empty() ? "GET" : "PUT";
    const std::string body = tail.empty() ? "" : Answers({{"room", "met"}});
    const auto send = [&](const std::string& code) {
      const std::string path = "/api/v1/organizations/" + code + "/checklists/2017" + tail;
      return tail.empty() ? unit_.Get(path) : unit_.Send(method, path, body);
    };
    const Reply out = send("MH002-02");
    const Reply none = send("MH999-99");
    EXPECT_EQ(out.status, 404);
    EXPECT_EQ(out.status, none.status);
    nlohmann::json a = out.Json(), b = none.Json();
    EXPECT_EQ(a["error"]["reason"], b["error"]["reason"]);
  }
  EXPECT_EQ(unit_.Get("/api/v1/scores/MH002-02/2016/sources").status, 404);
}

TEST_F(HttpChecklist, AnAnsweredItemTakesEvidenceFilesReadInScopeOnly) {
  const std::string evidence = kPath + "/venue_10/room/evidence";
  const std::string png("\x89PNG\r\n\x1A\n evidence", 18);
  const std::string form =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"现场.png\"\r\n"
      "Content-Type: image/png\r\n\r\n" +
      png + "\r\n--b--\r\n";
  Reply refused = unit_.Send("POST", evidence, form, true, "multipart/form-data; boundary=b");
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(refused.Json()["error"]["reason"], "checklist_answer_not_found");
  ASSERT_EQ(unit_.Send("PUT", kPath + "/venue_10", Answers({{"room", "met"}})).status, 200);
  const Reply added = unit_.Send("POST", evidence, form, true, "multipart/form-data; boundary=b");
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string id = std::to_string(added.Json()["id"].get<int>());
  EXPECT_EQ(unit_.Get(evidence).Json()["total"], 1);
  EXPECT_EQ(unit_.Get(kPath).Json()["checklists"][0]["answers"]["room"]["evidence"], 1);
  const Reply file = unit_.Get("/api/v1/organizations/MH001-01/checklist-evidence/" + id);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, png);
  // Named under another organization, the file is not there.
  EXPECT_EQ(admin_.Get("/api/v1/organizations/MH001-02/checklist-evidence/" + id).status, 404);
}

}  // namespace
}  // namespace grassroots::testing
