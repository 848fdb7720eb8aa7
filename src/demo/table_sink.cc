#include "demo/table_sink.h"

#include <algorithm>
#include <utility>

namespace grassroots::demo {

TableSink::TableSink(YearDone year_done, std::size_t expected_orgs)
    : year_done_(std::move(year_done)) {
  orgs_.Reserve(expected_orgs);
}

std::uint32_t TableSink::UnitIndex(const std::string& code) {
  const auto [it, added] =
      units_.try_emplace(code, static_cast<std::uint32_t>(orgs_.unit_codes.size()));
  if (added) orgs_.unit_codes.push_back(code);
  return it->second;
}

void TableSink::OnOrganization(const core::Organization& org) {
  std::int32_t parent = core::kNoParent;
  if (!org.parent.empty()) {
    const auto it = parents_.find(org.parent);
    if (it == parents_.end()) {
      ++unknown_parents_;
    } else {
      parent = it->second;
    }
  }
  std::uint32_t unit;
  if (!org.unit.empty()) {
    unit = UnitIndex(org.unit);
  } else if (parent != core::kNoParent) {
    unit = orgs_.unit[static_cast<std::size_t>(parent)];
  } else {
    unit = UnitIndex(std::string(core::kDefaultUnit));
  }
  const auto index = static_cast<std::int32_t>(orgs_.size());
  if (org.kind != core::OrgKind::kBranch) parents_.emplace(org.code, index);
  orgs_.Add(org.code, org.type, unit, parent);
}

std::int64_t TableSink::FindOrg(const std::string& code) {
  if (cursor_ < orgs_.size() && orgs_.code[cursor_] == code) return cursor_++;
  if (by_code_.size() != orgs_.size()) {
    by_code_.resize(orgs_.size());
    for (std::size_t i = 0; i < by_code_.size(); ++i) by_code_[i] = static_cast<std::uint32_t>(i);
    std::sort(by_code_.begin(), by_code_.end(),
              [&](std::uint32_t a, std::uint32_t b) { return orgs_.code[a] < orgs_.code[b]; });
  }
  const auto it = std::lower_bound(
      by_code_.begin(), by_code_.end(), code,
      [&](std::uint32_t index, const std::string& key) { return orgs_.code[index] < key; });
  if (it == by_code_.end() || orgs_.code[*it] != code) return -1;
  cursor_ = *it + 1;
  return *it;
}

void TableSink::OnScore(const core::ScoreRecord& score) {
  if (score.year != year_) {
    EndYear();
    year_ = score.year;
    scores_.Resize(orgs_.size());
    cursor_ = 0;
  }
  const std::int64_t org = FindOrg(score.code);
  if (org < 0) {
    ++unknown_scores_;
    return;
  }
  scores_.Set(static_cast<std::size_t>(org), score.dimensions, score.committee_grade);
}

void TableSink::EndYear() {
  if (year_ == 0) return;
  year_done_(orgs_, year_, std::move(scores_));
  scores_ = core::YearScores();
  year_ = 0;
}

void TableSink::Finish() {
  EndYear();
  parents_.clear();
  by_code_ = {};
}

}  // namespace grassroots::demo
