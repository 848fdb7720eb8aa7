#include "storage/pairing_records.h"

#include <map>

#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

std::string TagsJson(const std::vector<core::VillageTag>& tags) {
  std::string json = "[";
  for (core::VillageTag tag : tags) {
    if (json.size() > 1) json += ',';
    json += JsonQuote(core::ToString(tag));
  }
  return json + "]";
}

core::Agency ReadAgency(const Statement& s, int first) {
  core::Agency a;
  a.id = s.Int(first);
  a.name = TextOrEmpty(s, first + 1);
  a.category =
      core::ParseAgencyCategory(TextOrEmpty(s, first + 2)).value_or(core::AgencyCategory{});
  a.capacity = s.Int(first + 3);
  return a;
}

constexpr std::string_view kAgencyColumns =
    "a.id, a.name, a.category, a.capacity,"
    " (SELECT COUNT(*) FROM pairings p WHERE p.agency_id = a.id AND p.year = ?)";

AgencyLoad ReadLoad(const Statement& s) { return {ReadAgency(s, 0), s.Int(4)}; }

}  // namespace

core::Result<std::optional<PairingRecords::OrgState>> PairingRecords::Organization(
    const std::string& code) {
  return QueryOne<OrgState>(
      tx_.db(), "SELECT type, ended_on IS NOT NULL FROM organizations WHERE code = ?", {code},
      [](const Statement& s) {
        return OrgState{core::ParseOrgType(s.Text(0)).value_or(core::OrgType::kVillage),
                        s.Int(1) != 0};
      });
}

core::Result<std::vector<core::VillageTag>> PairingRecords::Tags(int year,
                                                                 const std::string& code) {
  auto names = QueryAll<std::string>(
      tx_.db(), "SELECT tag FROM village_tags WHERE year = ? AND org_code = ?",
      {std::int64_t{year}, code}, [](const Statement& s) { return std::string(s.Text(0)); });
  if (!names.ok()) return names.error();
  std::vector<core::VillageTag> tags;
  for (core::VillageTag tag : core::kAllVillageTags) {
    for (const std::string& name : names.value()) {
      if (name == core::ToString(tag)) tags.push_back(tag);
    }
  }
  return tags;
}

core::Status PairingRecords::SetTags(int year, const std::string& code,
                                     const std::vector<core::VillageTag>& tags) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  auto before = Tags(year, code);
  if (!before.ok()) return before.error();
  Database& db = tx_.db();
  if (core::Status s = Execute(db, "DELETE FROM village_tags WHERE year = ? AND org_code = ?",
                               {std::int64_t{year}, code});
      !s.ok()) {
    return s;
  }
  for (core::VillageTag tag : tags) {
    if (core::Status s =
            Execute(db, "INSERT INTO village_tags (year, org_code, tag) VALUES (?, ?, ?)",
                    {std::int64_t{year}, code, std::string(core::ToString(tag))});
        !s.ok()) {
      return s;
    }
  }
  return tx_.Audit("pairing.tags", "village-tags:" + code + ":" + std::to_string(year),
                   TagsJson(before.value()), TagsJson(tags));
}

core::Result<Page<TaggedVillage>> PairingRecords::TaggedVillages(int year, const OrgFilter& org) {
  FilteredQuery query;
  query.from = "organizations o";
  query.columns = "o.code, o.name, o.unit_code";
  query.where = "EXISTS (SELECT 1 FROM village_tags t WHERE t.year = ? AND t.org_code = o.code)";
  query.params = {std::int64_t{year}};
  auto page = ListPage<TaggedVillage>(tx_.db(), query, org, [](const Statement& s) {
    return TaggedVillage{TextOrEmpty(s, 0), TextOrEmpty(s, 1), TextOrEmpty(s, 2), {}};
  });
  if (!page.ok()) return page.error();
  for (TaggedVillage& village : page.value().items) {
    auto tags = Tags(year, village.code);
    if (!tags.ok()) return tags.error();
    village.tags = std::move(tags).value();
  }
  return page;
}

