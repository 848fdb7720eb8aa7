#include "core/training_rules.h"

#include <set>
#include <utility>

#include "core/field_rules.h"

namespace grassroots::core {
namespace {

// Any real day: a class is recorded before, during or after it is held.
constexpr CivilDate kLatestDay{kMaxYear, 12, 31};

Status RequiredDate(std::string_view field, const std::string& text) {
  if (text.empty()) {
    return Error::Invalid(std::string(field) + " is empty", std::string(field)).With("empty");
  }
  return CheckDate(field, text, kLatestDay);
}

}  // namespace

Result<TrainingClass> CheckTrainingClass(const TrainingClassInput& input) {
  const Status checks[] = {
      CheckName("name", input.name, true),    RequiredDate("starts_on", input.starts_on),
      RequiredDate("ends_on", input.ends_on), CheckName("organizer", input.organizer, false),
      CheckName("place", input.place, false), CheckText("note", input.note, kMaxTrainingNote),
  };
  for (const Status& status : checks) {
    if (!status.ok()) return status.error();
  }
  TrainingClass out;
  out.name = input.name;
  out.starts_on = *ParseIsoDate(input.starts_on);
  out.ends_on = *ParseIsoDate(input.ends_on);
  if (out.ends_on < out.starts_on) {
    return Error::Invalid("ends_on " + input.ends_on + " is before starts_on " + input.starts_on,
                          "ends_on")
        .With("ends_before_start", {{"starts_on", input.starts_on}, {"ends_on", input.ends_on}});
  }
  out.organizer = input.organizer;
  out.place = input.place;
  out.note = input.note;
  return out;
}

Status CheckAttendees(const std::vector<Attendee>& adding, const std::vector<Attendee>& existing) {
  if (adding.empty()) {
    return Error::Invalid("attendees is empty: name at least one secretary", "attendees")
        .With("no_attendees");
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const Attendee& a : existing) seen.insert({a.org, a.person});
  for (std::size_t i = 0; i < adding.size(); ++i) {
    const Attendee& a = adding[i];
    const std::string at = "attendees[" + std::to_string(i) + "].";
    const Status checks[] = {
        CheckName(at + "person", a.person, true),
        CheckCode(at + "org", a.org),
        CheckText(at + "note", a.note, kMaxTrainingNote),
    };
    for (const Status& status : checks) {
      if (!status.ok()) return status.error();
    }
    if (!seen.insert({a.org, a.person}).second) {
      return Error::Invalid(a.person + " of " + a.org + " is already on the class's list",
                            at + "person")
          .With("duplicate_attendee", {{"person", a.person}, {"org", a.org}});
    }
  }
  return Status::Ok();
}

}  // namespace grassroots::core
