// Rectification plans, items and evidence over HTTP on the demo data (issue 12): every step
// from every state by the organization's own people and by a supervisor above it, as
// core::NextItemState says; closing without evidence or by the submitter refused with nothing
// changed; evidence checked by its bytes, refused when too large, of another type than its
// name says, or named like a path, read back byte for byte, and unseen out of scope; plans
// created from a stored assessment.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "http_harness.h"
#include "server_process.h"

namespace grassroots::testing {
namespace {

class RectificationAccount {
 public:
  RectificationAccount(const ServerProcess& server, const std::string& name)
      : client_("127.0.0.1", server.port()) {
    client_.set_read_timeout(60);
    client_.set_write_timeout(60);
    const nlohmann::json login = {{"name", name}, {"password", server.Password(name)}};
    auto res = client_.Post("/api/v1/session", login.dump(), "application/json");
    if (!res || res->status != 200) throw std::runtime_error("login failed for " + name);
    const std::string cookie = res->get_header_value("Set-Cookie");
    headers_ = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                {"X-CSRF-Token", nlohmann::json::parse(res->body)["csrf_token"]}};
  }
  Reply Get(const std::string& path) { return Of(client_.Get(path, headers_)); }
  Reply Send(const std::string& method, const std::string& path, const nlohmann::json& body) {
    const std::string text = body.dump();
    return Of(method == "PUT" ? client_.Put(path, headers_, text, "application/json")
                              : client_.Post(path, headers_, text, "application/json"));
  }
  Reply Upload(std::int64_t item, const std::string& name, const std::string& bytes,
               const std::string& type = "image/png") {
    const httplib::MultipartFormDataItems form = {{"file", bytes, name, type}};
    return Of(client_.Post("/api/v1/items/" + std::to_string(item) + "/evidence", headers_, form));
  }

 private:
  static Reply Of(const httplib::Result& res) {
    if (!res) return {};
    return {res->status, res->body, res->headers};
  }
  httplib::Client client_;
  httplib::Headers headers_;
};

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\0\0\rIHDR", 8) +
                         "pixels \x01\x02\x03\xff\xfe";
const std::string kPdf = "%PDF-1.4\nreport\n%%EOF\n";

class HttpRectification : public ::testing::Test {
 protected:
  void SetUp() override {
    // A plan of a second-level organization of the demo, its own secretary and the unit
    // admin of its direct organization (the demo accounts, scoped to them).
    const Reply plans = admin_.Get("/api/v1/plans?year=2016&limit=100");
    ASSERT_EQ(plans.status, 200) << plans.body;
    const nlohmann::json list = plans.Json();
    for (const auto& plan : list["items"]) {
      const std::string code = plan["org_code"];
      if (code.find('-') != std::string::npos) {
        plan_ = plan["id"];
        org_ = code;
        break;
      }
    }
    ASSERT_GT(plan_, 0) << plans.body;
    const std::string direct = org_.substr(0, org_.find('-'));
    ASSERT_EQ(admin_.Send("PUT", "/api/v1/users/secretary", {{"scope", {org_}}}).status, 200);
    ASSERT_EQ(admin_.Send("PUT", "/api/v1/users/unit_admin", {{"scope", {direct}}}).status, 200);
    worker_ = std::make_unique<RectificationAccount>(server_, "secretary");
    supervisor_ = std::make_unique<RectificationAccount>(server_, "unit_admin");
  }

