// The village collective economy (村集体经济, issue 14) as use cases for the HTTP API and the
// demo: recording a village's income and model of a year (core::CheckEconomy, audited), listing
// them and the totals by model and year (core::TotalsByModel). The caller has checked that the
// principal may read the organization (and, to record, core::MayRecordEconomy) and limits lists
// to the principal's scope through the OrgFilter.
#pragma once

#include <vector>

#include "core/collective_economy.h"
#include "core/error.h"
#include "core/organization.h"
#include "storage/party_life_records.h"
#include "storage/store.h"

namespace grassroots::app {

// Records `input` for `org` (as stored); the year may not be after the county's `current_year`.
// Answers the record as stored; a second record of the year replaces the first.
core::Result<core::EconomyRecord> RecordEconomy(storage::Store& store,
                                                const core::Organization& org,
                                                const core::EconomyInput& input, int current_year,
                                                const storage::Actor& actor);

// The records of `year` (0: all years) over the villages the filter admits, by year and code.
core::Result<std::vector<storage::EconomyRow>> ListEconomy(storage::Store& store, int year,
                                                           const storage::OrgFilter& scope);

// Totals per year and model over the villages the filter admits.
core::Result<std::vector<core::ModelTotal>> EconomyTotals(storage::Store& store,
                                                          const storage::OrgFilter& scope);

}  // namespace grassroots::app
