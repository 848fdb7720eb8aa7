// First secretaries' monthly reports over HTTP (issue 14): a first secretary files the work plan
// and duty ledger of the villages they hold the five-level support posting of, with photos;
// months the posting did not cover are refused with the reason; a village out of scope answers
// as one never used; the late and missing reports of a month and the on-time rate per first
// secretary. The server's clock is fixed at 2018-06-10 10:00 county time.
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

constexpr char kFirstSecretaryNow[] = "2018-06-10T02:00:00Z";
// MH002-01: a village in the demo first_secretary's scope; MH003-01 one outside it.
constexpr char kPostedVillage[] = "MH002-01";
constexpr char kPerson[] = "测试书记";

std::string Reports(const std::string& code) {
  return "/api/v1/organizations/" + code + "/first-secretary-reports";
}

std::string Filing(const std::string& month, const std::string& kind) {
  return R"({"month":")" + month + R"(","kind":")" + kind + R"(","text":"走访农户12户"})";
}

class HttpFirstSecretary : public ::testing::Test {
 protected:
  void SetUp() override {
    HttpServer::Get().Restart(kFirstSecretaryNow);
    ASSERT_EQ(admin_.LoginAs("admin").status, 200);
    ASSERT_EQ(first_.LoginAs("first_secretary").status, 200);
    // The demo's selection year is 2016; its holders' postings run from their start dates. A
    // predecessor without an account from 2017, then kPerson from 15 March 2018: they owe
    // March's ledger but not March's plan.
    Post(R"({"year":2016,"person":"前任书记","start_date":"2017-01-01"})");
    Post(R"({"year":2016,"person":")" + std::string(kPerson) +
         R"(","user_name":"first_secretary","start_date":"2018-03-15"})");
  }
  void Post(const std::string& body) {
    const Reply posted = admin_.Send(
        "PUT", "/api/v1/organizations/" + std::string(kPostedVillage) + "/support/first_secretary",
        body);
    ASSERT_EQ(posted.status, 200) << posted.body;
  }
  Reply File(const std::string& month, const std::string& kind) {
    return first_.Send("POST", Reports(kPostedVillage), Filing(month, kind));
  }
  static void ExpectInvalid(const Reply& reply, const std::string& field,
                            const std::string& reason) {
    EXPECT_EQ(reply.status, 422) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["reason"], reason) << reply.body;
  }
  // The village's entry of `month` and `kind`, held by kPerson.
  nlohmann::json Entry(const std::string& month, const std::string& kind) {
    const Reply list = admin_.Get(Reports(kPostedVillage) + "?year=2018");
    EXPECT_EQ(list.status, 200) << list.body;
    const nlohmann::json body = list.Json();
    for (const auto& item : body["items"]) {
      if (item["month"] == month && item["kind"] == kind) return item;
    }
    return nullptr;
  }
  Client admin_, first_;
};

TEST_F(HttpFirstSecretary, AReportFiledAfterItsDueDayIsLateAndOneNotFiledIsMissing) {
  const Reply filed = File("2018-06", "work_plan");  // due 5 June, filed on the 10th
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(filed.Json()["person"], kPerson);
  ASSERT_EQ(File("2018-06", "duty_ledger").status, 201);  // early: on time
  const nlohmann::json plan = Entry("2018-06", "work_plan");
  ASSERT_FALSE(plan.is_null());
  EXPECT_EQ(plan["status"], "late");
  EXPECT_EQ(plan["due"], "2018-06-05");
  EXPECT_EQ(plan["report"]["text"], "走访农户12户");
  EXPECT_EQ(Entry("2018-06", "duty_ledger")["status"], "on_time");
  EXPECT_EQ(Entry("2018-05", "work_plan")["status"], "missing");
  EXPECT_EQ(Entry("2018-03", "duty_ledger")["person"], kPerson);
  // Nothing of July: the month has not begun.
  EXPECT_TRUE(Entry("2018-07", "work_plan").is_null());
  // Filed once.
  const Reply again = File("2018-06", "work_plan");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.Json()["error"]["reason"], "fs_report_already_filed");
}

TEST_F(HttpFirstSecretary, AMonthThePostingDidNotCoverIsRefusedWithTheReason) {
  const Reply march = File("2018-03", "work_plan");  // due 5 March, posted from the 15th
  ExpectInvalid(march, "month", "not_posted_for_month");
  EXPECT_EQ(march.Json()["error"]["params"]["start"], "2018-03-15");
  ExpectInvalid(File("2018-07", "work_plan"), "month", "month_not_started");
  EXPECT_EQ(File("2018-03", "duty_ledger").status, 201);
  ExpectInvalid(File("2018-6", "work_plan"), "month", "not_a_period");
  ExpectInvalid(File("2018-06", "plan"), "kind", "unknown_value");
  ExpectInvalid(first_.Send("POST", Reports(kPostedVillage),
                            R"({"month":"2018-06","kind":"work_plan","text":""})"),
                "text", "empty");
  // Only the first secretary files: admin reads.
  EXPECT_EQ(admin_.Send("POST", Reports(kPostedVillage), Filing("2018-06", "work_plan")).status,
            403);
}