  std::int64_t NewItem() {
    const Reply item = admin_.Send(
        "POST", "/api/v1/plans/" + std::to_string(plan_) + "/items",
        {{"measure", "整改活动室"}, {"responsible", "张书记"}, {"deadline", "2016-12-31"}});
    EXPECT_EQ(item.status, 201) << item.body;
    return item.Json().value("id", std::int64_t{0});
  }
  Reply Step(RectificationAccount& who, std::int64_t item, const std::string& step,
             const std::string& reason = "") {
    nlohmann::json body = {{"step", step}};
    if (!reason.empty()) body["reason"] = reason;
    return who.Send("POST", "/api/v1/items/" + std::to_string(item) + "/steps", body);
  }
  nlohmann::json Item(std::int64_t item) {
    return admin_.Get("/api/v1/items/" + std::to_string(item)).Json();
  }
  // A new item brought to `state` the usual way: the secretary starts it and submits it with a
  // photo, the unit admin above closes it.
  std::int64_t ItemIn(const std::string& state) {
    const std::int64_t item = NewItem();
    if (state == "open") return item;
    EXPECT_EQ(Step(*worker_, item, "start").status, 200);
    if (state == "in_progress") return item;
    EXPECT_EQ(worker_->Upload(item, "photo.png", kPng).status, 201);
    EXPECT_EQ(Step(*worker_, item, "submit").status, 200);
    if (state == "submitted") return item;
    EXPECT_EQ(Step(*supervisor_, item, "close").status, 200);
    return item;
  }

  ServerProcess server_{{}, ServerProcess::Data::kDemo};
  RectificationAccount admin_{server_, "admin"};
  std::unique_ptr<RectificationAccount> worker_, supervisor_;
  std::int64_t plan_ = 0;
  std::string org_;
};

TEST_F(HttpRectification, EveryStepFromEveryStateByWorkerAndSupervisorAsTheRulesSay) {
  const std::vector<std::string> states = {"open", "in_progress", "submitted", "closed"};
  struct Legal {
    const char* step;
    const char* from;
    const char* to;
  };
  const std::vector<Legal> legal = {{"start", "open", "in_progress"},
                                    {"submit", "in_progress", "submitted"},
                                    {"reject", "submitted", "in_progress"},
                                    {"close", "submitted", "closed"}};
  for (const bool as_supervisor : {false, true}) {
    for (const std::string& state : states) {
      for (const Legal& move : legal) {
        SCOPED_TRACE(std::string(as_supervisor ? "supervisor " : "worker ") + move.step + " from " +
                     state);
        const std::int64_t item = ItemIn(state);
        RectificationAccount& who = as_supervisor ? *supervisor_ : *worker_;
        const Reply answer = Step(who, item, move.step, "照片不清楚");
        const bool judging =
            std::string(move.step) == "reject" || move.step == std::string("close");
        if (!as_supervisor && judging) {
          EXPECT_EQ(answer.status, 403);
          EXPECT_EQ(Reason(answer), "item_step_not_permitted");
          EXPECT_EQ(Item(item)["state"], state);
        } else if (state != move.from) {
          EXPECT_EQ(answer.status, 409);
          EXPECT_EQ(Reason(answer), "item_step_illegal");
          EXPECT_EQ(Item(item)["state"], state);
        } else {
          ASSERT_EQ(answer.status, 200) << answer.body;
          EXPECT_EQ(answer.Json()["state"], move.to);
          const nlohmann::json steps = Item(item)["steps"];
          EXPECT_EQ(steps.back()["step"], move.step);
          EXPECT_EQ(steps.back()["actor"], as_supervisor ? "unit_admin" : "secretary");
        }
      }
    }
  }
}

TEST_F(HttpRectification, ClosingWithoutEvidenceOrByTheSubmitterIsRefusedAndChangesNothing) {
  const std::int64_t item = NewItem();
  ASSERT_EQ(Step(*supervisor_, item, "start").status, 200);
  ASSERT_EQ(Step(*supervisor_, item, "submit").status, 200);
  const Reply bare = Step(admin_, item, "close");
  EXPECT_EQ(bare.status, 409);
  EXPECT_EQ(Reason(bare), "item_close_needs_evidence");
  ASSERT_EQ(supervisor_->Upload(item, "scan.pdf", kPdf, "application/pdf").status, 201);
  const std::size_t steps = Item(item)["steps"].size();
  const Reply own = Step(*supervisor_, item, "close");
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(Reason(own), "item_close_by_submitter");
  nlohmann::json after = Item(item);
  EXPECT_EQ(after["state"], "submitted");
  EXPECT_EQ(after["steps"].size(), steps);
  EXPECT_EQ(after["submitted_by"], "unit_admin");
  EXPECT_TRUE(after["can"]["close"]);  // admin's answer
  const nlohmann::json theirs = supervisor_->Get("/api/v1/items/" + std::to_string(item)).Json();
  EXPECT_FALSE(theirs["can"]["close"]);  // the submitter's
  // A rejection needs its reason; then someone else closes it.
  EXPECT_EQ(Reason(Step(admin_, item, "reject")), "empty");
  const Reply closed = Step(admin_, item, "close");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["state"], "closed");
  EXPECT_FALSE(closed.Json()["closed_on"].is_null());
  EXPECT_EQ(closed.Json()["overdue_days"], 0);
}

