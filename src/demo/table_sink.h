// A DemoSink that builds the assessment engine's input in memory (core::OrgTable and one
// core::YearScores per year): for benchmarks and tests that assess demo data without a database.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/assessment.h"
#include "core/org_table.h"
#include "demo/demo_data.h"

namespace grassroots::demo {

class TableSink : public DemoSink {
 public:
  // Receives each year's scores once they are complete (when the next year's first score
  // arrives, or in Finish), to assess and usually drop them: at country scale a year of scores
  // takes 250 MB.
  using YearDone =
      std::function<void(const core::OrgTable& orgs, int year, core::YearScores&& scores)>;

  // `expected_orgs` only reserves memory.
  explicit TableSink(YearDone year_done, std::size_t expected_orgs = 0);

  // Units: an empty unit is the parent's, or core::kDefaultUnit for a direct organization.
  void OnOrganization(const core::Organization& org) override;
  void OnMember(const core::Member&) override {}  // the assessment does not read members
  // A score naming no known organization is counted in unknown_scores() and dropped.
  void OnScore(const core::ScoreRecord& score) override;
  // Hands over the last year. Call once, after GenerateDemo.
  void Finish();

  const core::OrgTable& orgs() const { return orgs_; }
  // Moves the table out (the sink is done with it after Finish).
  core::OrgTable TakeOrgs() { return std::move(orgs_); }
  std::int64_t unknown_parents() const { return unknown_parents_; }
  std::int64_t unknown_scores() const { return unknown_scores_; }

 private:
  std::uint32_t UnitIndex(const std::string& code);
  std::int64_t FindOrg(const std::string& code);
  void EndYear();

  YearDone year_done_;
  core::OrgTable orgs_;
  // Only committees and general branches can have children (a 党支部 has none), so only they
  // are indexed by code: at country scale that keeps the map to a seventh of the codes.
  std::unordered_map<std::string, std::int32_t> parents_;
  std::unordered_map<std::string, std::uint32_t> units_;
  std::vector<std::uint32_t> by_code_;  // org indices sorted by code, built on the first miss
  std::size_t cursor_ = 0;              // scores usually come in organization order
  int year_ = 0;
  core::YearScores scores_;
  std::int64_t unknown_parents_ = 0;
  std::int64_t unknown_scores_ = 0;
};

}  // namespace grassroots::demo
