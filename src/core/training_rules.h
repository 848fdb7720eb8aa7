// Training classes (进修班) and their attendees, issue 14: the rule every recorded class and
// every attendee line obeys wherever it enters (the API, the CLI, the demo). Pure.
//
// Reasons (besides field_rules.h's): ends_before_start {starts_on, ends_on},
// duplicate_attendee {person, org} (the same person of the same organization twice in one
// class), no_attendees.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace grassroots::core {

inline constexpr std::size_t kMaxTrainingNote = 2000;

struct TrainingClass {
  std::int64_t id = 0;  // 0 until stored
  std::string name;     // 名称
  CivilDate starts_on;  // first day
  CivilDate ends_on;    // last day, not before the first
  std::string organizer;
  std::string place;
  std::string note;
  std::int64_t attendees = 0;  // on its list, when read back
  std::int64_t attended = 0;   // of them, those who attended
  std::string recorded_by;
  std::string recorded_at;
};

// A class's fields as sent; dates as text.
struct TrainingClassInput {
  std::string name, starts_on, ends_on, organizer, place, note;
};

// The first rule `input` breaks, in field order (name, starts_on, ends_on, organizer, place,
// note), as an Invalid error naming the field: name required, the days real days (a class may
// be planned ahead), the last not before the first (ends_before_start, field ends_on).
Result<TrainingClass> CheckTrainingClass(const TrainingClassInput& input);

// A secretary on a class's list: their name and organization's code, whether they attended.
struct Attendee {
  std::string person;
  std::string org;
  bool attended = true;
  std::string note;
};

// The attendees of one bulk addition: at least one; each with a person's name and a valid
// organization code and a bounded note; no person of the same organization twice among them
// nor among `existing` (the class's list as stored). Errors name the field as
// "attendees[i].person" etc. so that a person sees the line.
Status CheckAttendees(const std::vector<Attendee>& adding, const std::vector<Attendee>& existing);

}  // namespace grassroots::core
