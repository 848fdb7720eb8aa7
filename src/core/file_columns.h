// The columns of the files people exchange with Grassroots: the three import formats of the
// contract (docs/contract.md) and the lists exported in the same shape. Each column has its
// key — the English header of the contract, and the field an error names — and its Chinese
// header, which the exports write and the imports accept beside the key. One table per format,
// so that what is exported reads back as an import.
#pragma once

#include <string_view>

#include "core/score.h"

namespace grassroots::core {

struct FileColumn {
  std::string_view name;   // the key: "code", "team", ...
  std::string_view label;  // the Chinese header: "代码", "班子配备", ...
  bool required = true;    // an import needs it in the header
};

// orgs: the labels are the organization page's words (组织类别 for kind, 上级党组织 for parent).
inline constexpr FileColumn kOrganizationFileColumns[] = {
    {"code", "代码"},           {"name", "名称"},         {"type", "类型"},
    {"kind", "组织类别"},       {"parent", "上级党组织"}, {"secretary", "书记"},
    {"unit", "考核单位", false}};

inline constexpr FileColumn kMemberFileColumns[] = {{"id", "党员编号"},
                                                    {"name", "姓名"},
                                                    {"org", "所在组织"},
                                                    {"status", "状态"},
                                                    {"joined", "入党日期", false}};

// scores: the six dimensions take core's keys and labels; `grade` is the committee's grade.
inline constexpr FileColumn kScoreFileColumns[] = {{"code", "代码"},
                                                   {"year", "年度"},
                                                   {kDimensionKeys[0], kDimensionLabels[0]},
                                                   {kDimensionKeys[1], kDimensionLabels[1]},
                                                   {kDimensionKeys[2], kDimensionLabels[2]},
                                                   {kDimensionKeys[3], kDimensionLabels[3]},
                                                   {kDimensionKeys[4], kDimensionLabels[4]},
                                                   {kDimensionKeys[5], kDimensionLabels[5]},
                                                   {"grade", "等次", false},
                                                   {"reason", "理由", false}};

// plan items (issue 12, `grassroots plan import`): an item of the plan of an organization and
// year, against a problem of a dimension (created when the plan has none of that text).
inline constexpr FileColumn kPlanItemFileColumns[] = {{"org_code", "组织代码"},
                                                      {"year", "年度"},
                                                      {"dimension", "维度", false},
                                                      {"problem", "问题", false},
                                                      {"measure", "整改措施"},
                                                      {"responsible", "责任人"},
                                                      {"responsible_user", "责任人账号", false},
                                                      {"support_role", "包扶层级", false},
                                                      {"deadline", "完成时限"}};

// The Chinese header of `name` in `columns`; `name` itself when the table has no such column.
template <std::size_t N>
constexpr std::string_view LabelOf(const FileColumn (&columns)[N], std::string_view name) {
  for (const FileColumn& column : columns) {
    if (column.name == name) return column.label;
  }
  return name;
}

}  // namespace grassroots::core
