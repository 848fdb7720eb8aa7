// Runs the real `grassroots` binary in a scratch folder, as a user or a script would.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace grassroots::testing {

// The worked example of tests/data/small (orgs.csv, scores.csv and the outputs they give).
inline const std::string kExamples = GRASSROOTS_EXAMPLES_DIR;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class Scratch {
 public:
  Scratch();   // a fresh folder under TMPDIR
  ~Scratch();  // removes it
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const std::string& dir() const { return dir_; }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  std::string Db() const { return Path("test.db"); }
  // Writes a file in the folder and returns its path.
  std::string Write(const std::string& name, const std::string& content) const;

  // Runs `grassroots --db <Db()> ARGS...`; extra_env is prepended as VAR=value pairs.
  Outcome Run(const std::vector<std::string>& args) const;
  // Runs `grassroots ARGS...` with no --db, in the scratch folder as working directory.
  Outcome RunRaw(const std::vector<std::string>& args, const std::string& env = "") const;

  // SELECT COUNT(*) FROM table, read straight from the database file.
  long Count(const std::string& table) const;
  // The rows of a query as text, one line each, fields separated by '|'.
  std::string Dump(const std::string& query) const;

 private:
  std::string dir_;
};

// Builds the demo database in `scratch` (`demo --no-serve`) and answers the passwords it printed
// for its accounts, by account name; throws when the demo fails.
std::map<std::string, std::string> BuildDemo(const Scratch& scratch);
// The accounts the demo command printed (after "demo accounts": NAME ROLE PASSWORD a line).
std::map<std::string, std::string> DemoPasswords(const std::string& demo_output);

std::string ReadFile(const std::string& path);
std::string ShellQuote(const std::string& text);

}  // namespace grassroots::testing
