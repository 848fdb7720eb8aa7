// Training classes (进修班) and each secretary's training history (issue 14), for the HTTP API
// and the demo: core/training_rules.h over what is stored, with the caller's scope. A class is
// the county's (its name and days are seen by every role); its list is seen and changed only
// for the organizations in the caller's scope — an attendee of an organization out of scope
// does not exist for the caller, and naming one is refused like a code never used. The caller
// has checked core::GlobalAction::kManageTraining before a write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/training_rules.h"
#include "export/table_writer.h"
#include "storage/store.h"
#include "storage/training_records.h"

namespace grassroots::app {

// A class with the part of its list the caller sees; the class's counts are of that part.
struct TrainingView {
  core::TrainingClass training;
  std::vector<storage::StoredAttendee> attendees;
};

// "training_not_found" naming the id (kNotFound): a class never recorded.
core::Error TrainingNotFoundError(std::int64_t id);

core::Result<core::TrainingClass> CreateTrainingClass(storage::Store& store,
                                                      const core::TrainingClassInput& input,
                                                      const storage::Actor& actor);

// A page of classes, newest first, each with the counts of the list the caller sees.
core::Result<storage::Page<core::TrainingClass>> ListTrainingClasses(
    storage::Store& store, const core::Principal& who, const storage::TrainingFilter& filter);

// The class `id` as the caller sees it; nullopt when there is none.
core::Result<std::optional<TrainingView>> GetTrainingClass(storage::Store& store,
                                                           const core::Principal& who,
                                                           std::int64_t id);

// Adds `attendees` in one transaction, all or none, after core::CheckAttendees against the
// whole stored list: each organization must be one the caller may change
// (OrgAction::kWriteOrganization), else it is unknown ("organization_not_found", field
// attendees[i].org, kInvalid) in the words of a code never used. kNotFound
// ("training_not_found", field id) for a class never recorded.
core::Result<TrainingView> AddTrainingAttendees(storage::Store& store, const core::Principal& who,
                                                std::int64_t id,
                                                const std::vector<core::Attendee>& attendees,
                                                const storage::Actor& actor);

// Removes the (org, person) pairs named, all in one transaction; a pair not on the list or of
// an organization the caller may not change is refused ("attendee_not_found", field
// attendees[i]) and nothing is removed.
core::Result<TrainingView> RemoveTrainingAttendees(
    storage::Store& store, const core::Principal& who, std::int64_t id,
    const std::vector<std::pair<std::string, std::string>>& who_leaves,
    const storage::Actor& actor);

// The classes on whose list `person` of `org` is (every attendee of `org` when `person` is
// empty), oldest first. The caller has checked that it may read `org`.
core::Result<std::vector<storage::TrainingHistoryRow>> TrainingHistory(storage::Store& store,
                                                                       const std::string& org,
                                                                       const std::string& person);

// The classes of `year` (0: all) as the list shows them, for an .xlsx: name, days, organizer,
// place, the caller's attendees and those who attended.
core::Status ExportTrainingClasses(storage::Store& store, const core::Principal& who, int year,
                                   exporting::TableWriter& out);

}  // namespace grassroots::app
