// The `grassroots` binary on PostgreSQL (--db postgresql://..., GRASSROOTS_DB): the same files
// imported and assessed as on SQLite give the same answer and the same audit chain, head for
// head, and the chain verifies; an import refused after it wrote chunks keeps nothing on either
// backend, nor does one read again because a parent came after its children; a server that
// cannot be reached is named without its password.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "cli_runner.h"
#include "storage/open_store.h"
#include "storage/organization_subject.h"
#include "storage/postgres/pg_test_server.h"
#include "storage/tx.h"

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

// The binary with `args` on the database `db`.
Outcome RunOn(const Scratch& scratch, const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db});
  return scratch.RunRaw(args);
}

// Runs `expect` on a new SQLite file, then on a schema of the test server.
void OnEitherBackend(void (*expect)(const Scratch&, const std::string&)) {
  storage::pg::TestSchema schema;
  ASSERT_FALSE(schema.url().empty());
  Scratch scratch;
  expect(scratch, "sqlite:" + scratch.Db());
  expect(scratch, schema.url());
}

// Scores and members are written as each chunk of the file is checked (app/import_stream.h): a
// bad row after many chunks were written, or a key repeated (from the first chunk, or in the
// same statement, which PostgreSQL refuses), still leaves nothing written on either backend.
void ExpectErrorsAfterWrittenChunksWriteNothing(const Scratch& scratch, const std::string& db) {
  SCOPED_TRACE(db);
  constexpr int kRows = 20'000;  // chunks of 8,192 rows
  std::string orgs = "code,name,type,kind,parent,secretary\nT1,一镇党委,village,committee,,王\n";
  std::string scores = "code,year,team,leader,venue,routine,service,members\n";
  std::string members = "id,name,org,status\n";
  for (int i = 0; i < kRows; ++i) {
    const std::string code = "K" + std::to_string(i);
    orgs += code + ",测试党支部,village,branch,T1,某\n";
    scores += code + ",2016,80,80,80,80,80,80\n";
    members += "M" + std::to_string(i) + ",某," + code + ",regular\n";
  }
  const auto run = [&](const std::vector<std::string>& args) { return RunOn(scratch, db, args); };
  ASSERT_EQ(run({"import", "orgs", scratch.Write("orgs.csv", orgs)}).exit_code, 0);
  const std::string head = run({"audit", "head"}).out;
  const int last = kRows + 2;  // the line of a row added at the end
  for (const auto& [kind, file, tail, words] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"scores", scores, "K5,2016,80,80,80,80,80,80\n", "duplicate score"},
           {"scores", scores, "K19999,2016,80,80,80,80,80,80\n", "duplicate score"},
           {"scores", scores, "X9,2016,80,80,80,80,80,80\n", "X9"},
           {"scores", scores, "K1,2015,80,80,abc,80,80,80\n", "abc"},
           {"members", members, "M5,某,K5,regular\n", "duplicate member id"},
           {"members", members, "N1,某,X9,regular\n", "X9"}}) {
    SCOPED_TRACE(kind + ": " + tail);
    const std::string path = scratch.Write("bad.csv", file + tail);
    const Outcome outcome = run({"import", kind, path});
    EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
    EXPECT_NE(outcome.err.find(path + ":" + std::to_string(last) + ": "), std::string::npos)
        << outcome.err;
    EXPECT_NE(outcome.err.find(words), std::string::npos) << outcome.err;
    EXPECT_EQ(run({"audit", "head"}).out, head);  // no entry, so no write
  }
  // Nothing of them was kept: the same rows now import as new.
  for (const auto& [kind, file] : {std::pair{"scores", scores}, std::pair{"members", members}}) {
    const Outcome again = run({"import", kind, scratch.Write("good.csv", file)});
    EXPECT_NE(again.out.find("(20000 new, 0 updated, 0 unchanged)"), std::string::npos)
        << again.out;
  }
  const Outcome verify = run({"audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

TEST(CliPostgres, ErrorsAfterWrittenChunksWriteNothingOnEitherBackend) {
  OnEitherBackend(ExpectErrorsAfterWrittenChunksWriteNothing);
}

// The unit stored for organization `code` in the database `db`.
std::string StoredUnit(const std::string& db, const std::string& code) {
  auto store = storage::OpenStore(db);
  if (!store.ok()) return "cannot open: " + store.error().message;
  auto org = storage::ReadValue(
      *store.value(), [&](storage::Tx& tx) { return storage::OrganizationRecords(tx).Find(code); });
  if (!org.ok()) return "cannot read: " + org.error().message;
  return org.value() ? org.value()->unit : "not stored";
}

// Organizations are written as they are read while the rows before each tell its unit
// (app/import_stream.h). A parent after its children, or a stored parent after its children with
// another unit, found after chunks were written, undoes what was written and reads the file
// twice: the children get the unit the whole file gives them, each import is one entry with its
// counts, and the chain verifies.
void ExpectParentsAfterTheirChildrenImportAsIfFirst(const Scratch& scratch, const std::string& db) {
  SCOPED_TRACE(db);
  constexpr int kRows = 20'000;  // chunks of 8,192 rows
  const std::string header = "code,name,type,kind,parent,secretary,unit\n";
  std::string children;
  for (int i = 0; i < kRows; ++i) {
    children += "K" + std::to_string(i) + ",测试党支部,village,branch,T1,某,\n";
  }
  const auto run = [&](const std::vector<std::string>& args) { return RunOn(scratch, db, args); };
  // T1 before its children; L1's parent L2, new, after it at the end.
  const Outcome first =
      run({"import", "orgs",
           scratch.Write("first.csv", header + "T1,一镇党委,village,committee,,王,U1\n" + children +
                                          "L1,某党支部,village,branch,L2,某,\n"
                                          "L2,二镇党委,village,committee,,李,U9\n")});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("(20003 new, 0 updated, 0 unchanged)"), std::string::npos) << first.out;
  EXPECT_EQ(StoredUnit(db, "K19999"), "U1");
  EXPECT_EQ(StoredUnit(db, "L1"), "U9");
  // The children again, then their stored parent T1 moved to another unit: they follow it.
  const Outcome moved = run(
      {"import", "orgs",
       scratch.Write("moved.csv", header + children + "T1,一镇党委,village,committee,,王,U2\n")});
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_NE(moved.out.find("(0 new, 20001 updated, 0 unchanged)"), std::string::npos) << moved.out;
  for (const std::string code : {"T1", "K0", "K8191", "K8192", "K19999"}) {
    EXPECT_EQ(StoredUnit(db, code), "U2") << code;
  }
  EXPECT_EQ(StoredUnit(db, "L1"), "U9");
  const Outcome verify = run({"audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

TEST(CliPostgres, ParentsAfterTheirChildrenImportAsIfFirstOnEitherBackend) {
  OnEitherBackend(ExpectParentsAfterTheirChildrenImportAsIfFirst);
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
