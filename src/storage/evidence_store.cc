#include "storage/evidence_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/clock.h"
#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

EvidenceRecord ReadEvidence(const Statement& s) {
  EvidenceRecord e;
  e.id = s.Int(0);
  e.item_id = s.Int(1);
  e.file_name = s.Text(2);
  e.content_type = s.Text(3);
  e.size = s.Int(4);
  e.sha256 = s.Text(5);
  e.uploaded_by = s.Text(6);
  e.uploaded_at = s.Text(7);
  return e;
}

std::filesystem::path FileOf(const std::string& db_path, const std::string& sha) {
  return std::filesystem::path(EvidenceDirectory(db_path)) / sha.substr(0, 2) / sha;
}

core::Error FileError(const std::string& what, const std::filesystem::path& path) {
  return core::Error::Unavailable(what + " " + path.string() + ": " + std::strerror(errno));
}

// Writes `bytes` to `path` whole or not at all: a temporary file in the same folder, synced,
// then renamed over. A file already there holds the same bytes (its name is their hash).
core::Status WriteWhole(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return core::Status::Ok();
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return core::Error::Unavailable("cannot create " + path.parent_path().string());
  std::string temp = (path.parent_path() / ".upload-XXXXXX").string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) return FileError("cannot create a file in", path.parent_path());
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      core::Error error = FileError("cannot write", temp);
      ::close(fd);
      ::unlink(temp.c_str());
      return error;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
    core::Error error = FileError("cannot store", path);
    ::unlink(temp.c_str());
    return error;
  }
  return core::Status::Ok();
}

