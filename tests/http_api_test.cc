// The resources end to end as admin: organizations, scores, imports, assessments, audit.
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

class HttpApi : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }
  Client admin_;
};

TEST_F(HttpApi, OrganizationsAreCreatedUpdatedAndMovedWithImportValidation) {
  Reply reply = admin_.Send(
      "POST", "/api/v1/organizations",
      R"({"code":"API-1","name":"接口党支部","type":"village","kind":"branch","parent":"MH001"})");
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.Json()["unit"], "default");
  EXPECT_EQ(admin_
                .Send("POST", "/api/v1/organizations",
                      R"({"code":"API-1","name":"x","type":"village","kind":"branch"})")
                .status,
            409);
  const std::string direct =
      admin_.Get("/api/v1/organizations?direct=true&limit=2").Json()["items"][1]["code"];
  reply = admin_.Send(
      "PUT", "/api/v1/organizations/API-1",
      R"({"name":"改名党支部","type":"village","kind":"branch","parent":")" + direct + "\"}");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json detail = admin_.Get("/api/v1/organizations/API-1").Json();
  EXPECT_EQ(detail["parent"], direct);
  EXPECT_EQ(detail["name"], "改名党支部");
  EXPECT_EQ(detail["member_counts"]["regular"], 0);
  // A cycle is refused like an import would.
  reply = admin_.Send("PUT", "/api/v1/organizations/" + direct,
                      R"({"name":"x","type":"village","kind":"committee","parent":"API-1"})");
  EXPECT_EQ(reply.status, 422) << reply.body;
  const nlohmann::json children =
      admin_.Get("/api/v1/organizations?parent=" + direct + "&q=API").Json();
  EXPECT_EQ(children["total"], 1);
}

TEST_F(HttpApi, BulkScoresAreAllOrNone) {
  const char* good =
      R"([{"code":"MH001","year":2031,"team":60,"leader":60,"venue":60,"routine":60,"service":60,"members":60},
          {"code":"MH001-01","year":2031,"team":61,"leader":61,"venue":61,"routine":61,"service":61,"members":61}])";
  Reply reply = admin_.Send("POST", "/api/v1/scores/bulk", good);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["inserted"], 2);
  const char* bad =
      R"([{"code":"MH001","year":2032,"team":60,"leader":60,"venue":60,"routine":60,"service":60,"members":60},
          {"code":"NOWHERE","year":2032,"team":61,"leader":61,"venue":61,"routine":61,"service":61,"members":61}])";
  reply = admin_.Send("POST", "/api/v1/scores/bulk", bad);
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.Json()["rows"][0]["line"], 2);
  EXPECT_EQ(admin_.Get("/api/v1/scores?year=2032").Json()["total"], 0);
  EXPECT_EQ(admin_.Get("/api/v1/scores?year=2031").Json()["total"], 2);
}

TEST_F(HttpApi, ImportsReportRowErrorsAndWriteNothing) {
  const std::string header = "code,year,team,leader,venue,routine,service,members\n";
  Reply reply = admin_.Send("POST", "/api/v1/imports/scores",
                            header + "MH001,2033,70,70,70,70,70,70\nNOPE,2033,1,1,1,1,1,1\n", true,
                            "text/csv");
  EXPECT_EQ(reply.status, 422) << reply.body;
  ASSERT_EQ(reply.Json()["rows"].size(), 1u);
  EXPECT_EQ(reply.Json()["rows"][0]["line"], 3);
  EXPECT_EQ(admin_.Get("/api/v1/scores?year=2033").Json()["total"], 0);
  reply = admin_.Send("POST", "/api/v1/imports/scores", header + "MH001,2033,70,70,70,70,70,70\n",
                      true, "text/csv");
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(admin_.Get("/api/v1/scores?year=2033").Json()["total"], 1);
  EXPECT_EQ(admin_.Send("POST", "/api/v1/imports/people", "x", true, "text/csv").status, 404);
}