TEST_F(HttpFirstSecretary, AVillageOutOfScopeAnswersAsOneNeverUsed) {
  const Reply outside = first_.Send("POST", Reports("MH003-01"), Filing("2018-06", "work_plan"));
  const Reply never = first_.Send("POST", Reports("MH999-99"), Filing("2018-06", "work_plan"));
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(outside.Json()["error"]["reason"], never.Json()["error"]["reason"]);
  EXPECT_EQ(first_.Get(Reports("MH003-01") + "?year=2018").status, 404);
  // A report of the village is unknown to a leader whose scope does not cover it.
  const Reply filed = File("2018-06", "work_plan");
  ASSERT_EQ(filed.status, 201);
  const std::string id = std::to_string(filed.Json()["id"].get<int>());
  Client leader;
  ASSERT_EQ(leader.LoginAs("leader").status, 200);
  const Reply hidden = leader.Get("/api/v1/first-secretary-reports/" + id);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.Json()["error"]["reason"], "fs_report_not_found");
  EXPECT_EQ(admin_.Get("/api/v1/first-secretary-reports/" + id).status, 200);
  ExpectInvalid(admin_.Get(Reports(kPostedVillage)), "year", "required");
}

TEST_F(HttpFirstSecretary, APhotoFromThePhoneIsKeptWithTheReport) {
  const Reply filed = File("2018-06", "work_plan");
  ASSERT_EQ(filed.status, 201);
  const std::string id = std::to_string(filed.Json()["id"].get<int>());
  const std::string png("\x89PNG\r\n\x1A\n photo", 14);
  const auto upload = [&](Client& client, const std::string& name, const std::string& bytes) {
    return client.Send("POST", "/api/v1/first-secretary-reports/" + id + "/photos",
                       "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes +
                           "\r\n--b--\r\n",
                       true, "multipart/form-data; boundary=b");
  };
  const Reply added = upload(first_, "村部.png", png);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json()["content_type"], "image/png");
  ExpectInvalid(upload(first_, "plan.pdf", "%PDF-1.4\n%%EOF\n"), "file", "report_photo_not_image");
  EXPECT_EQ(upload(admin_, "x.png", png).status, 403);
  const nlohmann::json report = admin_.Get("/api/v1/first-secretary-reports/" + id).Json();
  ASSERT_EQ(report["photo_list"].size(), 1u);
  EXPECT_EQ(report["photos"], 1);
  const Reply bytes = admin_.Get("/api/v1/first-secretary-photos/" +
                                 std::to_string(report["photo_list"][0]["id"].get<int>()));
  EXPECT_EQ(bytes.status, 200);
  EXPECT_EQ(bytes.body, png);
}

TEST_F(HttpFirstSecretary, MyReportsOverdueReportsAndTheOnTimeRate) {
  ASSERT_EQ(File("2018-04", "work_plan").status, 201);    // late
  ASSERT_EQ(File("2018-06", "duty_ledger").status, 201);  // on time
  const nlohmann::json mine = first_.Get("/api/v1/first-secretary-reports/mine").Json();
  EXPECT_EQ(mine["month"], "2018-06");
  int this_month = 0, missing = 0;
  for (const auto& item : mine["this_month"]) this_month += item["org_code"] == kPostedVillage;
  for (const auto& item : mine["missing"]) missing += item["org_code"] == kPostedVillage;
  EXPECT_EQ(this_month, 2);
  EXPECT_EQ(missing, 5);  // March's ledger, April's ledger, May's two, June's plan
  EXPECT_EQ(mine["late"].size(), 1u);

  const nlohmann::json may =
      admin_.Get("/api/v1/first-secretary-reports/overdue?month=2018-05").Json();
  int village_may = 0;
  for (const auto& item : may["items"]) {
    EXPECT_TRUE(item["status"] == "missing" || item["status"] == "late");
    village_may += item["org_code"] == kPostedVillage;
  }
  EXPECT_EQ(village_may, 2);
  ExpectInvalid(admin_.Get("/api/v1/first-secretary-reports/overdue?month=May"), "month",
                "not_a_period");

  const nlohmann::json rates = admin_.Get("/api/v1/first-secretary-reports/rates?year=2018").Json();
  bool found = false;
  for (const auto& rate : rates["items"]) {
    if (rate["person"] != kPerson) continue;
    found = true;
    // Due so far: 7 (March's ledger to June's plan and ledger); 1 on time, 1 late, 5 missing.
    EXPECT_EQ(rate["on_time"], 1);
    EXPECT_EQ(rate["late"], 1);
    EXPECT_EQ(rate["missing"], 5);
    EXPECT_EQ(rate["on_time_percent"], 14);
  }
  EXPECT_TRUE(found) << rates.dump();
}

}  // namespace
}  // namespace grassroots::testing
