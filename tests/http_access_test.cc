// The role x endpoint matrix: every role against representative routes, inside its scope and
// outside it, and concurrent writers losing nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

struct Scoped {
  std::string own;    // an organization in the role's scope
  std::string other;  // one outside it (a different direct organization's)
};

// The chain of codes from `code` up to its direct organization, read as admin.
std::vector<std::string> Chain(Client& admin, std::string code) {
  std::vector<std::string> chain;
  while (!code.empty() && chain.size() < 16) {
    chain.push_back(code);
    code = admin.Get("/api/v1/organizations/" + code).Json().value("parent", "");
  }
  return chain;
}

Scoped ScopeOf(Client& admin, Client& user) {
  const nlohmann::json scope = user.Get("/api/v1/session").Json()["user"]["scope"];
  Scoped out;
  out.own = scope.empty() ? "MH001" : scope[0].get<std::string>();
  std::vector<std::string> near;
  for (const auto& code : scope) {
    for (const auto& up : Chain(admin, code.get<std::string>())) near.push_back(up);
  }
  nlohmann::json direct = admin.Get("/api/v1/organizations?direct=true&limit=100").Json();
  for (const auto& org : direct["items"]) {
    const std::string code = org["code"];
    if (std::find(near.begin(), near.end(), code) == near.end()) {
      out.other = code;
      break;
    }
  }
  return out;
}

int Class(int status) { return status >= 200 && status < 300 ? 200 : status; }

struct Expect {
  const char* role;
  int read_other;
  int score_own, score_other;
  int member_own;
  int audit, users, run, what_if;
  int manage_users;  // POST /users and PUT /users/{name} with an empty body: 422 past the check
  int dry_run;       // POST /imports/scores?dry_run=true
};

TEST(HttpAccess, RoleByEndpointMatrix) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  const Expect matrix[] = {
      // role     read_other score own/other member audit users run what_if manage dry_run
      {"admin", 200, 200, 200, 200, 200, 200, 200, 200, 422, 200},
      {"unit_admin", 404, 200, 404, 200, 403, 403, 403, 200, 403, 403},
      {"secretary", 404, 403, 404, 200, 403, 403, 403, 403, 403, 403},
      {"first_secretary", 404, 403, 404, 200, 403, 403, 403, 403, 403, 403},
      {"leader", 404, 403, 404, 403, 403, 403, 403, 200, 403, 403},
      {"auditor", 200, 403, 403, 403, 200, 403, 403, 200, 403, 403},
  };
  for (const Expect& e : matrix) {
    SCOPED_TRACE(e.role);
    Client user;
    ASSERT_EQ(user.LoginAs(e.role).status, 200);
    const Scoped scope = ScopeOf(admin, user);
    ASSERT_FALSE(scope.other.empty());
    EXPECT_EQ(user.Get("/api/v1/organizations/" + scope.own).status, 200);
    EXPECT_EQ(user.Get("/api/v1/organizations/" + scope.own + "/members").status, 200);
    EXPECT_EQ(Class(user.Get("/api/v1/organizations/" + scope.other).status), e.read_other);
    EXPECT_EQ(Class(user.Get("/api/v1/organizations/" + scope.other + "/scores").status),
              e.read_other);
    EXPECT_EQ(Class(user.Send("PUT", "/api/v1/scores/" + scope.own + "/2016", kScore).status),
              e.score_own);
    EXPECT_EQ(Class(user.Send("PUT", "/api/v1/scores/" + scope.other + "/2016", kScore).status),
              e.score_other);
    const nlohmann::json member = {{"id", std::string("T-") + e.role},
                                   {"name", "测试党员"},
                                   {"org", scope.own},
                                   {"status", "regular"}};
    EXPECT_EQ(Class(user.Send("POST", "/api/v1/members", member.dump()).status), e.member_own);
    EXPECT_EQ(Class(user.Get("/api/v1/audit").status), e.audit);
    EXPECT_EQ(Class(user.Get("/api/v1/users").status), e.users);
    EXPECT_EQ(Class(user.Send("POST", "/api/v1/assessments/2016/run", "").status), e.run);
    EXPECT_EQ(
        Class(user.Send("POST", "/api/v1/assessments/2016/what-if", R"({"ratios":{"village":0.3}})")
                  .status),
        e.what_if);
    EXPECT_EQ(Class(user.Send("POST", "/api/v1/users", "{}").status), e.manage_users);
    EXPECT_EQ(Class(user.Send("PUT", "/api/v1/users/admin", "{}").status), e.manage_users);
    EXPECT_EQ(
        Class(user.Send("POST", "/api/v1/imports/scores?dry_run=true",
                        "code,year,team,leader,venue,routine,service,members\n", true, "text/csv")
                  .status),
        e.dry_run);
    // Every role reads the dashboard (over its scope) and may change its own password.
    EXPECT_EQ(Class(user.Get("/api/v1/assessments/2016/summary").status), 200);
    EXPECT_EQ(Class(user.Get("/api/v1/assessments/trend").status), 200);
    EXPECT_EQ(Class(user.Send("PUT", "/api/v1/session/password", "{}").status), 422);
    // Lists show only the scope.
    nlohmann::json list = user.Get("/api/v1/organizations?limit=1000").Json();
    nlohmann::json all = admin.Get("/api/v1/organizations?limit=1000").Json();
    if (std::string(e.role) == "admin" || std::string(e.role) == "auditor") {
      EXPECT_EQ(list["total"], all["total"]);
    } else {
      EXPECT_LT(list["total"].get<int>(), all["total"].get<int>());
      EXPECT_GE(list["total"].get<int>(), 1);
      EXPECT_EQ(list["items"].size(), list["total"].get<std::size_t>());
      for (const auto& org : list["items"]) EXPECT_NE(org["code"], scope.other);
    }
  }
}

