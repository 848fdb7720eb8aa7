#include "http/request_limits.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace grassroots::http {
namespace {

struct Answer {
  bool may_read = false;
  int status = 0;
  std::string reason;
  std::string connection;
};

Answer Check(const httplib::Headers& headers, std::size_t max = 100) {
  httplib::Request req;
  req.headers = headers;
  httplib::Response res;
  Answer answer;
  answer.may_read = BodyMayBeRead(req, res, max);
  answer.status = res.status;
  if (!answer.may_read) {
    answer.reason = nlohmann::json::parse(res.body)["error"]["reason"];
    answer.connection = res.get_header_value("Connection");
  }
  return answer;
}

TEST(BodyMayBeRead, ABodyWithinTheLimitOrNoneIsRead) {
  EXPECT_TRUE(Check({}).may_read);
  EXPECT_TRUE(Check({{"Content-Length", "0"}}).may_read);
  EXPECT_TRUE(Check({{"Content-Length", "100"}}).may_read);
}

TEST(BodyMayBeRead, ALengthOverTheLimitIs413AndClosesTheConnection) {
  const Answer answer = Check({{"Content-Length", "101"}});
  EXPECT_FALSE(answer.may_read);
  EXPECT_EQ(answer.status, 413);
  EXPECT_EQ(answer.reason, "body_too_large");
  EXPECT_EQ(answer.connection, "close");
  EXPECT_EQ(Check({{"Content-Length", "99999999999999999999999"}}).status, 400);
  EXPECT_EQ(Check({{"Content-Length", "999999999999999999"}}).status, 413);
}

TEST(BodyMayBeRead, NegativeOrMalformedLengthsAre400) {
  for (const char* text : {"-1", "-9223372036854775808", "+5", "1e3", "12 ", "", "0x10", "abc"}) {
    const Answer answer = Check({{"Content-Length", text}});
    EXPECT_EQ(answer.status, 400) << text;
    EXPECT_EQ(answer.reason, "bad_content_length") << text;
    EXPECT_EQ(answer.connection, "close") << text;
  }
}

TEST(BodyMayBeRead, OnlyTheEvidenceUploadTakesAMultipartFormUpToItsOwnLimit) {
  const auto upload = [](const std::string& method, const std::string& path,
                         const std::string& length) {
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.headers = {{"Content-Type", "multipart/form-data; boundary=b"}, {"Content-Length", length}};
    httplib::Response res;
    return BodyMayBeRead(req, res) ? 200 : res.status;
  };
  EXPECT_EQ(upload("POST", "/api/v1/items/7/evidence", std::to_string(kUploadMax)), 200);
  EXPECT_EQ(upload("POST", "/api/v1/items/7/evidence", std::to_string(kUploadMax + 1)), 413);
  EXPECT_EQ(upload("POST", "/api/v1/items/7/steps", "10"), 415);
  EXPECT_EQ(upload("POST", "/api/v1/items/7/x/evidence", "10"), 415);
  EXPECT_EQ(upload("PUT", "/api/v1/items/7/evidence", "10"), 415);
  EXPECT_EQ(upload("POST", "/api/v1/organizations", "10"), 415);
}

TEST(BodyMayBeRead, TwoLengthsAre400) {
  EXPECT_EQ(Check({{"Content-Length", "5"}, {"Content-Length", "5"}}).status, 400);
}

TEST(BodyMayBeRead, ATransferEncodingIs411) {
  const Answer answer = Check({{"Transfer-Encoding", "chunked"}});
  EXPECT_EQ(answer.status, 411);
  EXPECT_EQ(answer.reason, "length_required");
}

TEST(BodyMayBeRead, FormsAre415) {
  for (const char* type : {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                           "Multipart/Form-Data"}) {
    const Answer answer = Check({{"Content-Type", type}, {"Content-Length", "10"}});
    EXPECT_EQ(answer.status, 415) << type;
    EXPECT_EQ(answer.reason, "json_required") << type;
  }
  EXPECT_TRUE(Check({{"Content-Type", "text/csv"}, {"Content-Length", "10"}}).may_read);
  EXPECT_TRUE(Check({{"Content-Type", "application/json"}, {"Content-Length", "10"}}).may_read);
}

}  // namespace
}  // namespace grassroots::http
