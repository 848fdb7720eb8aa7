// Writes to a test's SQLite database file behind the back of the binary or server using it, as
// someone holding the file would: to tamper with it, or to set up rows no command or route
// writes. One copy for every test file that does so (a unity build compiles them together).
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace grassroots::testing {

// Runs `sql` on the database at `db_path`, waiting up to 5 s for a server writing it at the time.
inline void ExecuteSql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

}  // namespace grassroots::testing