core::Result<std::int64_t> PairingRecords::AddAgency(const core::Agency& agency) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  auto taken =
      QueryCount(db, "SELECT COUNT(*) FROM partner_agencies WHERE name = ?", {agency.name});
  if (!taken.ok()) return taken.error();
  if (taken.value() > 0) {
    return core::Error::Conflict("an agency named " + agency.name + " is registered", "name")
        .With("agency_name_taken", {{"name", agency.name}});
  }
  if (core::Status s =
          Execute(db,
                  "INSERT INTO partner_agencies (name, category, capacity,"
                  " created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                  {agency.name, std::string(core::ToString(agency.category)), agency.capacity,
                   core::FormatUtc(db.clock().Now()), tx_.actor().name});
      !s.ok()) {
    return s.error();
  }
  // A write transaction holds the backend's write lock: the largest id is the row just written.
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM partner_agencies");
  if (!id.ok()) return id.error();
  const std::string after = JsonObject({{"id", std::to_string(id.value())},
                                        {"name", JsonQuote(agency.name)},
                                        {"category", JsonQuote(core::ToString(agency.category))},
                                        {"capacity", std::to_string(agency.capacity)}});
  if (core::Status s =
          tx_.Audit("agency.create", "agency:" + std::to_string(id.value()), std::nullopt, after);
      !s.ok()) {
    return s.error();
  }
  return id.value();
}

core::Result<std::vector<AgencyLoad>> PairingRecords::Agencies(int year) {
  return QueryAll<AgencyLoad>(
      tx_.db(),
      "SELECT " + std::string(kAgencyColumns) + " FROM partner_agencies a ORDER BY a.name, a.id",
      {std::int64_t{year}}, ReadLoad);
}

core::Result<std::optional<AgencyLoad>> PairingRecords::AgencyOf(std::int64_t id, int year) {
  return QueryOne<AgencyLoad>(
      tx_.db(), "SELECT " + std::string(kAgencyColumns) + " FROM partner_agencies a WHERE a.id = ?",
      {std::int64_t{year}, id}, ReadLoad);
}

core::Result<std::vector<std::int64_t>> PairingRecords::PairedAgencies(int year,
                                                                       const std::string& code) {
  return QueryAll<std::int64_t>(
      tx_.db(), "SELECT agency_id FROM pairings WHERE year = ? AND org_code = ? ORDER BY agency_id",
      {std::int64_t{year}, code}, [](const Statement& s) { return s.Int(0); });
}

core::Result<std::int64_t> PairingRecords::AddPairing(int year, const std::string& code,
                                                      std::int64_t agency,
                                                      const core::CivilDate& on) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  const std::string day = core::FormatIsoDate(on);
  if (core::Status s = Execute(db,
                               "INSERT INTO pairings (year, org_code, agency_id, paired_on,"
                               " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                               {std::int64_t{year}, code, agency, day,
                                core::FormatUtc(db.clock().Now()), tx_.actor().name});
      !s.ok()) {
    return s.error();
  }
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM pairings");
  if (!id.ok()) return id.error();
  const std::string after = JsonObject({{"id", std::to_string(id.value())},
                                        {"year", std::to_string(year)},
                                        {"org", JsonQuote(code)},
                                        {"agency", std::to_string(agency)},
                                        {"on", JsonQuote(day)}});
  if (core::Status s =
          tx_.Audit("pairing.create", "pairing:" + std::to_string(id.value()), std::nullopt, after);
      !s.ok()) {
    return s.error();
  }
  return id.value();
}

core::Result<Page<PairingRow>> PairingRecords::Pairings(int year, const OrgFilter& org) {
  FilteredQuery query;
  query.from =
      "pairings p JOIN organizations o ON o.code = p.org_code"
      " JOIN partner_agencies a ON a.id = p.agency_id";
  query.columns =
      "p.id, p.year, p.org_code, o.name, o.unit_code, a.id, a.name, a.category, a.capacity,"
      " p.paired_on, p.created_by";
  query.where = "p.year = ?";
  query.params = {std::int64_t{year}};
  query.order = "p.org_code, a.name, p.id";
  return ListPage<PairingRow>(tx_.db(), query, org, [](const Statement& s) {
    PairingRow row;
    row.id = s.Int(0);
    row.year = static_cast<int>(s.Int(1));
    row.org_code = TextOrEmpty(s, 2);
    row.org_name = TextOrEmpty(s, 3);
    row.unit = TextOrEmpty(s, 4);
    row.agency = ReadAgency(s, 5);
    row.paired_on = TextOrEmpty(s, 9);
    row.recorded_by = TextOrEmpty(s, 10);
    return row;
  });
}

}  // namespace grassroots::storage
