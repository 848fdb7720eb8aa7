// The stored assessments as the lists read them (GET /assessments, /assessments/{year}, the
// assessment export, /policies): which years are stored and under which policy, a year's rows a
// page at a time, and the quota arithmetic of the ranking groups a page shows. Reads only; the
// run is assessment_service.h. Knows neither HTTP nor SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

// Every stored year, with its policy version, time of the run and number selected.
core::Result<std::vector<storage::AssessmentInfo>> ListAssessments(storage::Store& store);

// The stored run of `year`; nullopt when the year was never assessed.
core::Result<std::optional<storage::AssessmentInfo>> AssessmentOf(storage::Store& store, int year);

// A page of `year`'s stored rows, filtered like the organization list (storage::OrgFilter, whose
// scope the caller has applied), by code or as ranked.
core::Result<storage::Page<storage::AssessmentRow>> AssessmentRows(
    storage::Store& store, int year, const storage::OrgFilter& filter);

// One ranking group's stored quota arithmetic, and how many of the group `scope` covers are
// selected.
struct GroupOnPage {
  storage::StoredQuota quota;
  std::int64_t selected = 0;
};

// The groups the rows of a ranked page belong to, in the page's order (rows of one group are
// consecutive there), each once; a group with no stored quota row is left out. What a page drawn
// group by group with its cut line needs, without the year's whole summary.
core::Result<std::vector<GroupOnPage>> GroupsOfPage(
    storage::Store& store, int year, const storage::OrgFilter& scope,
    const std::vector<storage::AssessmentRow>& rows);

// Every policy an assessment was run under, with its canonical text.
core::Result<std::vector<storage::PolicyInfo>> ListPolicies(storage::Store& store);

}  // namespace grassroots::app
