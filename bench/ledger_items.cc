// The ledger benchmark's items (bench/ledger_bench.sh): a plan for every organization selected
// in a year's stored assessment, with its three weakest-looking problems and `per` items (10 by
// default) in every state, their deadlines spread over the following year so that some are
// overdue at any day of it. Deterministic: item k of organization n always gets the same
// values. Written straight into the tables of migration 012 in one transaction (the plans'
// own use cases are not what is measured).
//   ledger_items DB YEAR [PER]
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr const char* kStates[] = {"open", "in_progress", "submitted", "closed"};
constexpr const char* kDimensions[] = {"team", "leader", "venue", "routine", "service", "members"};
constexpr const char* kRoles[] = {"", "contact_leader", "org_guide", "partner_agency",
                                  "supervisor"};

bool Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK) return true;
  std::fprintf(stderr, "ledger_items: %s\n", error ? error : "?");
  sqlite3_free(error);
  return false;
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "ledger_items: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
  return stmt;
}

void Step(sqlite3* db, sqlite3_stmt* stmt) {
  if (sqlite3_step(stmt) != SQLITE_DONE) {
    std::fprintf(stderr, "ledger_items: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
  sqlite3_reset(stmt);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: ledger_items DB YEAR [PER]\n");
    return 2;
  }
  const int year = std::atoi(argv[2]);
  const int per = argc > 3 ? std::atoi(argv[3]) : 10;
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
  std::vector<std::string> codes;
  sqlite3_stmt* selected = Prepare(
      db,
      "SELECT org_code FROM assessment_results WHERE year = ? AND selected = 1 ORDER BY org_code");
  sqlite3_bind_int(selected, 1, year);
  while (sqlite3_step(selected) == SQLITE_ROW) {
    codes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(selected, 0)));
  }
  sqlite3_finalize(selected);
  if (!Exec(db, "BEGIN")) return 1;
  sqlite3_stmt* plan = Prepare(db,
                               "INSERT INTO rectification_plans (year, org_code, created_at,"
                               " created_by) VALUES (?, ?, '2017-01-02T00:00:00Z', 'bench')");
  sqlite3_stmt* problem = Prepare(db,
                                  "INSERT INTO rectification_problems (plan_id, dimension,"
                                  " description, proposed) VALUES (?, ?, '问题', 1)");
  sqlite3_stmt* item = Prepare(
      db,
      "INSERT INTO rectification_items (plan_id, problem_id, year, org_code, measure, responsible,"
      " support_role, deadline, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
      " '2017-01-02T00:00:00Z', '2017-01-02T00:00:00Z')");
  long items = 0;
  for (std::size_t n = 0; n < codes.size(); ++n) {
    sqlite3_bind_int(plan, 1, year);
    sqlite3_bind_text(plan, 2, codes[n].c_str(), -1, SQLITE_STATIC);
    Step(db, plan);
    const sqlite3_int64 plan_id = sqlite3_last_insert_rowid(db);
    sqlite3_int64 problems[3];
    for (int p = 0; p < 3; ++p) {
      sqlite3_bind_int64(problem, 1, plan_id);
      sqlite3_bind_text(problem, 2, kDimensions[(n + p) % 6], -1, SQLITE_STATIC);
      Step(db, problem);
      problems[p] = sqlite3_last_insert_rowid(db);
    }
    for (int k = 0; k < per; ++k) {
      const std::size_t mix = n * 7 + static_cast<std::size_t>(k) * 3;
      char measure[64], deadline[32];
      std::snprintf(measure, sizeof measure, "整改措施 %d：落实制度", k + 1);
      std::snprintf(deadline, sizeof deadline, "%04d-%02d-%02d", year + 1,
                    static_cast<int>(1 + mix % 12), static_cast<int>(1 + mix % 28));
      sqlite3_bind_int64(item, 1, plan_id);
      sqlite3_bind_int64(item, 2, problems[k % 3]);
      sqlite3_bind_int(item, 3, year);
      sqlite3_bind_text(item, 4, codes[n].c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(item, 5, measure, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(item, 6, "王建国", -1, SQLITE_STATIC);
      sqlite3_bind_text(item, 7, kRoles[mix % 5], -1, SQLITE_STATIC);
      sqlite3_bind_text(item, 8, deadline, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(item, 9, kStates[mix % 4], -1, SQLITE_STATIC);
      Step(db, item);
      ++items;
    }
  }
  sqlite3_finalize(plan);
  sqlite3_finalize(problem);
  sqlite3_finalize(item);
  if (!Exec(db, "COMMIT") || !Exec(db, "ANALYZE rectification_items")) return 1;
  sqlite3_close(db);
  std::printf("%zu plans, %ld items for %d\n", codes.size(), items, year);
  return 0;
}
