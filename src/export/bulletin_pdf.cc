#include "export/bulletin_pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

extern char** environ;

namespace grassroots::exporting {
namespace {

namespace fs = std::filesystem;

bool Executable(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && access(path.c_str(), X_OK) == 0;
}

bool StartsWithPdf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  in.read(head, 5);
  return in.gcount() == 5 && std::string_view(head, 5) == "%PDF-";
}

}  // namespace

std::optional<std::string> FindChromium() {
  if (const char* given = std::getenv("GRASSROOTS_CHROMIUM"); given != nullptr && *given) {
    return Executable(given) ? std::optional<std::string>(given) : std::nullopt;
  }
  const char* path = std::getenv("PATH");
  const std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      const std::size_t end = std::min(dirs.find(':', start), dirs.size());
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (end > start && Executable(candidate)) return candidate.string();
      start = end + 1;
    }
  }
  return std::nullopt;
}

core::Status HtmlToPdf(const std::string& html_path, const std::string& pdf_path) {
  const std::optional<std::string> chromium = FindChromium();
  if (!chromium) {
    return core::Error::Unavailable(
               "cannot make a PDF: Chromium is not installed (apt-get install chromium); use "
               "--format html and print it from a browser",
               "format")
        .With("chromium_not_found");
  }
  std::error_code ec;
  fs::remove(pdf_path, ec);
  const fs::path profile =
      fs::temp_directory_path() /
      ("grassroots-pdf-" + std::to_string(getpid()) + "-" +
       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  fs::create_directories(profile, ec);
  const std::string url = "file://" + fs::absolute(html_path).string();
  std::vector<std::string> args = {*chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--no-pdf-header-footer",
                                   "--user-data-dir=" + profile.string(),
                                   "--print-to-pdf=" + fs::absolute(pdf_path).string(),
                                   url};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t child = 0;
  const int spawned =
      posix_spawn(&child, chromium->c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  bool finished = false;
  if (spawned == 0) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status = 0;
    while (!finished) {
      const pid_t done = waitpid(child, &status, WNOHANG);
      if (done == child || done < 0) {
        finished = true;
      } else if (std::chrono::steady_clock::now() > deadline) {
        kill(child, SIGKILL);
        waitpid(child, &status, 0);
        break;
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  }
  fs::remove_all(profile, ec);
  if (!finished || !StartsWithPdf(pdf_path)) {
    fs::remove(pdf_path, ec);
    return core::Error::Unavailable("Chromium (" + *chromium +
                                        ") did not print a PDF; use --format html and print it "
                                        "from a browser",
                                    "format")
        .With("pdf_failed");
  }
  return core::Status::Ok();
}

}  // namespace grassroots::exporting
