// Bad input of every kind gets its 4xx, never a 500, and changes nothing.
#include <gtest/gtest.h>

#include "http_harness.h"
#include "server_process.h"

namespace grassroots::testing {
namespace {

class HttpInput : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }
  // What a bad request must not change.
  std::string Snapshot() const {
    const Scratch& db = HttpServer::Get().scratch();
    return db.Dump("SELECT COUNT(*) FROM scores") + db.Dump("SELECT COUNT(*) FROM organizations") +
           db.Dump("SELECT COUNT(*) FROM members") +
           db.Dump("SELECT code, team FROM scores WHERE code = 'MH001-01' ORDER BY year");
  }
  Client admin_;
};

TEST_F(HttpInput, MalformedJsonIs400) {
  const std::string before = Snapshot();
  const Reply reply = admin_.Send("PUT", "/api/v1/scores/MH001-01/2016", "{\"team\": 80,");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.Json()["error"]["code"], "bad_request");
  EXPECT_EQ(admin_.Send("POST", "/api/v1/organizations", "not json").status, 400);
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(HttpInput, WrongTypesAndUnknownFieldsAre422NamingTheField) {
  const std::string before = Snapshot();
  Reply reply =
      admin_.Send("PUT", "/api/v1/scores/MH001-01/2016",
                  R"({"team":"80","leader":80,"venue":80,"routine":80,"service":80,"members":80})");
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.Json()["error"]["field"], "team");
  reply = admin_.Send(
      "PUT", "/api/v1/scores/MH001-01/2016",
      R"({"team":80,"leader":80,"venue":80,"routine":80,"service":80,"members":80,"bonus":5})");
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.Json()["error"]["field"], "bonus");
  reply =
      admin_.Send("PUT", "/api/v1/scores/MH001-01/2016",
                  R"({"team":180,"leader":80,"venue":80,"routine":80,"service":80,"members":80})");
  EXPECT_EQ(reply.status, 422);
  reply = admin_.Send(
      "PUT", "/api/v1/scores/MH001-01/2016",
      R"({"team":80,"leader":80,"venue":80,"routine":80,"service":80,"members":80,"grade":"D"})");
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.Json()["error"]["field"], "reason");
  reply =
      admin_.Send("POST", "/api/v1/organizations",
                  R"({"code":"X1","name":"x","type":"village","kind":"branch","parent":"NOPE"})");
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(admin_.Send("POST", "/api/v1/scores/bulk", R"([{"code":"MH001","year":2016}])").status,
            422);
  EXPECT_EQ(admin_.Send("POST", "/api/v1/imports/scores", "code,year\nMH001,abc\n").status, 422);
  EXPECT_EQ(Snapshot(), before);
}

// Answered from the announced length, before any of the body is read or sent.
TEST_F(HttpInput, HugeBodyIs413) {
  const std::string before = Snapshot();
  const RawReply reply = RawExchange("127.0.0.1", HttpServer::Get().port(),
                                     "POST /api/v1/imports/scores HTTP/1.1\r\nHost: x\r\n"
                                     "Content-Type: text/csv\r\nContent-Length: 9437184\r\n\r\n");
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(HttpInput, PathTricksAreNotFound) {
  Client leader;
  ASSERT_EQ(leader.LoginAs("leader").status, 200);
  for (const char* path : {"/api/v1/organizations/../users", "/api/v1/organizations/..%2Fusers",
                           "/api/v1/organizations/%2E%2E", "/api/v1/organizations/a%00b",
                           "/api/v1/organizations/%FF%FE", "/api/v1/scores/..%2F..%2Fusers/2016",
                           "/api/v1/assessments/99999999999999999999"}) {
    const Reply reply = leader.Get(path);
    EXPECT_GE(reply.status, 400) << path;
    EXPECT_LT(reply.status, 500) << path;
    EXPECT_NE(reply.status, 200) << path;
  }
}

TEST_F(HttpInput, SqlMetacharactersAreJustText) {
  const std::string before = Snapshot();
  for (const char* q :
       {"%27%20OR%20%271%27%3D%271", "%25", "_", "%22%3B%20DROP%20TABLE%20scores%3B--"}) {
    const Reply reply = admin_.Get(std::string("/api/v1/organizations?q=") + q);
    EXPECT_EQ(reply.status, 200) << q;
    EXPECT_EQ(reply.Json()["total"], 0) << q;
  }
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(HttpInput, InvalidUtf8IsRefused) {
  const std::string before = Snapshot();
  const std::string body =
      "{\"code\":\"X\xff\",\"name\":\"x\",\"type\":\"village\",\"kind\":\"branch\"}";
  const Reply reply = admin_.Send("POST", "/api/v1/organizations", body);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(admin_.Get("/api/v1/organizations?q=%FF").status, 422);
  EXPECT_EQ(
      admin_.Send("POST", "/api/v1/imports/orgs", "code,name\nX\xff,y\n", true, "text/csv").status,
      422);
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(HttpInput, PagingParametersAreChecked) {
  EXPECT_EQ(admin_.Get("/api/v1/organizations?limit=0").status, 422);
  EXPECT_EQ(admin_.Get("/api/v1/organizations?limit=1001").status, 422);
  EXPECT_EQ(admin_.Get("/api/v1/organizations?offset=-1").status, 422);
  EXPECT_EQ(admin_.Get("/api/v1/organizations?limit=abc").status, 422);
  const Reply page = admin_.Get("/api/v1/organizations?limit=5&offset=3");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.Json()["items"].size(), 5u);
}

}  // namespace
}  // namespace grassroots::testing
