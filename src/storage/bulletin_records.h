// Quarterly bulletins (issue 13) as storage over a transaction (tx.h): the items a bulletin
// counts, read with the direct organization each lies under, and the bulletins issued
// (migration 018), each stored with its figures and its audit entry "bulletin.issue",
// "bulletin:ID". SQL shared by SQLite and PostgreSQL. What the figures are is core's
// (core/bulletin.h); who may read or issue is app's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bulletin.h"
#include "core/error.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct IssuedBulletin {
  std::int64_t id = 0;
  int year = 0;
  std::string quarter;     // "2016-Q2"
  std::string unit_code;   // "" for the county
  int number = 0;          // within the year, from 1
  std::string figures;     // JSON (app/bulletin_json.h); empty in List's answer
  std::string audit_head;  // "ID:HASH" before the issue was recorded
  std::string issued_by, issued_at;
};

class BulletinRecords {
 public:
  explicit BulletinRecords(Tx& tx) : tx_(tx) {}

  // Every item of `year`'s plans, with the direct organization its organization lies under;
  // only those under `unit` when it is not empty. In organization code, item id order.
  core::Result<std::vector<core::BulletinItem>> Items(int year, const std::string& unit);

  // The name of the direct organization `code` (no parent), or nullopt when there is none.
  core::Result<std::optional<std::string>> DirectOrganizationName(const std::string& code);

  core::Result<std::optional<IssuedBulletin>> Find(const std::string& quarter,
                                                   const std::string& unit);

  // Stores `bulletin` (year, quarter, unit_code, figures) as issued now by the transaction's
  // actor, numbered after the year's last issue, with the audit head read before its entry.
  // kConflict bulletin_already_issued {quarter, unit} when that quarter and scope has one.
  // Write transactions only.
  core::Result<IssuedBulletin> Add(IssuedBulletin bulletin);

  // Every issued bulletin, newest quarter first, the county before its units; figures left out.
  core::Result<std::vector<IssuedBulletin>> List();

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
