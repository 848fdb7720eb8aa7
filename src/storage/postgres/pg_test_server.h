// The PostgreSQL server the tests use: the one scripts/pg-test-server started for this ctest run
// (its folder in GRASSROOTS_TEST_PG_DIR, set by the CTest fixture), each test in a fresh schema
// of its own so that tests stand alone and may run in parallel. Test-only.
#pragma once

#include <string>

namespace grassroots::storage::pg {

// The server's URL. Fails the calling test (and returns "") when no server was started.
std::string TestServerUrl();

// A new empty schema on the test server and the URL whose connections work in it (its
// search_path). The schema is dropped when the object goes away.
class TestSchema {
 public:
  TestSchema();
  TestSchema(const TestSchema&) = delete;
  TestSchema& operator=(const TestSchema&) = delete;
  ~TestSchema();

  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::string url_;
};

}  // namespace grassroots::storage::pg