TEST_F(HttpRectification, AGoodUploadReadsBackByteForByte) {
  const std::int64_t item = ItemIn("in_progress");
  std::string photo = kPng;
  for (int i = 0; i < 300000; ++i) photo += static_cast<char>(i * 7 % 256);
  const Reply uploaded = worker_->Upload(item, "整改 照片.jpg", photo, "application/octet-stream");
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const nlohmann::json evidence = uploaded.Json();
  EXPECT_EQ(evidence["content_type"], "image/png");  // by its bytes, whatever its name says
  EXPECT_EQ(evidence["size"], photo.size());
  EXPECT_EQ(evidence["file_name"], "整改 照片.jpg");
  const Reply back =
      supervisor_->Get("/api/v1/evidence/" + std::to_string(evidence["id"].get<int>()));
  ASSERT_EQ(back.status, 200);
  EXPECT_TRUE(back.body == photo);
  EXPECT_EQ(back.headers.find("Content-Type")->second, "image/png");
  EXPECT_EQ(back.headers.find("Content-Disposition")->second.rfind("inline;", 0), 0u);
  EXPECT_EQ(Item(item)["evidence"].size(), 1u);
  EXPECT_EQ(Item(item)["evidence_count"], 1);
  // A PDF downloads as an attachment.
  const Reply pdf = worker_->Upload(item, "report.pdf", kPdf, "application/pdf");
  const Reply got = worker_->Get("/api/v1/evidence/" + std::to_string(pdf.Json()["id"].get<int>()));
  EXPECT_EQ(got.body, kPdf);
  EXPECT_EQ(got.headers.find("Content-Disposition")->second.rfind("attachment;", 0), 0u);
}

TEST_F(HttpRectification, OversizeMislabelledAndPathNamedFilesAreRefusedAndNothingIsStored) {
  const std::int64_t item = ItemIn("in_progress");
  const std::string too_large = kPng + std::string(20 * 1024 * 1024, 'x');
  EXPECT_EQ(Reason(worker_->Upload(item, "big.png", too_large)), "evidence_too_large");
  // A body past the upload limit is refused before it is read.
  const RawReply huge = RawExchange(
      "127.0.0.1", server_.port(),
      "POST /api/v1/items/" + std::to_string(item) +
          "/evidence HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
          "Content-Length: 30000000\r\n\r\n");
  EXPECT_EQ(huge.status, 413);
  const Reply program = worker_->Upload(item, "photo.jpg", "MZ\x90\x00 a program", "image/jpeg");
  EXPECT_EQ(program.status, 422);
  EXPECT_EQ(Reason(program), "evidence_type_unsupported");
  for (const char* name : {"../../../etc/cron.d/x.png", "..", "a/b.png", "..\\..\\x.png"}) {
    const Reply path = worker_->Upload(item, name, kPng);
    EXPECT_EQ(path.status, 422) << name;
    EXPECT_EQ(Reason(path), "evidence_name_invalid") << name;
  }
  EXPECT_EQ(Item(item)["evidence_count"], 0);
  // Only files named by their hash are kept, all inside the evidence folder.
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(server_.scratch().Db() + ".evidence")) {
    if (entry.is_regular_file()) {
      EXPECT_EQ(entry.path().filename().string().size(), 64u);
    }
  }
  // A JSON body is not an upload.
  const Reply json =
      worker_->Send("POST", "/api/v1/items/" + std::to_string(item) + "/evidence", {{"file", "x"}});
  EXPECT_EQ(json.status, 422);
}

