#include "app/party_life_service.h"

#include <algorithm>
#include <map>

namespace grassroots::app {

core::Result<core::MeetingRecord> LogMeeting(storage::Store& store, const core::Organization& org,
                                             core::MeetingInput input, const core::CivilDate& today,
                                             const storage::Actor& actor) {
  input.org_code = org.code;
  if (core::Status s = core::CheckHoldsPartyLife(org); !s.ok()) return s.error();
  core::Result<core::MeetingRecord> checked = core::CheckMeeting(input, today);
  if (!checked.ok()) return checked.error();
  core::MeetingRecord stored;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::PartyMeetingRecords records(tx);
    core::MeetingRecord meeting = checked.value();
    if (!input.expected) {
      core::Result<std::int64_t> members = records.MembersOnRoll(org.code);
      if (!members.ok()) return members.error();
      // Members absent from the roll may still attend (a visiting member): the default never
      // refuses what was sent.
      meeting.expected = std::max(members.value(), meeting.attended);
    }
    core::Result<bool> exists = records.Exists(meeting);
    if (!exists.ok()) return exists.error();
    if (exists.value()) {
      return core::Error::Conflict("this meeting is logged already", "topic")
          .With("meeting_already_logged",
                {{"code", org.code}, {"date", core::FormatIsoDate(meeting.on)}});
    }
    auto added = records.Add(meeting);
    if (!added.ok()) return added.error();
    stored = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<std::vector<storage::MeetingRow>> ListMeetings(storage::Store& store,
                                                            const core::DayRange& days,
                                                            const storage::OrgFilter& scope) {
  std::vector<storage::MeetingRow> rows;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto held = storage::PartyMeetingRecords(tx).Held(days, scope);
    if (!held.ok()) return held.error();
    rows = std::move(held).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return rows;
}

core::Result<std::vector<storage::BranchRow>> PartyLifeBranches(storage::Store& store,
                                                                const storage::OrgFilter& scope) {
  std::vector<storage::BranchRow> rows;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto b = storage::PartyMeetingRecords(tx).Branches(scope);
    if (!b.ok()) return b.error();
    rows = std::move(b).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return rows;
}

core::Result<std::vector<BranchQuarter>> QuarterSummary(storage::Store& store,
                                                        const core::Quarter& quarter,
                                                        const storage::OrgFilter& scope,
                                                        const core::PartyLifeRequirements& required,
                                                        const core::CivilDate& today) {
  std::vector<storage::BranchRow> branches;
  std::vector<storage::MeetingRow> held;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::PartyMeetingRecords records(tx);
    auto b = records.Branches(scope);
    if (!b.ok()) return b.error();
    branches = std::move(b).value();
    auto h = records.Held(core::DaysOf(quarter), scope);
    if (!h.ok()) return h.error();
    held = std::move(h).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  std::map<std::string, std::vector<core::MeetingRecord>> by_branch;
  for (const storage::MeetingRow& row : held)
    by_branch[row.meeting.org_code].push_back(row.meeting);
  std::vector<BranchQuarter> out;
  out.reserve(branches.size());
  for (const storage::BranchRow& branch : branches) {
    out.push_back({branch.code, branch.name,
                   core::TallyQuarter(by_branch[branch.code], quarter, required, today)});
  }
  return out;
}

core::Result<std::array<core::QuarterTally, 4>> RoutineEvidence(
    storage::Store& store, const std::string& code, int year,
    const core::PartyLifeRequirements& required, const core::CivilDate& today) {
  std::vector<core::MeetingRecord> held;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto h = storage::PartyMeetingRecords(tx).HeldAt(
        code, {core::CivilDate{year, 1, 1}, core::CivilDate{year, 12, 31}});
    if (!h.ok()) return h.error();
    held = std::move(h).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return core::TallyYear(held, year, required, today);
}

core::Status ExportMeetingSummary(storage::Store& store, int year, const storage::OrgFilter& scope,
                                  const core::PartyLifeRequirements& required,
                                  const core::CivilDate& today, exporting::TableWriter& out) {
  using exporting::Cell;
  using exporting::ColumnKind;
  const exporting::TableColumn columns[] = {
      {"季度", ColumnKind::kCode, 10},     {"组织代码", ColumnKind::kCode, 14},
      {"组织名称", ColumnKind::kText, 30}, {"支部党员大会", ColumnKind::kInteger, 12},
      {"支委会", ColumnKind::kInteger, 8}, {"党小组会", ColumnKind::kInteger, 10},
      {"党课", ColumnKind::kInteger, 6},   {"是否达标", ColumnKind::kText, 10},
      {"缺少", ColumnKind::kText, 36}};
  if (core::Status s = out.Begin(columns); !s.ok()) return s;
  for (int q = 1; q <= 4; ++q) {
    auto rows = QuarterSummary(store, {year, q}, scope, required, today);
    if (!rows.ok()) return rows.error();
    const std::string quarter = core::FormatQuarter({year, q});
    for (const BranchQuarter& row : rows.value()) {
      std::string missing;
      for (const core::KindTally& k : row.tally.kinds) {
        if (k.missing == 0) continue;
        if (!missing.empty()) missing += "、";
        missing += std::string(core::ChineseLabel(k.kind)) + " " + std::to_string(k.missing) + "次";
      }
      const std::string_view standing =
          row.tally.short_of_required ? "未达标" : (row.tally.ended ? "达标" : "进行中");
      const Cell cells[] = {Cell::Text(quarter),
                            Cell::Text(row.code),
                            Cell::Text(row.name),
                            Cell::Number(row.tally.kinds[0].held),
                            Cell::Number(row.tally.kinds[1].held),
                            Cell::Number(row.tally.kinds[2].held),
                            Cell::Number(row.tally.kinds[3].held),
                            Cell::Text(standing),
                            Cell::Text(missing)};
      if (core::Status s = out.Row(cells); !s.ok()) return s;
    }
  }
  return out.Finish();
}

}  // namespace grassroots::app
