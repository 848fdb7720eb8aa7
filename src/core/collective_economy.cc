#include "core/collective_economy.h"

#include <map>
#include <utility>

#include "core/field_rules.h"
#include "core/text.h"

namespace grassroots::core {
namespace {

struct ModelName {
  EconomyModel model;
  std::string_view name, label;
};
constexpr ModelName kModels[] = {
    {EconomyModel::kAssetRevitalization, "asset_revitalization", "资产盘活型"},
    {EconomyModel::kResourceBased, "resource_based", "资源依托型"},
    {EconomyModel::kResourceDerived, "resource_derived", "资源衍生型"},
    {EconomyModel::kServiceDriven, "service_driven", "服务带动型"},
    {EconomyModel::kProjectSymbiosis, "project_symbiosis", "项目共生型"},
};

}  // namespace

std::string_view ToString(EconomyModel model) { return kModels[static_cast<int>(model)].name; }
std::string_view ChineseLabel(EconomyModel model) { return kModels[static_cast<int>(model)].label; }

std::optional<EconomyModel> ParseEconomyModel(std::string_view text) {
  const std::string_view wanted = TrimSpace(text);
  for (const ModelName& m : kModels) {
    if (wanted == m.name || wanted == m.label) return m.model;
  }
  return std::nullopt;
}

Result<EconomyRecord> CheckEconomy(const Organization& org, const EconomyInput& input,
                                   int current_year) {
  if (org.type != OrgType::kVillage) {
    return Error::Invalid(org.code + " is not a village: only villages record a collective economy",
                          "org_code")
        .With("collective_economy_villages_only", {{"code", org.code}});
  }
  if (input.year < kMinYear || input.year > current_year) {
    return Error::Invalid("year must be from " + std::to_string(kMinYear) + " to " +
                              std::to_string(current_year),
                          "year")
        .With("year_out_of_range",
              {{"min", std::to_string(kMinYear)}, {"max", std::to_string(current_year)}});
  }
  if (input.income_fen < 0 || input.income_fen > kMaxIncomeFen) {
    return Error::Invalid("income_fen must be a whole number of fen from 0 to " +
                              std::to_string(kMaxIncomeFen),
                          "income_fen")
        .With("number_out_of_range", {{"min", "0"}, {"max", std::to_string(kMaxIncomeFen)}});
  }
  if (input.model.empty()) return Error::Invalid("model is empty", "model").With("empty");
  const std::optional<EconomyModel> model = ParseEconomyModel(input.model);
  if (!model) return VocabularyError("model", input.model, kEconomyModelNames);
  EconomyRecord out;
  out.org_code = org.code;
  out.year = input.year;
  out.income_fen = input.income_fen;
  out.model = *model;
  return out;
}

bool MayRecordEconomy(const Principal& who, std::span<const std::string> ancestry) {
  return MayAccessOrganization(who, ancestry, OrgAction::kWriteOrganization);
}

bool MayRecordEconomyWhereRead(const Principal& who) {
  return who.role == Role::kAdmin || who.role == Role::kUnitAdmin;
}

std::vector<ModelTotal> TotalsByModel(std::span<const EconomyRecord> records) {
  std::map<std::pair<int, int>, ModelTotal> totals;
  for (const EconomyRecord& r : records) {
    ModelTotal& t = totals[{r.year, static_cast<int>(r.model)}];
    t.year = r.year;
    t.model = r.model;
    ++t.villages;
    t.income_fen += r.income_fen;
  }
  std::vector<ModelTotal> out;
  out.reserve(totals.size());
  for (const auto& [key, total] : totals) out.push_back(total);
  return out;
}

}  // namespace grassroots::core
