// 百局联百村 (issue 14) for the HTTP API and the demo: villages' tags (core::CheckTags), the
// partner agencies (core::CheckAgency) with their spare capacity in a year
// (core::SpareCapacity), the partners proposed for a village (core::ProposePartners under the
// policy's [pairing] mapping) and the pairings recorded (core::CheckPairing, in the write
// transaction). Who may change anything: core::MayManagePairing; the caller has checked that it
// may read the village named.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/pairing.h"
#include "storage/pairing_records.h"
#include "storage/store.h"

namespace grassroots::app {

// Replaces the village's tags of `year`: kForbidden unless MayManagePairing; kNotFound
// organization_not_found, not_a_village, organization_ended (tags of an ended village are
// kept, not changed). Answers the tags as stored.
core::Result<std::vector<core::VillageTag>> SetVillageTags(storage::Store& store,
                                                           const core::Principal& who, int year,
                                                           const std::string& code,
                                                           const std::vector<std::string>& tags,
                                                           const storage::Actor& actor);

core::Result<storage::Page<storage::TaggedVillage>> ListTaggedVillages(
    storage::Store& store, int year, const storage::OrgFilter& org);

// An agency with its spare capacity in the year.
struct AgencyView {
  core::Agency agency;
  std::int64_t paired = 0;
  std::int64_t spare = 0;
};

core::Result<AgencyView> RegisterAgency(storage::Store& store, const core::Principal& who,
                                        const core::AgencyInput& input,
                                        const storage::Actor& actor);
core::Result<std::vector<AgencyView>> ListAgencies(storage::Store& store, int year);

// The village's tags of the year, the partners proposed for them (in core::ProposePartners'
// order, each with the tag it answers) and the agencies already paired with it.
struct PartnerProposals {
  std::string code;
  int year = 0;
  std::vector<core::VillageTag> tags;
  std::vector<core::Proposal> proposals;
  std::vector<std::int64_t> paired;
};
core::Result<PartnerProposals> ProposalsFor(storage::Store& store, int year,
                                            const std::string& code,
                                            const core::PairingMatch& match);

// Records the pairing on `on` (the county's today when empty; a real day not after today):
// core::CheckPairing's refusals. Answers the pairing as listed.
struct PairingInput {
  int year = 0;
  std::string org;
  std::int64_t agency = 0;
  std::string on;
};
core::Result<storage::PairingRow> RecordPairing(storage::Store& store, const core::Principal& who,
                                                const PairingInput& input,
                                                const core::CivilDate& today,
                                                const storage::Actor& actor);

core::Result<storage::Page<storage::PairingRow>> ListPairings(storage::Store& store, int year,
                                                              const storage::OrgFilter& org);

}  // namespace grassroots::app
