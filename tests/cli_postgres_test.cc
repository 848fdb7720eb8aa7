// The `grassroots` binary on PostgreSQL (--db postgresql://..., GRASSROOTS_DB): the same files
// imported and assessed as on SQLite give the same answer and the same audit chain, head for
// head, and the chain verifies; a server that cannot be reached is named without its password.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"
#include "storage/postgres/pg_test_server.h"

namespace grassroots::testing {
namespace {

const std::string kNow = "GRASSROOTS_NOW=2016-07-01T00:00:00Z";

// import orgs, import scores, assess 2016 as JSON, audit head: their outputs joined.
std::string YearOn(const Scratch& scratch, const std::string& db, const std::string& env) {
  std::string outputs;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"import", "orgs", kExamples + "/orgs.csv"},
        {"import", "scores", kExamples + "/scores.csv"},
        {"assess", "--year", "2016", "--format", "json"},
        {"audit", "head"}}) {
    std::vector<std::string> full = args;
    if (!db.empty()) full.insert(full.begin(), {"--db", db});
    const Outcome outcome = scratch.RunRaw(full, env);
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    outputs += outcome.out;
  }
  return outputs;
}

TEST(CliPostgres, TheSameYearGivesTheSameAnswerAndChainAsOnSqlite) {
  storage::pg::TestSchema schema;
  ASSERT_FALSE(schema.url().empty());
  Scratch scratch;
  const std::string on_sqlite = YearOn(scratch, "sqlite:" + scratch.Db(), kNow);
  // GRASSROOTS_DB names the database as --db does.
  const std::string on_postgres =
      YearOn(scratch, "", kNow + " GRASSROOTS_DB=" + ShellQuote(schema.url()));
  EXPECT_NE(on_sqlite.find("\"year\": 2016"), std::string::npos) << on_sqlite;
  EXPECT_EQ(on_postgres, on_sqlite);
  const Outcome verify = scratch.RunRaw({"--db", schema.url(), "audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.out.find("audit log intact"), std::string::npos) << verify.out;
}

TEST(CliPostgres, AnUnreachableServerIsUnavailableAndItsPasswordNeverShown) {
  Scratch scratch;
  const Outcome outcome = scratch.RunRaw(
      {"--db", "postgresql://ops:s3cret@127.0.0.1:1/nowhere?connect_timeout=2", "audit", "head"});
  EXPECT_NE(outcome.exit_code, 0);
  EXPECT_NE(outcome.err.find("cannot open database postgresql://ops:***@127.0.0.1:1"),
            std::string::npos)
      << outcome.err;
  EXPECT_EQ(outcome.err.find("s3cret"), std::string::npos) << outcome.err;
}

}  // namespace
}  // namespace grassroots::testing
