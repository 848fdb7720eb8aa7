#include "cli_runner.h"

#include <sqlite3.h>
#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace grassroots::testing {

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::map<std::string, std::string> BuildDemo(const Scratch& scratch) {
  const Outcome demo = scratch.Run({"demo", "--no-serve"});
  if (demo.exit_code != 0) throw std::runtime_error("demo failed: " + demo.err);
  return DemoPasswords(demo.out);
}

std::map<std::string, std::string> DemoPasswords(const std::string& demo_output) {
  std::map<std::string, std::string> passwords;
  std::istringstream lines(demo_output);
  std::string line;
  bool accounts = false;
  while (std::getline(lines, line)) {
    if (line.rfind("demo accounts", 0) == 0) {
      accounts = true;
      continue;
    }
    std::istringstream fields(line);
    std::string name, role, password;
    if (accounts && fields >> name >> role >> password) passwords[name] = password;
  }
  return passwords;
}

Scratch::Scratch() {
  std::string base = std::filesystem::temp_directory_path().string() + "/grassroots-test-XXXXXX";
  if (mkdtemp(base.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = base;
}

Scratch::~Scratch() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string Scratch::Write(const std::string& name, const std::string& content) const {
  const std::string path = Path(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

Outcome Scratch::Run(const std::vector<std::string>& args) const {
  std::vector<std::string> full = {"--db", Db()};
  full.insert(full.end(), args.begin(), args.end());
  return RunRaw(full);
}

Outcome Scratch::RunRaw(const std::vector<std::string>& args, const std::string& env) const {
  std::string command = "cd " + ShellQuote(dir_) + " && " + env + " " + GRASSROOTS_BIN;
  for (const auto& arg : args) command += " " + ShellQuote(arg);
  // Each run its own output files, so that runs from several threads do not read each other's.
  static std::atomic<int> runs = 0;
  const std::string out = Path(".out" + std::to_string(runs.fetch_add(1)));
  const std::string err = out + ".err";
  command += " >" + ShellQuote(out) + " 2>" + ShellQuote(err) + " </dev/null";
  const int status = std::system(command.c_str());
  Outcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.out = ReadFile(out);
  outcome.err = ReadFile(err);
  std::error_code ignored;
  std::filesystem::remove(out, ignored);
  std::filesystem::remove(err, ignored);
  return outcome;
}

std::string Scratch::Dump(const std::string& query) const {
  sqlite3* db = nullptr;
  std::string text;
  if (sqlite3_open_v2(Db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "<cannot open>";
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, query.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    text = std::string("<error: ") + sqlite3_errmsg(db) + ">";
  } else {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        const auto* value = sqlite3_column_text(statement, i);
        text += (i ? "|" : "") + std::string(value ? reinterpret_cast<const char*>(value) : "");
      }
      text += "\n";
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return text;
}

long Scratch::Count(const std::string& table) const {
  const std::string text = Dump("SELECT COUNT(*) FROM " + table);
  return text.empty() || text[0] == '<' ? -1 : std::stol(text);
}

}  // namespace grassroots::testing
