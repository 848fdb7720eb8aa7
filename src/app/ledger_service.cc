#include "app/ledger_service.h"

#include <array>

#include "core/ledger_rules.h"
#include "core/organization.h"
#include "core/score.h"
#include "core/support_rules.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

storage::LedgerFilter FilterOf(const LedgerQuery& query, core::UnixSeconds now) {
  storage::LedgerFilter filter;
  filter.year = query.year;
  filter.org = query.org;
  if (query.state) filter.state = std::string(core::ToString(*query.state));
  filter.org_code = query.org_code;
  if (query.overdue) filter.overdue_before = core::FormatIsoDate(core::OverdueCut(now));
  return filter;
}

int OverdueDaysOf(const storage::LedgerRow& row, core::UnixSeconds now) {
  const std::optional<core::CivilDate> deadline = core::ParseIsoDate(row.deadline);
  const std::optional<core::ItemState> state = core::ParseItemState(row.state);
  if (!deadline || !state) return 0;
  return core::OverdueDays(*deadline, *state, now);
}

using exporting::Cell;
using exporting::ColumnKind;
using exporting::TableColumn;

constexpr std::array<TableColumn, 12> kColumns = {{
    {"组织代码", ColumnKind::kCode, 14},
    {"组织名称", ColumnKind::kText, 30},
    {"考核单位", ColumnKind::kCode, 12},
    {"类型", ColumnKind::kText, 10},
    {"问题维度", ColumnKind::kText, 10},
    {"整改措施", ColumnKind::kText, 40},
    {"责任人", ColumnKind::kText, 12},
    {"包扶层级", ColumnKind::kText, 18},
    {"完成时限", ColumnKind::kDate, 12},
    {"状态", ColumnKind::kText, 8},
    {"逾期天数", ColumnKind::kInteger, 8},
    {"佐证材料", ColumnKind::kInteger, 8},
}};

// The Chinese name of a dimension key ("team" → 班子配备), or the key.
std::string_view DimensionLabel(std::string_view key) {
  for (int d = 0; d < core::kDimensionCount; ++d) {
    if (key == core::kDimensionKeys[d]) return core::kDimensionLabels[d];
  }
  return key;
}

core::Status WriteLine(const storage::LedgerRow& row, int overdue_days,
                       exporting::TableWriter& out) {
  const std::optional<core::OrgType> type = core::ParseOrgType(row.type);
  const std::optional<core::SupportRole> role = core::ParseSupportRole(row.support_role);
  const std::optional<core::ItemState> state = core::ParseItemState(row.state);
  const std::optional<core::CivilDate> deadline = core::ParseIsoDate(row.deadline);
  const std::array<Cell, kColumns.size()> cells = {
      Cell::Text(row.org_code),
      Cell::Text(row.org_name),
      Cell::Text(row.unit),
      Cell::Text(type ? core::ChineseLabel(*type) : std::string_view(row.type)),
      Cell::Text(DimensionLabel(row.dimension)),
      Cell::Text(row.measure),
      Cell::Text(row.responsible),
      Cell::Text(role ? core::ChineseLabel(*role) : std::string_view(row.support_role)),
      deadline ? Cell::Date(*deadline) : Cell::Text(row.deadline),
      Cell::Text(state ? core::LedgerStateLabel(*state) : std::string_view(row.state)),
      Cell::Number(overdue_days),
      Cell::Number(static_cast<double>(row.evidence_count)),
  };
  return out.Row(cells);
}

}  // namespace

core::Result<storage::Page<LedgerLine>> ListLedger(storage::Store& store, const LedgerQuery& query,
                                                   core::UnixSeconds now) {
  storage::Page<LedgerLine> page;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto rows = storage::LedgerRecords(tx).List(FilterOf(query, now));
    if (!rows.ok()) return rows.error();
    page.total = rows.value().total;
    page.items.reserve(rows.value().items.size());
    for (storage::LedgerRow& row : rows.value().items) {
      const int days = OverdueDaysOf(row, now);
      page.items.push_back({std::move(row), days});
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return page;
}

std::string LedgerTitle(int year) { return std::to_string(year) + "年整改台账"; }

core::Status ExportLedger(storage::Store& store, const LedgerQuery& query, core::UnixSeconds now,
                          exporting::TableWriter& out) {
  if (core::Status s = out.Begin(kColumns); !s.ok()) return s;
  core::Status status = store.Read([&](storage::Tx& tx) {
    return storage::LedgerRecords(tx).ForEach(FilterOf(query, now),
                                              [&](const storage::LedgerRow& row) {
                                                return WriteLine(row, OverdueDaysOf(row, now), out);
                                              });
  });
  if (!status.ok()) return status;
  return out.Finish();
}

}  // namespace grassroots::app
