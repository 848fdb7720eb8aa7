// Interviews (约谈) and the eligibility question they answer (issue 14), for the CLI and the
// HTTP API: core::CheckInterview and core::EligibilityIn over what is stored. The caller has
// checked that the principal may record or read interviews (core::GlobalAction).
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/eligibility.h"
#include "core/error.h"
#include "core/interview_rules.h"
#include "storage/interview_records.h"
#include "storage/store.h"

namespace grassroots::app {

// Records an interview after core::CheckInterview (with the county's `today`): a member id
// given must name a member ("member_not_found", field member_id) and an organization code an
// organization ("organization_not_found", field org). Answers it as stored.
core::Result<core::InterviewRecord> RecordInterview(storage::Store& store,
                                                    const core::InterviewInput& input,
                                                    const core::CivilDate& today,
                                                    const storage::Actor& actor);

core::Result<storage::Page<core::InterviewRecord>> ListInterviews(
    storage::Store& store, const storage::InterviewFilter& filter);

// Whether the person with key `person` (core::PersonKey) may be promoted or given an award in
// `year`, and the interviews that block it (by date); `interviews` holds all of theirs.
struct PersonEligibility {
  std::string person;
  int year = 0;
  bool eligible = true;
  std::vector<core::InterviewRecord> blocking;
  std::vector<core::InterviewRecord> interviews;
};
core::Result<PersonEligibility> EligibilityOf(storage::Store& store, const std::string& person,
                                              int year);

}  // namespace grassroots::app
