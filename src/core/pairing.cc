#include "core/pairing.h"

#include <algorithm>

#include "core/field_rules.h"

namespace grassroots::core {

Result<Agency> CheckAgency(const AgencyInput& input) {
  if (Status s = CheckName("name", input.name, true, kMaxAgencyNameLength); !s.ok()) {
    return s.error();
  }
  auto category = ReadVocabulary<AgencyCategory>(
      "category", input.category, ParseAgencyCategory,
      "party_gov, economic, political_legal, agriculture (党政, 经济, 政法, 涉农)");
  if (!category.ok()) return category.error();
  if (input.capacity < 0 || input.capacity > kMaxAgencyCapacity) {
    return Error::Invalid("capacity must be between 0 and " + std::to_string(kMaxAgencyCapacity),
                          "capacity")
        .With("capacity_out_of_range", {{"value", std::to_string(input.capacity)},
                                        {"min", "0"},
                                        {"max", std::to_string(kMaxAgencyCapacity)}});
  }
  return Agency{0, input.name, category.value(), input.capacity};
}

Result<std::vector<VillageTag>> CheckTags(const std::vector<std::string>& tags) {
  std::vector<VillageTag> out;
  for (const std::string& text : tags) {
    auto tag =
        ReadVocabulary<VillageTag>("tags", text, ParseVillageTag,
                                   "weak_org, poor, disorderly, specialized (软, 穷, 乱, 专业)");
    if (!tag.ok()) return tag.error();
    if (std::find(out.begin(), out.end(), tag.value()) != out.end()) {
      return Error::Invalid("tag " + text + " is named twice", "tags")
          .With("duplicate_tag", {{"tag", std::string(ToString(tag.value()))}});
    }
    out.push_back(tag.value());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::int64_t SpareCapacity(std::int64_t capacity, std::int64_t paired) {
  return std::max<std::int64_t>(0, capacity - paired);
}

Status CheckVillage(const std::string& code, bool exists, std::optional<OrgType> type, bool ended) {
  if (!exists) {
    return Error::NotFound("no organization with code " + code, "org")
        .With("organization_not_found", {{"code", code}});
  }
  if (type != OrgType::kVillage) {
    const std::string name = type ? std::string(ToString(*type)) : std::string();
    return Error::Invalid(code + " is not a village: only villages are tagged and paired", "org")
        .With("not_a_village", {{"code", code}, {"type", name}});
  }
  if (ended) {
    return Error::Invalid(code + " has been dissolved or merged", "org")
        .With("organization_ended", {{"code", code}});
  }
  return Status::Ok();
}

Status CheckPairing(const PairingFacts& f) {
  if (Status s = CheckVillage(f.code, f.exists, f.type, f.ended); !s.ok()) return s;
  const std::string agency = std::to_string(f.agency_id);
  if (!f.agency_exists) {
    return Error::NotFound("no agency with id " + agency, "agency")
        .With("agency_not_found", {{"id", agency}});
  }
  if (f.already_paired) {
    return Error::Conflict(f.code + " is already paired with agency " + agency + " that year",
                           "agency")
        .With("pairing_exists", {{"code", f.code}, {"agency", agency}});
  }
  if (f.spare <= 0) {
    return Error::Conflict("agency " + agency + " has no spare capacity that year", "agency")
        .With("agency_full", {{"agency", agency}});
  }
  return Status::Ok();
}

std::vector<Proposal> ProposePartners(const std::vector<VillageTag>& tags,
                                      const std::vector<AgencyRoom>& agencies,
                                      const std::vector<std::int64_t>& paired,
                                      const PairingMatch& match) {
  std::vector<Proposal> out;
  const auto taken = [&](std::int64_t id) {
    return std::find(paired.begin(), paired.end(), id) != paired.end() ||
           std::any_of(out.begin(), out.end(),
                       [&](const Proposal& p) { return p.agency.id == id; });
  };
  for (VillageTag tag : kAllVillageTags) {
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) continue;
    std::vector<const AgencyRoom*> fitting;
    for (const AgencyRoom& room : agencies) {
      if (room.agency.category == match.For(tag) && room.spare > 0 && !taken(room.agency.id)) {
        fitting.push_back(&room);
      }
    }
    std::sort(fitting.begin(), fitting.end(), [](const AgencyRoom* a, const AgencyRoom* b) {
      if (a->spare != b->spare) return a->spare > b->spare;
      if (a->agency.name != b->agency.name) return a->agency.name < b->agency.name;
      return a->agency.id < b->agency.id;
    });
    for (const AgencyRoom* room : fitting) out.push_back({room->agency, room->spare, tag});
  }
  return out;
}

bool MayManagePairing(const Principal& who) { return who.role == Role::kAdmin; }

}  // namespace grassroots::core
