// An interview (约谈) as recorded, and the rule every recorded one obeys wherever it enters (the
// API, the demo): the day it was held is a real day not after today, the interviewee's name,
// the interviewer and the reason are required, and every text is bounded (issue 14). Which
// interviews block a year is eligibility.h's rule. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"

namespace grassroots::core {

inline constexpr std::size_t kMaxPostLength = 100;      // 职务: "党支部书记"
inline constexpr std::size_t kMaxInterviewText = 4000;  // the record of what was said
inline constexpr std::size_t kMaxInterviewReason = 2000;

// A person as interviews name them (the person key): their member id when the person is a
// member, else their name as written. `grassroots eligible PERSON` and the API's `person` take
// the key.
std::string PersonKey(std::string_view member_id, std::string_view name);

struct InterviewRecord {
  std::int64_t id = 0;      // 0 until stored
  CivilDate on;             // the day it was held (the county's calendar)
  std::string person;       // the interviewee's name (被约谈人)
  std::string member_id;    // their member id when they are a member; empty otherwise
  std::string post;         // their post (职务), when known
  std::string org;          // their organization's code, when known
  std::string interviewer;  // who held it (约谈人)
  std::string reason;       // why (事由)
  std::string record;       // what was said and agreed (谈话记录)
  std::string recorded_by;  // account name, set when stored
  std::string recorded_at;  // ISO 8601 UTC, set when stored

  std::string key() const { return PersonKey(member_id, person); }
};

// The interview's fields as sent: `on` as text, the rest as in InterviewRecord.
struct InterviewInput {
  std::string on;
  std::string person, member_id, post, org, interviewer, reason, record;
};

// The first rule `input` breaks, in field order (on, person, member_id, post, org, interviewer,
// reason, record), as an Invalid error naming the field with its reason (empty, too_long,
// control_characters, not_a_date, date_out_of_range, invalid_code); else the record to store.
// `today` is the county's day: an interview is recorded after it was held.
Result<InterviewRecord> CheckInterview(const InterviewInput& input, const CivilDate& today);

}  // namespace grassroots::core
