// Party life (三会一课, migration 026) and the village collective economy (migration 030) as
// storage over a transaction (tx.h). Values arrive checked by core/party_life.h and
// core/collective_economy.h; every write appends its audit entry in the same transaction
// ("meeting.create", entity "meeting:ID"; "economy.record", entity "economy:CODE:YEAR" with the
// row before). SQL shared by SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/collective_economy.h"
#include "core/error.h"
#include "core/party_life.h"
#include "core/periods.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct MeetingRow {
  core::MeetingRecord meeting;
  std::string org_name;
};

// An organization that logs Party life (core::HoldsPartyLife), existing, with its name.
struct BranchRow {
  std::string code, name;
};

struct EconomyRow {
  core::EconomyRecord record;
  std::string org_name;
};

class PartyMeetingRecords {
 public:
  explicit PartyMeetingRecords(Tx& tx) : tx_(&tx) {}

  // Stores `meeting` and answers it as stored (id, recorded_by, recorded_at). The caller has
  // checked that the same one (organization, kind, day, topic) is not logged (Exists).
  core::Result<core::MeetingRecord> Add(core::MeetingRecord meeting);
  core::Result<bool> Exists(const core::MeetingRecord& meeting);

  // The meetings held within `days` at the organizations the filter admits (scope, unit, type,
  // parent; paging ignored), by code, day and id.
  core::Result<std::vector<MeetingRow>> Held(const core::DayRange& days, OrgFilter filter);
  // Those of one organization, by day and id.
  core::Result<std::vector<core::MeetingRecord>> HeldAt(const std::string& code,
                                                        const core::DayRange& days);

  // The existing branches and general branches the filter admits (paging ignored), by code.
  core::Result<std::vector<BranchRow>> Branches(OrgFilter filter);

  // Members on the roll of `code` (not left): the attendance a meeting expects by default.
  core::Result<std::int64_t> MembersOnRoll(const std::string& code);

 private:
  Tx* tx_;
};

class EconomyRecords {
 public:
  explicit EconomyRecords(Tx& tx) : tx_(&tx) {}

  // Records `record` for its village and year, replacing what was recorded before; answers it
  // as stored.
  core::Result<core::EconomyRecord> Put(core::EconomyRecord record);
  core::Result<std::optional<core::EconomyRecord>> Get(const std::string& code, int year);
  // The records of `year` (0: every year) of the villages the filter admits, by year and code.
  core::Result<std::vector<EconomyRow>> List(int year, OrgFilter filter);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