TEST_F(HttpRectification, OutOfScopeItemsPlansAndEvidenceAnswerAsNeverUsed) {
  const std::int64_t item = ItemIn("submitted");
  const nlohmann::json detail = Item(item);
  const std::string evidence = std::to_string(detail["evidence"][0]["id"].get<int>());
  const std::string unused = "987654";
  ASSERT_EQ(admin_.Send("PUT", "/api/v1/users/first_secretary", {{"scope", {"MH001-01"}}}).status,
            200);
  RectificationAccount other(server_, "first_secretary");  // one village, not the plan's
  auto same = [&](const std::string& method, const std::string& path) {
    auto send = [&](const std::string& with) {
      const std::string filled =
          path.substr(0, path.find("{id}")) + with + path.substr(path.find("{id}") + 4);
      if (method == "GET") return other.Get(filled);
      if (method == "UPLOAD") return other.Upload(std::stoll(with), "p.png", kPng);
      return other.Send(method, filled, {{"step", "start"}});
    };
    const Reply hidden = send(path.find("evidence/") != std::string::npos ? evidence
                              : path.find("plans") != std::string::npos   ? std::to_string(plan_)
                                                                          : std::to_string(item));
    const Reply never = send(unused);
    EXPECT_EQ(hidden.status, 404) << path;
    std::string shown = hidden.body;
    for (const std::string& id : {evidence, std::to_string(plan_), std::to_string(item)}) {
      for (std::size_t at = shown.find(id); at != std::string::npos; at = shown.find(id)) {
        shown.replace(at, id.size(), unused);
      }
    }
    EXPECT_EQ(shown, never.body) << path;
  };
  if (org_ != "MH001-01") {
    same("GET", "/api/v1/items/{id}");
    same("POST", "/api/v1/items/{id}/steps");
    same("UPLOAD", "/api/v1/items/{id}/evidence");
    same("GET", "/api/v1/evidence/{id}");
    same("GET", "/api/v1/plans/{id}");
  }
  EXPECT_EQ(Item(item)["state"], "submitted");
  EXPECT_EQ(Item(item)["evidence_count"], 1);
}

