// Running a year's assessment against the store: loads organizations and scores, makes sure
// the previous years the consecutive rule reads are assessed, runs the engine and stores the
// result with the inputs it read and its policy version (explain_service.h and
// verify_service.h read them back). Shared by the CLI and the HTTP API.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "config/policy_file.h"
#include "core/assessment.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

struct AssessmentRun {
  core::OrgTable orgs;
  core::AssessmentResult result;
  std::string policy_version;
  std::vector<int> assessed_first;  // earlier years that had to be assessed first, oldest first
  std::string audit_hash;           // the head of the audit chain once the run was stored
};

// The organizations the assessment of `year` ranks (core::OrganizationsAssessedIn: all but
// those dissolved or merged in that year or before). Every computation of a year's result
// (the run, a what-if, a recomputation) starts from this table.
core::Result<core::OrgTable> OrganizationsAssessedIn(storage::Store& store, int year);

// Tells the caller something it should know but that is not an error (a year assessed first).
using NoticeFn = std::function<void(std::string_view message)>;

// Assesses `year` and stores it (replacing a stored one). kInvalid (field "year") when the year
// has no scores at all: nothing is written then. Holds the year's run lock (Store::LockYear)
// from the first read to the store, so runs of one year on any server or process take turns.
core::Result<AssessmentRun> RunAssessment(storage::Store& store, const config::LoadedPolicy& policy,
                                          int year, const storage::Actor& actor,
                                          const NoticeFn& notice = {});

}  // namespace grassroots::app
