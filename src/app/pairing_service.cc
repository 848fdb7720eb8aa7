#include "app/pairing_service.h"

#include <optional>

#include "core/field_rules.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

core::Error NotPairingManager() {
  return core::Error::Forbidden("only the organization department manages pairings")
      .With("forbidden");
}

AgencyView ViewOf(const storage::AgencyLoad& load) {
  return {load.agency, load.paired, core::SpareCapacity(load.agency.capacity, load.paired)};
}

}  // namespace

core::Result<std::vector<core::VillageTag>> SetVillageTags(storage::Store& store,
                                                           const core::Principal& who, int year,
                                                           const std::string& code,
                                                           const std::vector<std::string>& tags,
                                                           const storage::Actor& actor) {
  if (!core::MayManagePairing(who)) return NotPairingManager();
  if (core::Status s = core::CheckYear("year", year); !s.ok()) return s.error();
  auto checked = core::CheckTags(tags);
  if (!checked.ok()) return checked.error();
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::PairingRecords records(tx);
    auto org = records.Organization(code);
    if (!org.ok()) return org.error();
    const bool exists = org.value().has_value();
    if (core::Status s = core::CheckVillage(
            code, exists, exists ? std::optional(org.value()->type) : std::nullopt,
            exists && org.value()->ended);
        !s.ok()) {
      return s;
    }
    return records.SetTags(year, code, checked.value());
  });
  if (!status.ok()) return status.error();
  return checked.value();
}

core::Result<storage::Page<storage::TaggedVillage>> ListTaggedVillages(
    storage::Store& store, int year, const storage::OrgFilter& org) {
  storage::Page<storage::TaggedVillage> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto page = storage::PairingRecords(tx).TaggedVillages(year, org);
    if (!page.ok()) return page.error();
    out = std::move(page).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<AgencyView> RegisterAgency(storage::Store& store, const core::Principal& who,
                                        const core::AgencyInput& input,
                                        const storage::Actor& actor) {
  if (!core::MayManagePairing(who)) return NotPairingManager();
  auto agency = core::CheckAgency(input);
  if (!agency.ok()) return agency.error();
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    auto id = storage::PairingRecords(tx).AddAgency(agency.value());
    if (!id.ok()) return id.error();
    agency.value().id = id.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return AgencyView{agency.value(), 0, agency.value().capacity};
}

core::Result<std::vector<AgencyView>> ListAgencies(storage::Store& store, int year) {
  std::vector<AgencyView> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto loads = storage::PairingRecords(tx).Agencies(year);
    if (!loads.ok()) return loads.error();
    for (const storage::AgencyLoad& load : loads.value()) out.push_back(ViewOf(load));
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<PartnerProposals> ProposalsFor(storage::Store& store, int year,
                                            const std::string& code,
                                            const core::PairingMatch& match) {
  PartnerProposals out;
  out.code = code;
  out.year = year;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::PairingRecords records(tx);
    auto tags = records.Tags(year, code);
    if (!tags.ok()) return tags.error();
    out.tags = std::move(tags).value();
    auto paired = records.PairedAgencies(year, code);
    if (!paired.ok()) return paired.error();
    out.paired = std::move(paired).value();
    auto loads = records.Agencies(year);
    if (!loads.ok()) return loads.error();
    std::vector<core::AgencyRoom> rooms;
    for (const storage::AgencyLoad& load : loads.value()) {
      rooms.push_back({load.agency, core::SpareCapacity(load.agency.capacity, load.paired)});
    }
    out.proposals = core::ProposePartners(out.tags, rooms, out.paired, match);
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<storage::PairingRow> RecordPairing(storage::Store& store, const core::Principal& who,
                                                const PairingInput& input,
                                                const core::CivilDate& today,
                                                const storage::Actor& actor) {
  if (!core::MayManagePairing(who)) return NotPairingManager();
  if (core::Status s = core::CheckYear("year", input.year); !s.ok()) return s.error();
  if (core::Status s = core::CheckCode("org", input.org); !s.ok()) return s.error();
  core::CivilDate on = today;
  if (!input.on.empty()) {
    if (core::Status s = core::CheckDate("on", input.on, today); !s.ok()) return s.error();
    on = *core::ParseIsoDate(input.on);
  }
  std::optional<storage::PairingRow> stored;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::PairingRecords records(tx);
    core::PairingFacts facts;
    facts.code = input.org;
    facts.agency_id = input.agency;
    auto org = records.Organization(input.org);
    if (!org.ok()) return org.error();
    if (org.value()) {
      facts.exists = true;
      facts.type = org.value()->type;
      facts.ended = org.value()->ended;
    }
    auto agency = records.AgencyOf(input.agency, input.year);
    if (!agency.ok()) return agency.error();
    if (agency.value()) {
      facts.agency_exists = true;
      facts.spare = core::SpareCapacity(agency.value()->agency.capacity, agency.value()->paired);
    }
    auto paired = records.PairedAgencies(input.year, input.org);
    if (!paired.ok()) return paired.error();
    for (std::int64_t id : paired.value()) facts.already_paired |= id == input.agency;
    if (core::Status s = core::CheckPairing(facts); !s.ok()) return s;
    auto id = records.AddPairing(input.year, input.org, input.agency, on);
    if (!id.ok()) return id.error();
    storage::OrgFilter only;
    only.restrict_to_scope = true;
    only.only = {input.org};
    only.limit = 1000;
    auto rows = records.Pairings(input.year, only);
    if (!rows.ok()) return rows.error();
    for (storage::PairingRow& row : rows.value().items) {
      if (row.id == id.value()) stored = std::move(row);
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return std::move(*stored);
}

core::Result<storage::Page<storage::PairingRow>> ListPairings(storage::Store& store, int year,
                                                              const storage::OrgFilter& org) {
  storage::Page<storage::PairingRow> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto page = storage::PairingRecords(tx).Pairings(year, org);
    if (!page.ok()) return page.error();
    out = std::move(page).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

}  // namespace grassroots::app
