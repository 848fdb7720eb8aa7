// Standardized Party branches (标准化党支部) as stored (migration 028), reached from a use case's
// transaction (tx.h): batches of designations, their revocations, what a batch's rule reads
// (core::DesignationFacts) and the list. Stores what core decided; knows no rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/standards.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

// One organization's designation as the list shows it.
struct DesignationRow {
  std::int64_t id = 0;
  int year = 0;
  std::string org_code;
  std::string org_name;
  std::string unit;
  std::string type;
  std::int64_t batch_id = 0;
  std::string batch_name;
  std::string designated_on;  // YYYY-MM-DD
  std::string revoked_on;     // empty while current
  std::string revoke_reason;
  std::string revoked_by;
  bool selected = false;  // selected in the stored assessment of `year`
  bool current() const { return revoked_on.empty(); }
};

// Which designations a list holds. `org` carries the unit filter and the caller's scope
// (OrgFilter::restrict_to_scope) and the page.
struct DesignationFilter {
  int year = 0;                 // 0: any year
  std::optional<bool> current;  // true: not revoked; false: revoked
  OrgFilter org;
};

class StandardRecords {
 public:
  explicit StandardRecords(Tx& tx) : tx_(tx) {}

  // What core::RefusedCodes needs of each of `codes`, in their order, for the title of `year`.
  core::Result<std::vector<core::DesignationFacts>> Facts(int year,
                                                          const std::vector<std::string>& codes);

  // Stores the batch and a designation per code, with one audit entry "standards.designate",
  // entity "standard-batch:ID", naming the codes. Answers the batch's id. Write transactions.
  core::Result<std::int64_t> AddBatch(const core::StandardBatch& batch);

  // One designation, or nullopt.
  core::Result<std::optional<DesignationRow>> Get(std::int64_t id);

  // Marks the designation revoked, audited "standards.revoke" (entity
  // "standard-designation:ID", before and after).
  core::Status Revoke(const DesignationRow& before, const core::Revocation& revocation);

  // Newest year first, then by organization code and id; with the count of all that match.
  core::Result<Page<DesignationRow>> List(const DesignationFilter& filter);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
