// 百局联百村 (issue 14): county agencies (机关单位) paired with weak villages by the villages'
// problems. The rules: what an agency record must say, an agency's spare capacity in a year
// (its capacity minus its pairings of that year), when a pairing may be recorded (a village
// that exists and has not ended, an agency with room, not paired twice), and the partners
// proposed for a village. Words and the tag → category mapping: pairing_terms.h. Who records:
// the organization department (admin). Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/organization.h"
#include "core/pairing_terms.h"

namespace grassroots::core {

inline constexpr std::size_t kMaxAgencyNameLength = 100;
inline constexpr std::int64_t kMaxAgencyCapacity = 1000;

struct AgencyInput {
  std::string name;
  std::string category;  // party_gov, economic, political_legal, agriculture (or 党政, ...)
  std::int64_t capacity = 0;
};

struct Agency {
  std::int64_t id = 0;  // 0 until stored
  std::string name;
  AgencyCategory category = AgencyCategory::kPartyGov;
  std::int64_t capacity = 0;  // villages it can take in a year
};

// The first rule `input` breaks (name required and bounded, category one of the four, capacity
// 0..kMaxAgencyCapacity: capacity_out_of_range {min, max}), else the agency.
Result<Agency> CheckAgency(const AgencyInput& input);

// The tags of a village as sent (API or Chinese names): each known (unknown_value), none twice
// (duplicate_tag {tag}); answered in kAllVillageTags order. An empty list clears the village's
// tags.
Result<std::vector<VillageTag>> CheckTags(const std::vector<std::string>& tags);

// How many more villages the agency can take in the year: capacity minus its pairings of the
// year, never below 0.
std::int64_t SpareCapacity(std::int64_t capacity, std::int64_t paired);

// What is known when a pairing is to be recorded, read in the write transaction.
struct PairingFacts {
  std::string code;
  bool exists = false;          // an organization with this code (and in the caller's scope)
  std::optional<OrgType> type;  // its type when it exists
  bool ended = false;
  bool agency_exists = false;
  std::int64_t agency_id = 0;
  std::int64_t spare = 0;       // the agency's spare capacity in the year
  bool already_paired = false;  // this agency with this village in the year
};

// Whether `code` names a village that can be tagged and paired: organization_not_found {code}
// (kNotFound) when it does not exist, not_a_village {code, type}, organization_ended {code}.
Status CheckVillage(const std::string& code, bool exists, std::optional<OrgType> type, bool ended);

// The first reason the pairing cannot be recorded: CheckVillage's, agency_not_found {id}
// (kNotFound), pairing_exists {code, agency} (kConflict), agency_full {agency} (kConflict): no
// spare capacity in the year.
Status CheckPairing(const PairingFacts& facts);

// An agency with its spare capacity in the year, as a proposal reads it.
struct AgencyRoom {
  Agency agency;
  std::int64_t spare = 0;
};

// One proposed partner and why: its category takes `tag` (PairingMatch).
struct Proposal {
  Agency agency;
  std::int64_t spare = 0;
  VillageTag tag = VillageTag::kWeakOrg;
};

// The partners proposed for a village tagged `tags`: for each tag in kAllVillageTags order, the
// agencies of the category `match` gives it that have spare capacity and are not already paired
// with the village (`paired`: agency ids), most spare capacity first, then by name, then id —
// the same answer for the same data. An agency is proposed once, for the first tag it matches.
std::vector<Proposal> ProposePartners(const std::vector<VillageTag>& tags,
                                      const std::vector<AgencyRoom>& agencies,
                                      const std::vector<std::int64_t>& paired,
                                      const PairingMatch& match);

// Who registers agencies, tags villages and records pairings: the organization department
// (admin). The tags and pairings of a village are read by whoever may read the village.
bool MayManagePairing(const Principal& who);

}  // namespace grassroots::core
