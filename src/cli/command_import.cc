#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

#include "app/import_file.h"
#include "cli/commands.h"

namespace grassroots::cli {
namespace {

// The file mapped read-only rather than read (issue 11: a country's file is 500 MB): the pages
// the import has read are given back as it goes (Release), so its memory does not grow with the
// file; they are read again from the page cache if asked for (an import of organizations whose
// parents come after their children reads the file twice).
class MappedFile {
 public:
  static std::unique_ptr<MappedFile> Open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* base = nullptr;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      base = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    }
    ::close(fd);
    if (base == MAP_FAILED || (base == nullptr && st.st_size > 0)) return nullptr;
    if (base != nullptr)
      (void)::madvise(base, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
    return std::unique_ptr<MappedFile>(
        new MappedFile(static_cast<const char*>(base), static_cast<std::size_t>(st.st_size)));
  }
  ~MappedFile() {
    if (size_ > 0) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }
  // Drops the pages wholly before `offset` from this process's memory.
  void Release(std::size_t offset) {
    if (offset < released_) released_ = 0;  // a new pass
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = std::min(offset, size_) / page * page;
    if (end <= released_) return;
    (void)::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
  }

 private:
  MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
  const char* data_;
  std::size_t size_;
  std::size_t released_ = 0;
};

// Stage lines with elapsed time, on a terminal only (scripts get a quiet stderr).
app::ProgressFn TerminalProgress(const std::string& path) {
  if (!StderrIsTerminal()) return {};
  const auto start = std::chrono::steady_clock::now();
  return [path, start](std::string_view stage) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    std::fprintf(stderr, "[%6.1fs] %s: %.*s\n", elapsed.count(), path.c_str(),
                 static_cast<int>(stage.size()), stage.data());
  };
}

// Says on stderr how a file other than plain UTF-8 CSV was read ("orgs.csv: read as GB18030").
void TellHowRead(const std::string& path, const app::FileImport& file) {
  if (file.format == csv::FileFormat::kXlsx) {
    std::cerr << path << ": read sheet \"" << file.sheet << "\" of the workbook\n";
  } else if (file.encoding == csv::TextEncoding::kGb18030) {
    std::cerr << path << ": read as GB18030\n";
  }
}

int RunImport(const GlobalOptions& global, app::ImportKind kind, const std::string& path) {
  std::unique_ptr<MappedFile> content = MappedFile::Open(path);
  if (content == nullptr) return ReportError(core::Error::Invalid(path + ": cannot be read", path));
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto file =
      app::ImportFile(*store.value(), kind, content->bytes(), CliActor(), TerminalProgress(path),
                      [&content](std::size_t offset) { content->Release(offset); });
  if (!file.ok()) {
    if (file.error().field != "file") return ReportError(file.error());
    std::cerr << path << ": " << file.error().message << "\n";
    return kExitBadInput;
  }
  TellHowRead(path, file.value());
  const app::ImportOutcome& outcome = file.value().outcome;
  if (!outcome.errors.empty()) return PrintRowErrors(path, outcome.errors);
  std::cout << "imported " << app::ToString(kind) << " from " << path << ": " << outcome.rows
            << " rows (" << outcome.written.inserted << " new, " << outcome.written.updated
            << " updated, " << outcome.written.unchanged << " unchanged)\n";
  return kExitOk;
}

}  // namespace

Command AddImportCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "import",
      "Import a file (orgs, members or scores): CSV in UTF-8 or GB18030, or .xlsx (first "
      "sheet); English or Chinese headers; all rows or none");
  app->require_subcommand(1);
  struct Choice {
    CLI::App* app;
    app::ImportKind kind;
    std::string path;
  };
  auto choices = std::make_shared<std::vector<Choice>>();
  choices->reserve(3);
  const std::pair<const char*, const char*> kinds[] = {
      {"orgs", "code,name,type,kind,parent,secretary[,unit]"},
      {"members", "id,name,org,status[,joined]"},
      {"scores", "code,year,team,leader,venue,routine,service,members[,grade,reason]"}};
  const app::ImportKind values[] = {app::ImportKind::kOrganizations, app::ImportKind::kMembers,
                                    app::ImportKind::kScores};
  for (int i = 0; i < 3; ++i) {
    CLI::App* sub = app->add_subcommand(kinds[i].first, std::string("Columns: ") + kinds[i].second);
    choices->push_back({sub, values[i], {}});
    sub->add_option("FILE", choices->back().path,
                    "CSV (UTF-8 or GB18030) or .xlsx file with a header row")
        ->required();
  }
  return {app, [&global, choices] {
            for (const Choice& choice : *choices) {
              if (choice.app->parsed()) return RunImport(global, choice.kind, choice.path);
            }
            return kExitUsage;
          }};
}

}  // namespace grassroots::cli