TEST_F(HttpApi, WhatIfStoresNothingAndNamesWhoEntersAndLeaves) {
  const std::string before = HttpServer::Get().scratch().Dump(
      "SELECT COUNT(*), SUM(selected) FROM assessment_results WHERE year = 2016");
  const char* change = R"({"ratios":{"village":1,"community":1},"tie_rule":"take_all"})";
  const std::string path = "/api/v1/assessments/2016/what-if";
  const Reply reply = admin_.Send("POST", path + "?limit=1000", change);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json whole = reply.Json();
  const int entering = whole["entering_total"].get<int>();
  EXPECT_GT(entering, 6);
  EXPECT_EQ(whole["leaving_total"], 0);
  EXPECT_EQ(whole["change"], "entering");
  EXPECT_EQ(whole["total"], entering);
  ASSERT_EQ(whole["items"].size(), static_cast<std::size_t>(entering));
  EXPECT_EQ(whole["selected_after"].get<int>() - whole["selected_before"].get<int>(), entering);
  EXPECT_EQ(whole["selected_before"],
            admin_.Get("/api/v1/assessments/2016?selected=true&limit=1").Json()["total"]);
  for (const auto& item : whole["items"]) {
    EXPECT_FALSE(item["selected"].get<bool>()) << item.dump();  // not selected before
    EXPECT_FALSE(item["name"].get<std::string>().empty()) << item.dump();
    EXPECT_EQ(item["reasons_after"][0], "bottom_quota") << item.dump();
  }
  // A page at a time, in code order: two pages are the first six of the whole list.
  nlohmann::json paged = nlohmann::json::array();
  for (const char* page : {"?offset=0&limit=3", "?offset=3&limit=3"}) {
    const Reply part = admin_.Send("POST", path + page, change);
    ASSERT_EQ(part.status, 200) << part.body;
    const nlohmann::json answer = part.Json();
    EXPECT_EQ(answer["total"], entering);
    for (const auto& item : answer["items"]) paged.push_back(item["code"]);
  }
  ASSERT_EQ(paged.size(), 6u);
  for (std::size_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(paged[i], whole["items"][i]["code"]);
    if (i > 0) {
      EXPECT_LT(paged[i - 1].get<std::string>(), paged[i].get<std::string>());
    }
  }
  // The other list, and filters on both.
  const Reply leaving = admin_.Send("POST", path + "?change=leaving", change);
  ASSERT_EQ(leaving.status, 200) << leaving.body;
  EXPECT_EQ(leaving.Json()["total"], 0);
  EXPECT_EQ(leaving.Json()["entering_total"], entering);
  int by_type = 0;
  for (const char* type : {"village", "community", "soe"}) {
    const nlohmann::json part =
        admin_.Send("POST", path + "?limit=1000&type=" + type, change).Json();
    for (const auto& item : part["items"]) EXPECT_EQ(item["type"], type) << item.dump();
    if (std::string(type) == "soe") {
      EXPECT_EQ(part["entering_total"], 0) << part.dump();
    }
    by_type += part["entering_total"].get<int>();
  }
  EXPECT_EQ(by_type, entering);
  EXPECT_EQ(HttpServer::Get().scratch().Dump(
                "SELECT COUNT(*), SUM(selected) FROM assessment_results WHERE year = 2016"),
            before);
  const Reply bad = admin_.Send("POST", path + "?change=both", change);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Json()["error"]["reason"], "unknown_value");
  EXPECT_EQ(admin_.Send("POST", path, R"({"ratios":{"village":2}})").status, 422);
  EXPECT_EQ(admin_.Send("POST", path, R"({"speed":1})").status, 422);
}

TEST_F(HttpApi, HandDecisionsAndGradeOverridesNeedAReasonAndAreAudited) {
  EXPECT_EQ(
      admin_.Send("PUT", "/api/v1/assessments/2016/manual/MH001", R"({"include":true})").status,
      422);
  EXPECT_EQ(
      admin_.Send("PUT", "/api/v1/assessments/2016/manual/MH001", R"({"include":true,"reason":""})")
          .status,
      422);
  EXPECT_EQ(admin_
                .Send("PUT", "/api/v1/assessments/2016/manual/MH001",
                      R"({"include":true,"reason":"群众反映强烈"})")
                .status,
            200);
  EXPECT_EQ(admin_.Get("/api/v1/assessments/2016/manual").Json()["total"].get<int>() >= 1, true);
  EXPECT_EQ(admin_.Send("PUT", "/api/v1/scores/MH001/2016/grade", R"({"grade":"D"})").status, 422);
  Reply reply = admin_.Send("PUT", "/api/v1/scores/MH001/2016/grade",
                            R"({"grade":"D","reason":"committee review"})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["grade"], "D");
  const nlohmann::json audit = admin_.Get("/api/v1/audit?limit=1000").Json();
  EXPECT_GT(audit["total"].get<int>(), 0);
  const nlohmann::json verify = admin_.Get("/api/v1/audit/verify").Json();
  EXPECT_TRUE(verify["ok"].get<bool>()) << verify.dump();
}

TEST_F(HttpApi, PolicyAndAssessmentsAreListed) {
  const nlohmann::json policy = admin_.Get("/api/v1/policy").Json();
  EXPECT_EQ(policy["version"].get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_GE(admin_.Get("/api/v1/policy/versions").Json()["total"].get<int>(), 1);
  const nlohmann::json years = admin_.Get("/api/v1/assessments").Json();
  EXPECT_GE(years["total"].get<int>(), 2);
  const nlohmann::json rows = admin_.Get("/api/v1/assessments/2016?type=village&grade=C").Json();
  ASSERT_FALSE(rows["items"].empty()) << rows.dump();
  for (const auto& row : rows["items"]) {
    EXPECT_EQ(row["type"], "village");
    EXPECT_EQ(row["grade"], "C");
  }
  EXPECT_EQ(admin_.Get("/api/v1/assessments/1999").status, 404);
  EXPECT_EQ(admin_.Get("/api/v1/users").Json()["total"], 6);  // one demo account per role
}

TEST_F(HttpApi, ExplainOfAYearNotAssessedIsNotFoundWithAClearMessage) {
  // No scores at all for 2014; scores but no assessment yet for 2036.
  Reply reply = admin_.Get("/api/v1/assessments/2014/organizations/MH001/explain");
  EXPECT_EQ(reply.status, 404) << reply.body;
  EXPECT_EQ(reply.Json()["error"]["field"], "year");
  EXPECT_NE(reply.Json()["error"]["message"].get<std::string>().find("not been assessed"),
            std::string::npos);
  ASSERT_EQ(
      admin_
          .Send("PUT", "/api/v1/scores/MH001/2036",
                R"({"team":70,"leader":70,"venue":70,"routine":70,"service":70,"members":70})")
          .status,
      201);  // created
  EXPECT_EQ(admin_.Get("/api/v1/assessments/2036/organizations/MH001/explain").status, 404);
  ASSERT_EQ(admin_.Send("POST", "/api/v1/assessments/2036/run", "").status, 200);
  reply = admin_.Get("/api/v1/assessments/2036/organizations/MH001/explain");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["score"], 70.0);
}

}  // namespace
}  // namespace grassroots::testing