// The bytes as `db`'s backend keeps them; empty when missing.
core::Result<std::string> ReadBytes(Database& db, const EvidenceTable& table, std::int64_t id,
                                    const std::string& sha) {
  std::string bytes;
  if (db.dialect() == Dialect::kPostgres) {
    core::Result<std::optional<std::string>> row = QueryOne<std::string>(
        db, "SELECT content FROM " + std::string(table.table) + " WHERE id = ?", {id},
        [](const Statement& s) { return s.Blob(0); });
    if (!row.ok()) return row.error();
    if (row.value()) bytes = std::move(*row.value());
  } else {
    std::ifstream in(FileOf(db.path(), sha), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return bytes;
}

core::Status CopyBytesOf(Database& from, Database& to, const EvidenceTable& table) {
  const std::string name(table.table);
  core::Result<std::vector<std::pair<std::int64_t, std::string>>> rows =
      QueryAll<std::pair<std::int64_t, std::string>>(
          from, "SELECT id, sha256 FROM " + name + " ORDER BY id", {},
          [](const Statement& s) { return std::make_pair(s.Int(0), std::string(s.Text(1))); });
  if (!rows.ok()) return rows.error();
  for (const auto& [id, sha] : rows.value()) {
    core::Result<std::string> bytes = ReadBytes(from, table, id, sha);
    if (!bytes.ok()) return bytes.error();
    if (Sha256Hex(bytes.value()) != sha) {
      return core::Error::Internal("the file of evidence " + std::to_string(id) +
                                   " is missing or altered in the source");
    }
    if (to.dialect() == Dialect::kPostgres) {
      core::Result<Statement> update =
          to.Prepare("UPDATE " + name + " SET content = ? WHERE id = ?");
      if (!update.ok()) return update.error();
      update.value().BindBlob(1, bytes.value()).BindInt(2, id);
      if (core::Status s = update.value().Run(); !s.ok()) return s;
    } else {
      if (core::Status s = WriteWhole(FileOf(to.path(), sha), bytes.value()); !s.ok()) return s;
      if (core::Status s = Execute(to, "UPDATE " + name + " SET content = NULL WHERE id = ?", {id});
          !s.ok()) {
        return s;
      }
    }
  }
  return core::Status::Ok();
}

}  // namespace

core::Status CopyEvidenceBytes(Database& from, Database& to) {
  for (const EvidenceTable& table : kEvidenceTables) {
    if (core::Status s = CopyBytesOf(from, to, table); !s.ok()) return s;
  }
  return core::Status::Ok();
}

std::string EvidenceDirectory(const std::string& db_path) { return db_path + ".evidence"; }

std::string EvidenceStore::Select() const {
  return "SELECT id, " + std::string(table_.owner_column) +
         ", file_name, content_type, size, sha256, uploaded_by, uploaded_at FROM " +
         std::string(table_.table);
}

core::Result<EvidenceRecord> EvidenceStore::Add(std::int64_t item_id, const std::string& file_name,
                                                const std::string& content_type,
                                                std::string_view bytes) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  EvidenceRecord e;
  e.item_id = item_id;
  e.file_name = file_name;
  e.content_type = content_type;
  e.size = static_cast<std::int64_t>(bytes.size());
  e.sha256 = Sha256Hex(bytes);
  e.uploaded_by = tx_.actor().name;
  e.uploaded_at = core::FormatUtc(tx_.db().clock().Now());
  const bool in_row = tx_.db().dialect() == Dialect::kPostgres;
  if (!in_row) {
    if (core::Status s = WriteWhole(FileOf(tx_.db().path(), e.sha256), bytes); !s.ok()) {
      return s.error();
    }
  }
  core::Result<Statement> insert = tx_.db().Prepare(
      "INSERT INTO " + std::string(table_.table) + " (" + std::string(table_.owner_column) +
      ", file_name, content_type, size, sha256, content, uploaded_by, uploaded_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  if (!insert.ok()) return insert.error();
  Statement& stmt = insert.value();
  stmt.BindInt(1, item_id).BindText(2, e.file_name).BindText(3, e.content_type);
  stmt.BindInt(4, e.size).BindText(5, e.sha256);
  if (in_row) {
    stmt.BindBlob(6, bytes);
  } else {
    stmt.BindNull(6);
  }
  stmt.BindText(7, e.uploaded_by).BindText(8, e.uploaded_at);
  core::Result<bool> row = stmt.Step();
  if (!row.ok()) return row.error();
  if (!row.value()) return core::Error::Internal("an insert answered no id");
  e.id = stmt.Int(0);
  stmt.Reset();
  const std::string after = JsonObject({{"id", std::to_string(e.id)},
                                        {std::string(table_.owner_key), std::to_string(item_id)},
                                        {"file_name", JsonQuote(e.file_name)},
                                        {"content_type", JsonQuote(e.content_type)},
                                        {"size", std::to_string(e.size)},
                                        {"sha256", JsonQuote(e.sha256)}});
  const std::string entity(table_.entity);
  if (core::Status s =
          tx_.Audit(entity + ".create", entity + ":" + std::to_string(e.id), std::nullopt, after);
      !s.ok()) {
    return s.error();
  }
  return e;
}

core::Result<std::optional<EvidenceRecord>> EvidenceStore::Get(std::int64_t id) {
  return QueryOne<EvidenceRecord>(tx_.db(), Select() + " WHERE id = ?", {id}, ReadEvidence);
}

core::Result<std::vector<EvidenceRecord>> EvidenceStore::OfItem(std::int64_t item_id) {
  return QueryAll<EvidenceRecord>(
      tx_.db(), Select() + " WHERE " + std::string(table_.owner_column) + " = ? ORDER BY id",
      {item_id}, ReadEvidence);
}

core::Result<std::string> EvidenceStore::Content(const EvidenceRecord& evidence) {
  std::string bytes;
  if (tx_.db().dialect() == Dialect::kPostgres) {
    core::Result<std::optional<std::string>> row = QueryOne<std::string>(
        tx_.db(), "SELECT content FROM " + std::string(table_.table) + " WHERE id = ?",
        {evidence.id}, [](const Statement& s) { return s.Blob(0); });
    if (!row.ok()) return row.error();
    if (row.value()) bytes = std::move(*row.value());
  } else {
    std::ifstream in(FileOf(tx_.db().path(), evidence.sha256), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (Sha256Hex(bytes) != evidence.sha256) {
    return core::Error::Internal("the file of evidence " + std::to_string(evidence.id) +
                                 " is missing or altered");
  }
  return bytes;
}

}  // namespace grassroots::storage
