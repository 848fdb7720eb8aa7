// Training classes (进修班) and their attendees as stored (migration 024), reached from a use
// case's transaction (tx.h). Stores what it is given (checked by core/training_rules.h and the
// use case's scope checks) and audits every row written or removed in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/training_rules.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

// Which classes a list holds: starting in `year` (0: any), a page of them.
struct TrainingFilter {
  int year = 0;
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

// An attendee as stored, with their organization's name.
struct StoredAttendee {
  std::int64_t id = 0;
  std::int64_t class_id = 0;
  core::Attendee attendee;
  std::string org_name;
};

// One class in a secretary's training history, with how they were on its list.
struct TrainingHistoryRow {
  core::TrainingClass training;
  core::Attendee attendee;
};

class TrainingRecords {
 public:
  explicit TrainingRecords(Tx& tx) : tx_(tx) {}

  // Stores `training` with its audit entry "training.create", entity "training:ID"; answers it
  // as stored (id, recorded_by, recorded_at). Write transactions only.
  core::Result<core::TrainingClass> Add(core::TrainingClass training);

  // Newest first (starts_on, then id), each with the counts of its whole list, and the count of
  // all that match. kInvalid for bad paging.
  core::Result<Page<core::TrainingClass>> List(const TrainingFilter& filter);

  // The class `id` with the counts of its whole list; nullopt when there is none.
  core::Result<std::optional<core::TrainingClass>> Get(std::int64_t id);

  // The class's list, by organization code then person.
  core::Result<std::vector<StoredAttendee>> Attendees(std::int64_t class_id);

  // Adds `attendees` to the class (checked: no duplicates, organizations exist), one audit
  // entry per row ("training.attendee.add", "training_attendee:ID").
  core::Status AddAttendees(std::int64_t class_id, const std::vector<core::Attendee>& attendees);

  // Removes the (org, person) rows named from the class's list, one audit entry per row
  // ("training.attendee.remove", its row as before); answers how many were removed.
  core::Result<std::int64_t> RemoveAttendees(
      std::int64_t class_id, const std::vector<std::pair<std::string, std::string>>& who);

  // The classes on whose list `person` of organization `org` is, oldest first. With an empty
  // `person`: every attendee of `org`.
  core::Result<std::vector<TrainingHistoryRow>> HistoryOf(const std::string& org,
                                                          const std::string& person);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
