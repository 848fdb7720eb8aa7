#include "core/member_status.h"

#include "core/field_rules.h"
#include "core/organization_rules.h"

namespace grassroots::core {
namespace {

Status CheckDay(const StatusChangeInput& input, const Member& member,
                const std::optional<CivilDate>& previous, const CivilDate& today) {
  if (input.on.empty()) return Error::Invalid("on is empty", "on").With("empty");
  if (Status s = CheckDate("on", input.on, today); !s.ok()) return s;
  const CivilDate on = *ParseIsoDate(input.on);
  if (std::optional<CivilDate> joined = ParseIsoDate(member.joined); joined && on < *joined) {
    return Error::Invalid("on " + input.on + " is before the member joined on " + member.joined,
                          "on")
        .With("status_change_before_joined", {{"on", input.on}, {"joined", member.joined}});
  }
  if (previous && on < *previous) {
    const std::string before = FormatIsoDate(*previous);
    return Error::Invalid("on " + input.on +
                              " is before the member's previous change of status on " + before +
                              "; changes are recorded in order",
                          "on")
        .With("status_change_before_previous", {{"on", input.on}, {"previous", before}});
  }
  return Status::Ok();
}

}  // namespace

Result<StatusChange> CheckStatusChange(const StatusChangeInput& input, const Member& member,
                                       const std::optional<CivilDate>& previous,
                                       const CivilDate& today) {
  if (member.left) {
    return Error::Invalid("member " + member.id + " has left; their status no longer changes",
                          "status")
        .With("member_left", {{"id", member.id}});
  }
  Result<MemberStatus> to = ReadMemberStatus(input.status);
  if (!to.ok()) return to.error();
  if (to.value() == member.status) {
    const std::string name(ToString(member.status));
    return Error::Invalid("the member's status is already " + name, "status")
        .With("status_unchanged", {{"status", name}});
  }
  if (Status s = CheckDay(input, member, previous, today); !s.ok()) return s.error();
  if (Status s = CheckText("note", input.note, kMaxStatusNote); !s.ok()) return s.error();
  StatusChange out;
  out.member_id = member.id;
  out.on = *ParseIsoDate(input.on);
  out.from = member.status;
  out.to = to.value();
  out.note = input.note;
  return out;
}

MemberStatus StatusOn(std::span<const StatusChange> changes, MemberStatus current,
                      const CivilDate& day) {
  if (changes.empty()) return current;
  MemberStatus status = changes.front().from;
  for (const StatusChange& change : changes) {
    if (day < change.on) break;
    status = change.to;
  }
  return status;
}

StatusCounts CountsOn(std::span<const MemberHistory> members, const CivilDate& day) {
  StatusCounts counts{};
  for (const MemberHistory& m : members) {
    if (std::optional<CivilDate> joined = ParseIsoDate(m.member.joined); joined && day < *joined) {
      continue;
    }
    if (m.member.left && !(day < m.member.left->on)) continue;
    const MemberStatus status = StatusOn(m.changes, m.member.status, day);
    ++counts[static_cast<std::size_t>(status)];
  }
  return counts;
}

std::vector<CivilDate> TrendDays(int year, const CivilDate& today) {
  std::vector<CivilDate> days;
  for (CivilDate end : {CivilDate{year, 3, 31}, CivilDate{year, 6, 30}, CivilDate{year, 9, 30},
                        CivilDate{year, 12, 31}}) {
    if (end <= today) {
      days.push_back(end);
    } else {
      if (today.year == year && (days.empty() || days.back() != today)) days.push_back(today);
      break;
    }
  }
  return days;
}

}  // namespace grassroots::core
