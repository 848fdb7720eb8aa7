#include "app/standards_service.h"

#include <array>

#include "core/field_rules.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

DesignationView ViewOf(storage::DesignationRow row) {
  DesignationView view;
  view.in_conflict = core::InConflict(row.current(), row.selected);
  view.row = std::move(row);
  return view;
}

core::Error NotStandardsManager() {
  return core::Error::Forbidden(
             "only the organization department designates standardized "
             "branches")
      .With("forbidden");
}

}  // namespace

core::Result<BatchOutcome> DesignateBatch(storage::Store& store, const core::Principal& who,
                                          const core::StandardBatchInput& input,
                                          const core::CivilDate& today,
                                          const storage::Actor& actor) {
  if (!core::MayManageStandards(who)) return NotStandardsManager();
  core::Result<core::StandardBatch> batch = core::CheckBatch(input, today);
  if (!batch.ok()) return batch.error();
  BatchOutcome outcome;
  // The rule reads the stored selection and titles inside the write transaction, so a batch
  // and a concurrent assessment run or batch cannot both pass on what the other changes.
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::StandardRecords records(tx);
    auto facts = records.Facts(batch.value().year, batch.value().codes);
    if (!facts.ok()) return facts.error();
    outcome.refused = core::RefusedCodes(batch.value().year, facts.value());
    if (!outcome.refused.empty()) return core::Status::Ok();  // nothing written
    auto id = records.AddBatch(batch.value());
    if (!id.ok()) return id.error();
    outcome.batch_id = id.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return outcome;
}

core::Result<DesignationView> RevokeDesignation(storage::Store& store, const core::Principal& who,
                                                std::int64_t id, const core::RevocationInput& input,
                                                const core::CivilDate& today,
                                                const storage::Actor& actor) {
  if (!core::MayManageStandards(who)) return NotStandardsManager();
  std::optional<storage::DesignationRow> revoked;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::StandardRecords records(tx);
    auto row = records.Get(id);
    if (!row.ok()) return row.error();
    if (!row.value()) {
      return core::Error::NotFound("no designation with id " + std::to_string(id), "id")
          .With("designation_not_found", {{"id", std::to_string(id)}});
    }
    const storage::DesignationRow& before = *row.value();
    auto checked = core::CheckRevocation(
        input, !before.current(),
        core::ParseIsoDate(before.designated_on).value_or(core::kEarliestDate), today);
    if (!checked.ok()) return checked.error();
    if (core::Status s = records.Revoke(before, checked.value()); !s.ok()) return s;
    auto after = records.Get(id);
    if (!after.ok()) return after.error();
    revoked = *after.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return ViewOf(std::move(*revoked));
}

core::Result<storage::Page<DesignationView>> ListDesignations(
    storage::Store& store, const storage::DesignationFilter& filter) {
  storage::Page<DesignationView> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto page = storage::StandardRecords(tx).List(filter);
    if (!page.ok()) return page.error();
    out.total = page.value().total;
    for (storage::DesignationRow& row : page.value().items) out.items.push_back(ViewOf(row));
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Status ExportDesignations(storage::Store& store, storage::DesignationFilter filter,
                                exporting::TableWriter& out) {
  using exporting::Cell;
  using exporting::ColumnKind;
  static constexpr std::array<exporting::TableColumn, 10> kColumns = {{
      {"年度", ColumnKind::kInteger, 8},
      {"组织代码", ColumnKind::kCode, 14},
      {"组织名称", ColumnKind::kText, 30},
      {"考核单位", ColumnKind::kCode, 12},
      {"批次", ColumnKind::kText, 24},
      {"命名日期", ColumnKind::kDate, 12},
      {"状态", ColumnKind::kText, 8},
      {"撤销日期", ColumnKind::kDate, 12},
      {"撤销理由", ColumnKind::kText, 30},
      {"与整顿名单冲突", ColumnKind::kText, 14},
  }};
  if (core::Status s = out.Begin(kColumns); !s.ok()) return s;
  filter.org.offset = 0;
  filter.org.limit = 1000;  // the largest page a list reads
  for (;;) {
    auto page = ListDesignations(store, filter);
    if (!page.ok()) return page.error();
    for (const DesignationView& view : page.value().items) {
      const storage::DesignationRow& r = view.row;
      const auto date = [](const std::string& text) {
        auto day = core::ParseIsoDate(text);
        return day ? Cell::Date(*day) : Cell();
      };
      const std::array<Cell, 10> cells = {
          Cell::Number(r.year),
          Cell::Text(r.org_code),
          Cell::Text(r.org_name),
          Cell::Text(r.unit),
          Cell::Text(r.batch_name),
          date(r.designated_on),
          Cell::Text(r.current() ? "现命名" : "已撤销"),
          date(r.revoked_on),
          Cell::Text(r.revoke_reason),
          Cell::Text(view.in_conflict ? "是（已列入整顿）" : ""),
      };
      if (core::Status s = out.Row(cells); !s.ok()) return s;
    }
    filter.org.offset += static_cast<std::int64_t>(page.value().items.size());
    if (page.value().items.empty() || filter.org.offset >= page.value().total) break;
  }
  return out.Finish();
}

}  // namespace grassroots::app