TEST_F(HttpRectification, AnItemNamingNoAccountIsRefusedNamingTheField) {
  const std::string path = "/api/v1/plans/" + std::to_string(plan_);
  const std::size_t before = admin_.Get(path).Json()["items"].size();
  const Reply refused = admin_.Send("POST", path + "/items",
                                    {{"measure", "整改活动室"},
                                     {"responsible", "张书记"},
                                     {"responsible_user", "nobody_here"},
                                     {"deadline", "2016-12-31"}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Reason(refused), "unknown_account");
  EXPECT_EQ(refused.Json()["error"]["field"], "responsible_user");
  EXPECT_EQ(refused.Json()["error"]["params"]["name"], "nobody_here");
  EXPECT_EQ(admin_.Get(path).Json()["items"].size(), before);
  const Reply known = admin_.Send("POST", path + "/items",
                                  {{"measure", "整改活动室"},
                                   {"responsible", "张书记"},
                                   {"responsible_user", "secretary"},
                                   {"deadline", "2016-12-31"}});
  EXPECT_EQ(known.status, 201) << known.body;
}

TEST_F(HttpRectification, PlansAreCreatedFromAStoredAssessmentOnce) {
  // The demo planned both its years: 2014 gets 2015's scores and its own assessment, no plans.
  nlohmann::json scores = nlohmann::json::array();
  const nlohmann::json sheet = admin_.Get("/api/v1/scores?year=2015&limit=1000").Json();
  for (const auto& s : sheet["items"]) {
    if (!s["scored"].get<bool>()) continue;
    nlohmann::json row = {{"code", s["code"]}, {"year", 2014}};
    for (const char* d : {"team", "leader", "venue", "routine", "service", "members"}) {
      row[d] = s[d];
    }
    scores.push_back(row);
  }
  ASSERT_FALSE(scores.empty());
  const Reply bulk = admin_.Send("POST", "/api/v1/scores/bulk", scores);
  ASSERT_EQ(bulk.status, 200) << bulk.body;
  const Reply run = admin_.Send("POST", "/api/v1/assessments/2014/run", nlohmann::json::object());
  ASSERT_EQ(run.status, 200) << run.body;
  const Reply created = admin_.Send("POST", "/api/v1/plans", {{"year", 2014}});
  ASSERT_EQ(created.status, 200) << created.body;
  const int made = created.Json()["created"];
  EXPECT_GT(made, 0);
  EXPECT_EQ(created.Json()["existing"], 0);
  const Reply again = admin_.Send("POST", "/api/v1/plans", {{"year", 2014}});
  EXPECT_EQ(again.Json()["created"], 0);
  EXPECT_EQ(again.Json()["existing"], made);
  const Reply list = admin_.Get("/api/v1/plans?year=2014&limit=1000");
  EXPECT_EQ(list.Json()["total"], made);
  const std::int64_t id = list.Json()["items"][0]["id"];
  const nlohmann::json plan = admin_.Get("/api/v1/plans/" + std::to_string(id)).Json();
  ASSERT_EQ(plan["problems"].size(), 3u);
  for (const auto& problem : plan["problems"]) EXPECT_TRUE(problem["proposed"].get<bool>());
  EXPECT_FALSE(plan["finished"].get<bool>());  // an empty plan is not finished
  EXPECT_EQ(supervisor_->Send("POST", "/api/v1/plans", {{"year", 2014}}).status, 403);
  EXPECT_EQ(Reason(admin_.Send("POST", "/api/v1/plans", {{"year", 2013}})), "assessment_not_found");
}

TEST_F(HttpRectification, TheDemoShowsACountyMidYear) {
  const Reply plans = admin_.Get("/api/v1/plans?year=2016&limit=100");
  int overdue = 0, finished = 0;
  const nlohmann::json list = plans.Json();
  for (const auto& plan : list["items"]) {
    overdue += plan["items_overdue"].get<int>();
    finished += plan["finished"].get<bool>() ? 1 : 0;
  }
  EXPECT_GT(overdue, 0);
  EXPECT_GT(finished, 0);
  EXPECT_EQ(admin_.Get("/api/v1/plans?year=2016&state=finished").Json()["total"], finished);
  // Items naming the first secretary's account are theirs.
  RectificationAccount first(server_, "first_secretary");
  const Reply mine = first.Get("/api/v1/my/items");
  ASSERT_EQ(mine.status, 200);
  EXPECT_GT(mine.Json()["total"].get<int>(), 0);
  const Reply late = first.Get("/api/v1/my/items?overdue=true");
  const nlohmann::json late_items = late.Json()["items"];
  for (const auto& item : late_items) EXPECT_GT(item["overdue_days"].get<int>(), 0);
}

TEST_F(HttpRectification, AnOutcomeOfUpgradedWaitsForEveryItemToClose) {
  const std::int64_t item = ItemIn("submitted");
  const std::string path = "/api/v1/plans/" + std::to_string(plan_) + "/outcome";
  const nlohmann::json upgraded = {{"outcome", "upgraded"}, {"reason", "整改到位"}};
  EXPECT_EQ(Reason(admin_.Send("PUT", path, upgraded)), "plan_not_finished");
  EXPECT_EQ(Reason(worker_->Send("PUT", path, upgraded)), "plan_outcome_not_permitted");
  const Reply not_yet =
      admin_.Send("PUT", path, {{"outcome", "not_upgraded"}, {"reason", "仍有事项未销号"}});
  ASSERT_EQ(not_yet.status, 200) << not_yet.body;
  EXPECT_EQ(not_yet.Json()["outcome"], "not_upgraded");
  (void)item;
}

}  // namespace
}  // namespace grassroots::testing
