// The village collective economy (村集体经济, issue 14): a village's income of a year and the
// model it follows, the rule every recorded value obeys, and the county's totals by model and
// year. Income is held exactly in whole fen (1 yuan = 100 fen) as an integer, never as floating
// point; the API takes `income_fen` and the UI shows 万元. Pure.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/organization.h"

namespace grassroots::core {

// 资产盘活型, 资源依托型, 资源衍生型, 服务带动型, 项目共生型.
enum class EconomyModel : std::uint8_t {
  kAssetRevitalization,
  kResourceBased,
  kResourceDerived,
  kServiceDriven,
  kProjectSymbiosis
};
inline constexpr std::array<EconomyModel, 5> kAllEconomyModels = {
    EconomyModel::kAssetRevitalization, EconomyModel::kResourceBased,
    EconomyModel::kResourceDerived, EconomyModel::kServiceDriven, EconomyModel::kProjectSymbiosis};
inline constexpr std::string_view kEconomyModelNames =
    "asset_revitalization, resource_based, resource_derived, service_driven, project_symbiosis";

std::string_view ToString(EconomyModel model);      // "asset_revitalization"
std::string_view ChineseLabel(EconomyModel model);  // "资产盘活型"
// The API name or the Chinese label; surrounding spaces ignored.
std::optional<EconomyModel> ParseEconomyModel(std::string_view text);

// At most 10 billion yuan a year: far above any village, far below int64's reach.
inline constexpr std::int64_t kMaxIncomeFen = 1'000'000'000'000;

struct EconomyRecord {
  std::string org_code;
  int year = 0;
  std::int64_t income_fen = 0;
  EconomyModel model = EconomyModel::kAssetRevitalization;
  std::string recorded_by;  // set when stored
  std::string recorded_at;  // ISO 8601 UTC, set when stored
};

struct EconomyInput {
  int year = 0;
  std::int64_t income_fen = 0;
  std::string model;
};

// The first rule broken, in field order, naming the field: the organization is a village
// (org_code, collective_economy_villages_only {code}), the year is from kMinYear to the county's
// `current_year` (year, year_out_of_range {min, max}), the income is 0..kMaxIncomeFen
// (income_fen, number_out_of_range {min, max}), the model is one of the five (model, empty or
// unknown_value {value, accepted}). Else the record to store.
Result<EconomyRecord> CheckEconomy(const Organization& org, const EconomyInput& input,
                                   int current_year);

// Who records a village's economy: whoever changes its organization record (the unit admin
// above it, admin) — core::OrgAction::kWriteOrganization.
bool MayRecordEconomy(const Principal& who, std::span<const std::string> ancestry);

// Whether `who` may record the economy of every village they may read (the totals' `can_record`):
// admin everywhere and a unit admin in its subtree; the others read only. The same answer as
// MayRecordEconomy for every organization MayAccessOrganization lets `who` read.
bool MayRecordEconomyWhereRead(const Principal& who);

// One year's total of one model over the records given: villages and income.
struct ModelTotal {
  int year = 0;
  EconomyModel model = EconomyModel::kAssetRevitalization;
  std::int64_t villages = 0;
  std::int64_t income_fen = 0;
};
// Totals per (year, model), years ascending, models in kAllEconomyModels order; a model with
// no village in a year is left out.
std::vector<ModelTotal> TotalsByModel(std::span<const EconomyRecord> records);

}  // namespace grassroots::core