TEST(HttpAccess, ExplainGivesTheQuotaArithmetic) {
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  nlohmann::json rows = admin.Get("/api/v1/assessments/2016?selected=true").Json();
  ASSERT_GT(rows["total"].get<int>(), 0) << rows.dump();
  const std::string code = rows["items"][0]["code"];
  const Reply explain = admin.Get("/api/v1/assessments/2016/organizations/" + code + "/explain");
  ASSERT_EQ(explain.status, 200) << explain.body;
  EXPECT_TRUE(explain.Json()["selected"].get<bool>());
  const nlohmann::json group = explain.Json()["group"];  // quota = ceil(count × ratio)
  EXPECT_EQ(
      group["quota"],
      (group["count"].get<std::int64_t>() * group["ratio_ppm"].get<std::int64_t>() + 999'999) /
          1'000'000);
}

TEST(HttpConcurrency, ParallelScoreWritesAreAllStored) {
  constexpr int kThreads = 8, kEach = 5;
  Client admin;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  nlohmann::json orgs = admin.Get("/api/v1/organizations?limit=200").Json();
  ASSERT_GE(orgs["items"].size(), static_cast<std::size_t>(kThreads * kEach));
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Client client;
      client.LoginAs("admin");
      for (int k = 0; k < kEach; ++k) {
        const std::string code = orgs["items"][t * kEach + k]["code"];
        const nlohmann::json body = {{"team", 50 + t}, {"leader", 50 + k}, {"venue", 60},
                                     {"routine", 60},  {"service", 60},    {"members", 60}};
        if (Class(client.Send("PUT", "/api/v1/scores/" + code + "/2030", body.dump()).status) !=
            200) {
          ++failures[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
  for (int t = 0; t < kThreads; ++t) {
    for (int k = 0; k < kEach; ++k) {
      const std::string code = orgs["items"][t * kEach + k]["code"];
      nlohmann::json scores = admin.Get("/api/v1/organizations/" + code + "/scores").Json();
      bool found = false;
      for (const auto& s : scores["items"]) {
        if (s["year"] == 2030) {
          found = true;
          EXPECT_EQ(s["team"].get<double>(), 50 + t);
          EXPECT_EQ(s["leader"].get<double>(), 50 + k);
        }
      }
      EXPECT_TRUE(found) << code;
    }
  }
}

// What-if counts cover the caller's scope, like its lists: a unit's administrator sees how
// a change moves their own list, never the county's total.
TEST(HttpAccess, WhatIfCountsOnlyTheCallersScope) {
  const char* change = R"({"ratios":{"village":1,"community":1}})";
  Client admin, unit;
  ASSERT_EQ(admin.LoginAs("admin").status, 200);
  ASSERT_EQ(unit.LoginAs("unit_admin").status, 200);
  const Reply county = admin.Send("POST", "/api/v1/assessments/2016/what-if", change);
  const Reply own = unit.Send("POST", "/api/v1/assessments/2016/what-if", change);
  ASSERT_EQ(county.status, 200) << county.body;
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_TRUE(county.Json()["whole_county"].get<bool>());
  EXPECT_FALSE(own.Json()["whole_county"].get<bool>());
  EXPECT_LT(own.Json()["selected_after"].get<int>(), county.Json()["selected_after"].get<int>());
  EXPECT_LT(own.Json()["entering_total"].get<int>(), county.Json()["entering_total"].get<int>());
  const Reply listed = unit.Send("POST", "/api/v1/assessments/2016/what-if?limit=1000", change);
  const nlohmann::json items = listed.Json()["items"];
  ASSERT_FALSE(items.empty()) << listed.body;  // every village and community is taken
  EXPECT_EQ(items.size(), listed.Json()["entering_total"].get<std::size_t>());
  for (const auto& item : items) {
    const std::string code = item["code"];
    EXPECT_EQ(unit.Get("/api/v1/organizations/" + code).status, 200) << code;
  }
}

}  // namespace
}  // namespace grassroots::testing
