#include "core/party_life.h"

#include <algorithm>

#include "core/field_rules.h"
#include "core/text.h"

namespace grassroots::core {
namespace {

struct KindName {
  MeetingKind kind;
  std::string_view name, label, other;
};
constexpr KindName kKinds[] = {
    {MeetingKind::kBranchMeeting, "branch_meeting", "支部党员大会", "党员大会"},
    {MeetingKind::kCommitteeMeeting, "committee_meeting", "支委会", "支部委员会"},
    {MeetingKind::kGroupMeeting, "group_meeting", "党小组会", "党小组会议"},
    {MeetingKind::kPartyLecture, "party_lecture", "党课", "党课"},
};

const KindName& NameOf(MeetingKind kind) { return kKinds[static_cast<int>(kind)]; }

Status CheckCount(std::string_view field, std::int64_t value) {
  if (value >= 0 && value <= kMaxAttendance) return Status::Ok();
  return Error::Invalid(std::string(field) + " must be a whole number from 0 to " +
                            std::to_string(kMaxAttendance),
                        std::string(field))
      .With("number_out_of_range", {{"min", "0"}, {"max", std::to_string(kMaxAttendance)}});
}

}  // namespace

std::string_view ToString(MeetingKind kind) { return NameOf(kind).name; }
std::string_view ChineseLabel(MeetingKind kind) { return NameOf(kind).label; }

std::optional<MeetingKind> ParseMeetingKind(std::string_view text) {
  const std::string_view wanted = TrimSpace(text);
  for (const KindName& k : kKinds) {
    if (wanted == k.name || wanted == k.label || wanted == k.other) return k.kind;
  }
  return std::nullopt;
}

int RequiredPerQuarter(const PartyLifeRequirements& required, MeetingKind kind) {
  switch (kind) {
    case MeetingKind::kBranchMeeting:
      return required.branch_meeting;
    case MeetingKind::kCommitteeMeeting:
      return required.committee_meeting;
    case MeetingKind::kGroupMeeting:
      return required.group_meeting;
    case MeetingKind::kPartyLecture:
      return required.party_lecture;
  }
  return 0;
}

std::vector<Error> MeetingErrors(const MeetingInput& input, const CivilDate& today) {
  std::vector<Error> errors;
  Collect(errors, CheckCode("org_code", input.org_code));
  if (input.kind.empty()) {
    errors.push_back(Error::Invalid("kind is empty", "kind").With("empty"));
  } else if (!ParseMeetingKind(input.kind)) {
    errors.push_back(VocabularyError("kind", input.kind, kMeetingKindNames));
  }
  Collect(errors, input.on.empty() ? Status(Error::Invalid("date is empty", "date").With("empty"))
                                   : CheckDate("date", input.on, today));
  Collect(errors, CheckCount("attended", input.attended));
  if (input.expected) {
    Collect(errors, CheckCount("expected", *input.expected));
    if (*input.expected >= 0 && input.attended > *input.expected) {
      errors.push_back(
          Error::Invalid("attended (" + std::to_string(input.attended) +
                             ") is more than expected (" + std::to_string(*input.expected) + ")",
                         "attended")
              .With("attendance_over_expected", {{"attended", std::to_string(input.attended)},
                                                 {"expected", std::to_string(*input.expected)}}));
    }
  }
  Collect(errors, input.topic.empty()
                      ? Status(Error::Invalid("topic is empty", "topic").With("empty"))
                      : CheckName("topic", input.topic, true, kMaxMeetingTopic));
  return errors;
}

Result<MeetingRecord> CheckMeeting(const MeetingInput& input, const CivilDate& today) {
  std::vector<Error> errors = MeetingErrors(input, today);
  if (!errors.empty()) return errors.front();
  MeetingRecord out;
  out.org_code = input.org_code;
  out.kind = *ParseMeetingKind(input.kind);
  out.on = *ParseIsoDate(input.on);
  out.attended = input.attended;
  out.expected = input.expected.value_or(0);
  out.topic = input.topic;
  return out;
}

bool HoldsPartyLife(OrgKind kind) { return kind != OrgKind::kCommittee; }

Status CheckHoldsPartyLife(const Organization& org) {
  if (HoldsPartyLife(org.kind)) return Status::Ok();
  return Error::Invalid(org.code + " is a Party committee: its branches log their meetings",
                        "org_code")
      .With("party_life_branches_only", {{"code", org.code}});
}

bool MayLogMeetings(const Principal& who, std::span<const std::string> ancestry) {
  return MayAccessOrganization(who, ancestry, OrgAction::kWriteMembers);
}

bool MayLogMeetingsWhereRead(const Principal& who) {
  return who.role != Role::kLeader && who.role != Role::kAuditor;
}

Quarter QuarterOf(const CivilDate& day) { return {day.year, (day.month - 1) / 3 + 1}; }

QuarterTally TallyQuarter(std::span<const MeetingRecord> meetings, const Quarter& quarter,
                          const PartyLifeRequirements& required, const CivilDate& today) {
  QuarterTally out;
  out.quarter = quarter;
  const DayRange days = DaysOf(quarter);
  out.ended = days.last < today;
  for (std::size_t k = 0; k < kAllMeetingKinds.size(); ++k) {
    KindTally& tally = out.kinds[k];
    tally.kind = kAllMeetingKinds[k];
    tally.required = RequiredPerQuarter(required, tally.kind);
    tally.held = static_cast<int>(std::count_if(
        meetings.begin(), meetings.end(),
        [&](const MeetingRecord& m) { return m.kind == tally.kind && days.Contains(m.on); }));
    tally.missing = std::max(0, tally.required - tally.held);
    if (out.ended && tally.missing > 0) out.short_of_required = true;
  }
  return out;
}

std::array<QuarterTally, 4> TallyYear(std::span<const MeetingRecord> meetings, int year,
                                      const PartyLifeRequirements& required,
                                      const CivilDate& today) {
  std::array<QuarterTally, 4> out;
  for (int q = 1; q <= 4; ++q) out[q - 1] = TallyQuarter(meetings, {year, q}, required, today);
  return out;
}

}  // namespace grassroots::core
