// 百局联百村 as stored (migration 029), reached from a use case's transaction (tx.h): villages'
// tags by year, the partner agencies and their pairings with villages. Stores what core
// decided (core/pairing.h); knows no rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/pairing.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

// A village with its tags of a year.
struct TaggedVillage {
  std::string code;
  std::string name;
  std::string unit;
  std::vector<core::VillageTag> tags;  // kAllVillageTags order
};

// An agency with how many villages it is paired with in a year.
struct AgencyLoad {
  core::Agency agency;
  std::int64_t paired = 0;
};

struct PairingRow {
  std::int64_t id = 0;
  int year = 0;
  std::string org_code;
  std::string org_name;
  std::string unit;
  core::Agency agency;
  std::string paired_on;  // YYYY-MM-DD
  std::string recorded_by;
};

class PairingRecords {
 public:
  explicit PairingRecords(Tx& tx) : tx_(tx) {}

  // The organization's type and whether it ended; nullopt when there is no such code.
  struct OrgState {
    core::OrgType type = core::OrgType::kVillage;
    bool ended = false;
  };
  core::Result<std::optional<OrgState>> Organization(const std::string& code);

  // The village's tags of `year`, in kAllVillageTags order.
  core::Result<std::vector<core::VillageTag>> Tags(int year, const std::string& code);
  // Replaces them, audited "pairing.tags" (entity "village-tags:CODE:YEAR", before and after).
  core::Status SetTags(int year, const std::string& code,
                       const std::vector<core::VillageTag>& tags);
  // The villages tagged in `year` that `org` admits (unit, scope, page), by code, with the
  // count of all.
  core::Result<Page<TaggedVillage>> TaggedVillages(int year, const OrgFilter& org);

  // Stores the agency, audited "agency.create" (entity "agency:ID"); kConflict
  // "agency_name_taken" {name} when another has its name. Answers its id.
  core::Result<std::int64_t> AddAgency(const core::Agency& agency);
  // Every agency by name, with its pairings of `year`.
  core::Result<std::vector<AgencyLoad>> Agencies(int year);
  core::Result<std::optional<AgencyLoad>> AgencyOf(std::int64_t id, int year);

  // The agencies paired with the village in `year`.
  core::Result<std::vector<std::int64_t>> PairedAgencies(int year, const std::string& code);
  // Stores the pairing, audited "pairing.create" (entity "pairing:ID"). Answers its id.
  core::Result<std::int64_t> AddPairing(int year, const std::string& code, std::int64_t agency,
                                        const core::CivilDate& on);
  // The year's pairings of the villages `org` admits, by village code then agency name.
  core::Result<Page<PairingRow>> Pairings(int year, const OrgFilter& org);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
