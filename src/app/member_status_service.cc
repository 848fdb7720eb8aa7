#include "app/member_status_service.h"

#include "storage/member_status_records.h"

namespace grassroots::app {

core::Result<core::StatusChange> ChangeMemberStatusIn(storage::Tx& tx, const std::string& id,
                                                      const core::StatusChangeInput& input,
                                                      const core::CivilDate& today) {
  storage::MemberStatusRecords records(tx);
  auto member = records.Member(id);
  if (!member.ok()) return member.error();
  if (!member.value()) {
    return core::Error::NotFound("no member with id " + id, "id")
        .With("member_not_found", {{"id", id}});
  }
  auto previous = records.LastChangeDay(id);
  if (!previous.ok()) return previous.error();
  auto change = core::CheckStatusChange(input, *member.value(), previous.value(), today);
  if (!change.ok()) return change.error();
  return records.Record(std::move(change).value());
}

core::Result<core::StatusChange> ChangeMemberStatus(storage::Store& store, const std::string& id,
                                                    const core::StatusChangeInput& input,
                                                    const core::CivilDate& today,
                                                    const storage::Actor& actor) {
  core::StatusChange stored;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    auto recorded = ChangeMemberStatusIn(tx, id, input, today);
    if (!recorded.ok()) return recorded.error();
    stored = std::move(recorded).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<std::vector<core::StatusChange>> MemberStatusHistory(storage::Store& store,
                                                                  const std::string& id) {
  std::vector<core::StatusChange> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto history = storage::MemberStatusRecords(tx).HistoryOf(id);
    if (!history.ok()) return history.error();
    out = std::move(history).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<MemberTrend> MemberTrendOf(storage::Store& store, const std::string& org, int year,
                                        const core::CivilDate& today) {
  std::vector<core::MemberHistory> roll;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto read = storage::MemberStatusRecords(tx).RollOf(org);
    if (!read.ok()) return read.error();
    roll = std::move(read).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  MemberTrend trend;
  for (const core::CivilDate& day : core::TrendDays(year, today)) {
    trend.points.push_back({day, core::CountsOn(roll, day)});
  }
  trend.now = core::CountsOn(roll, today);
  return trend;
}

}  // namespace grassroots::app
