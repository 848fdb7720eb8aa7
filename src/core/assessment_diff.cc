#include "core/assessment_diff.h"

#include <cstdio>
#include <map>
#include <tuple>

namespace grassroots::core {

std::string CentsText(std::int32_t cents) {
  if (cents < 0) return {};
  char text[24];
  std::snprintf(text, sizeof text, "%d.%02d", cents / 100, cents % 100);
  return text;
}

std::string ReasonsText(std::uint8_t reasons) {
  std::string text;
  const auto add = [&](std::uint8_t bit, const char* code) {
    if (!(reasons & bit)) return;
    if (!text.empty()) text += ",";
    text += code;
  };
  add(kReasonBottomQuota, "bottom_quota");
  add(kReasonGradeD, "grade_d");
  add(kReasonManual, "manual");
  return text;
}

namespace {

std::string GradeText(std::int8_t grade) {
  return grade >= 0 && grade <= 3 ? std::string(ToString(static_cast<Grade>(grade)))
                                  : std::string();
}
std::string RankText(std::int32_t rank) { return rank > 0 ? std::to_string(rank) : std::string(); }
std::string FlagText(std::uint8_t flag) { return flag ? "true" : "false"; }

// The values of one organization's result, in the order they are compared.
std::vector<std::pair<const char*, std::string>> OrgFields(const AssessmentResult& result,
                                                           std::size_t i) {
  return {{"score", CentsText(result.score_cents[i])},
          {"grade", GradeText(result.grade[i])},
          {"rank", RankText(result.rank[i])},
          {"selected", FlagText(result.selected[i])},
          {"reasons", ReasonsText(result.reasons[i])},
          {"consecutive", FlagText(result.consecutive[i])}};
}

bool SameResult(const AssessmentResult& a, const AssessmentResult& b, std::size_t i) {
  return a.score_cents[i] == b.score_cents[i] && a.grade[i] == b.grade[i] &&
         a.rank[i] == b.rank[i] && a.selected[i] == b.selected[i] && a.reasons[i] == b.reasons[i] &&
         a.consecutive[i] == b.consecutive[i];
}

std::vector<std::pair<const char*, std::string>> GroupFields(const QuotaGroup* group) {
  if (group == nullptr) {
    return {{"count", ""}, {"ratio_ppm", ""}, {"quota", ""}, {"cut_score", ""}, {"taken", ""}};
  }
  return {{"count", std::to_string(group->count)},
          {"ratio_ppm", std::to_string(group->ratio_ppm)},
          {"quota", std::to_string(group->quota)},
          {"cut_score", CentsText(group->cut_cents)},
          {"taken", std::to_string(group->taken)}};
}

using GroupKey = std::tuple<std::uint32_t, OrgType>;

std::map<GroupKey, const QuotaGroup*> ByKey(const std::vector<QuotaGroup>& groups) {
  std::map<GroupKey, const QuotaGroup*> out;
  for (const QuotaGroup& group : groups) out[{group.unit, group.type}] = &group;
  return out;
}

const QuotaGroup* Find(const std::map<GroupKey, const QuotaGroup*>& groups, const GroupKey& key) {
  const auto it = groups.find(key);
  return it == groups.end() ? nullptr : it->second;
}

std::optional<ResultDifference> FirstGroupDifference(const OrgTable& orgs,
                                                     const AssessmentResult& stored,
                                                     const AssessmentResult& recomputed) {
  const auto stored_groups = ByKey(stored.quotas);
  const auto recomputed_groups = ByKey(recomputed.quotas);
  std::map<GroupKey, bool> keys;
  for (const auto& [key, group] : stored_groups) keys[key] = true;
  for (const auto& [key, group] : recomputed_groups) keys[key] = true;
  for (const auto& [key, unused] : keys) {
    const auto left = GroupFields(Find(stored_groups, key));
    const auto right = GroupFields(Find(recomputed_groups, key));
    for (std::size_t f = 0; f < left.size(); ++f) {
      if (left[f].second == right[f].second) continue;
      const std::uint32_t unit = std::get<0>(key);
      return ResultDifference{
          "",
          unit < orgs.unit_codes.size() ? orgs.unit_codes[unit] : std::to_string(unit),
          std::string(ToString(std::get<1>(key))),
          left[f].first,
          left[f].second,
          right[f].second};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ResultDifference> FirstDifference(const OrgTable& orgs,
                                                const AssessmentResult& stored,
                                                const AssessmentResult& recomputed) {
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    if (SameResult(stored, recomputed, i)) continue;  // the usual case, without any text
    const auto left = OrgFields(stored, i);
    const auto right = OrgFields(recomputed, i);
    for (std::size_t f = 0; f < left.size(); ++f) {
      if (left[f].second != right[f].second) {
        return ResultDifference{orgs.code[i],   "", "", left[f].first, left[f].second,
                                right[f].second};
      }
    }
  }
  return FirstGroupDifference(orgs, stored, recomputed);
}

}  // namespace grassroots::core
