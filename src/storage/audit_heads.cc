#include "storage/audit_heads.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include "storage/audit_chain.h"

namespace grassroots::storage {

std::string HeadFilePath(std::string_view db_path) {
  if (db_path.empty() || db_path == ":memory:" || db_path.starts_with("file:")) return {};
  return std::string(db_path) + ".audit-heads";
}

core::Status AppendHeadLine(const std::string& path, const ChainHead& head, std::string_view at) {
  const std::string line = std::to_string(head.id) + " " + head.hash + " " + std::string(at) + "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return core::Error::Unavailable("cannot open " + path + ": " + std::strerror(errno), path);
  }
  const ssize_t written = ::write(fd, line.data(), line.size());
  const int write_errno = errno;
  ::close(fd);
  if (written != static_cast<ssize_t>(line.size())) {
    return core::Error::Unavailable("cannot write " + path + ": " + std::strerror(write_errno),
                                    path);
  }
  return core::Status::Ok();
}

core::Result<std::vector<RecordedHead>> ReadHeadFile(const std::string& path) {
  std::vector<RecordedHead> heads;
  std::ifstream file(path, std::ios::binary);
  if (!file) return heads;
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  std::size_t consumed = 0;
  while (std::getline(lines, line)) {
    ++number;
    consumed += line.size() + 1;
    const bool last_without_newline = consumed > text.size();
    std::istringstream fields(line);
    std::string id, hash, at, extra;
    fields >> id >> hash >> at;
    const std::optional<ChainHead> head = ParseAuditHead(id + ":" + hash);
    if (!head || at.empty() || (fields >> extra)) {
      if (last_without_newline) break;  // torn by a crash mid-write
      return core::Error::Invalid(
                 path + ":" + std::to_string(number) + ": not a head line (expected ID HASH AT)",
                 path)
          .With("audit_head_file_malformed", {{"file", path}, {"line", std::to_string(number)}});
    }
    heads.push_back({number, *head, at});
  }
  return heads;
}

}  // namespace grassroots::storage
