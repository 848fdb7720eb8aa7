#include "storage/postgres/pg_test_server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>

#include "storage/postgres/pg_connection.h"

namespace grassroots::storage::pg {

std::string TestServerUrl() {
  const char* dir = std::getenv("GRASSROOTS_TEST_PG_DIR");
  std::string url;
  if (dir != nullptr) std::getline(std::ifstream(std::string(dir) + "/url"), url);
  if (url.empty()) {
    ADD_FAILURE() << "no PostgreSQL test server: run the tests through ctest (its fixture starts "
                     "one with scripts/pg-test-server), or start one and set "
                     "GRASSROOTS_TEST_PG_DIR to its folder";
  }
  return url;
}

TestSchema::TestSchema() {
  static std::atomic<int> counter{0};
  std::random_device random;
  name_ = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
          std::to_string(random() % 100000);
  const std::string base = TestServerUrl();
  if (base.empty()) return;
  auto admin = Connection::Open(base);
  if (!admin.ok()) {
    ADD_FAILURE() << admin.error().message;
    return;
  }
  if (auto s = admin.value().Exec("CREATE SCHEMA " + name_, "creating a test schema"); !s.ok()) {
    ADD_FAILURE() << s.error().message;
    return;
  }
  url_ = base + "&options=-c%20search_path%3D" + name_;
}

TestSchema::~TestSchema() {
  if (url_.empty()) return;
  auto admin = Connection::Open(TestServerUrl());
  if (admin.ok()) (void)admin.value().Exec("DROP SCHEMA " + name_ + " CASCADE", "dropping");
}

}  // namespace grassroots::storage::pg
