#include "core/bulletin.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "core/rectification_item.h"

namespace grassroots::core {
namespace {

// a.due_closed / a.due > b.due_closed / b.due, exactly (both have something due).
bool Ahead(const UnitFigures& a, const UnitFigures& b) {
  return std::int64_t{a.due_closed} * b.due > std::int64_t{b.due_closed} * a.due;
}

bool SameProgress(const UnitFigures& a, const UnitFigures& b) {
  return std::int64_t{a.due_closed} * b.due == std::int64_t{b.due_closed} * a.due;
}

void Count(UnitFigures& unit, const BulletinItem& item, const DayRange& days,
           const CivilDate& as_of) {
  const bool closed = item.closed_on && *item.closed_on <= as_of;
  const bool due = item.deadline <= as_of;
  ++unit.items;
  if (closed) ++unit.closed;
  if (closed && days.Contains(*item.closed_on)) ++unit.closed_in_quarter;
  if (due) ++unit.due;
  if (due && closed) ++unit.due_closed;
  unit.open = unit.items - unit.closed;
  unit.overdue = unit.due - unit.due_closed;
}

void Rank(std::vector<UnitFigures>& units) {
  std::stable_sort(units.begin(), units.end(), [](const UnitFigures& a, const UnitFigures& b) {
    if (a.HasProgress() != b.HasProgress()) return a.HasProgress();
    if (a.HasProgress() && !SameProgress(a, b)) return Ahead(a, b);
    return a.unit_code < b.unit_code;
  });
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (!units[i].HasProgress()) break;
    const bool tied = i > 0 && SameProgress(units[i], units[i - 1]);
    units[i].rank = tied ? units[i - 1].rank : static_cast<int>(i + 1);
  }
}

}  // namespace

int UnitFigures::ProgressBasisPoints() const {
  if (due <= 0) return 0;
  return static_cast<int>((std::int64_t{due_closed} * 20000 + due) / (2 * std::int64_t{due}));
}

BulletinFigures ComputeBulletin(const Quarter& quarter, const CivilDate& as_of,
                                std::span<const BulletinItem> items) {
  BulletinFigures out;
  out.quarter = quarter;
  out.as_of = as_of;
  const DayRange days = DaysOf(quarter);
  const UnixSeconds after = CountyDayStart(CivilFromDays(DaysFromCivil(as_of) + 1));
  std::map<std::string, UnitFigures> units;
  for (const BulletinItem& item : items) {
    UnitFigures& unit = units[item.unit_code];
    unit.unit_code = item.unit_code;
    unit.unit_name = item.unit_name;
    Count(unit, item, days, as_of);
    Count(out.total, item, days, as_of);
    const bool closed = item.closed_on && *item.closed_on <= as_of;
    const int late =
        OverdueDays(item.deadline, closed ? ItemState::kClosed : ItemState::kOpen, after);
    if (late > 0) {
      out.overdue.push_back({item.unit_code, item.unit_name, item.org_code, item.org_name,
                             item.measure, item.responsible, item.deadline, late});
    }
  }
  for (auto& [code, unit] : units) out.units.push_back(std::move(unit));
  Rank(out.units);
  std::sort(out.overdue.begin(), out.overdue.end(), [](const OverdueItem& a, const OverdueItem& b) {
    return std::tie(b.overdue_days, a.unit_code, a.org_code, a.measure) <
           std::tie(a.overdue_days, b.unit_code, b.org_code, b.measure);
  });
  return out;
}

BulletinFigures NarrowToUnit(const BulletinFigures& figures, const std::string& unit) {
  BulletinFigures out;
  out.quarter = figures.quarter;
  out.as_of = figures.as_of;
  for (const UnitFigures& u : figures.units) {
    if (u.unit_code != unit) continue;
    out.units.push_back(u);
    out.total = u;
    out.total.unit_code.clear();
    out.total.unit_name.clear();
    out.total.rank.reset();
  }
  for (const OverdueItem& item : figures.overdue) {
    if (item.unit_code == unit) out.overdue.push_back(item);
  }
  return out;
}

std::string_view ToString(BulletinDocument::Status status) {
  switch (status) {
    case BulletinDocument::Status::kIssued:
      return "issued";
    case BulletinDocument::Status::kDraft:
      return "draft";
    case BulletinDocument::Status::kPreview:
      return "preview";
  }
  return "preview";
}

std::string BulletinTitle(const BulletinDocument& doc) {
  return "关于" + QuarterLabel(doc.figures.quarter) + "软弱涣散基层党组织整顿工作进展情况的通报";
}

bool QuarterFinished(const Quarter& quarter, UnixSeconds now) {
  return DaysOf(quarter).last < CountyDate(now);
}

Result<CivilDate> BulletinAsOf(const Quarter& quarter, UnixSeconds now) {
  const DayRange days = DaysOf(quarter);
  const CivilDate yesterday = CivilFromDays(DaysFromCivil(CountyDate(now)) - 1);
  if (yesterday < days.first) {
    return Error::Invalid("the quarter " + FormatQuarter(quarter) +
                              " has no finished day yet: there is nothing to report",
                          "quarter")
        .With("quarter_not_begun", {{"quarter", FormatQuarter(quarter)}});
  }
  return std::min(yesterday, days.last);
}

Result<std::string> BulletinUnitFor(const Principal& who, std::string_view unit) {
  switch (who.role) {
    case Role::kAdmin:
    case Role::kAuditor:
      return std::string(unit);
    case Role::kUnitAdmin:
      if (unit.empty()) {
        if (who.scope.size() == 1) return who.scope.front();
        return Error::Invalid("unit is required: this account oversees several units", "unit")
            .With("required");
      }
      if (std::find(who.scope.begin(), who.scope.end(), unit) != who.scope.end()) {
        return std::string(unit);
      }
      return UnitNotFound(unit);
    default:
      return Error::Forbidden("this account does not read quarterly bulletins")
          .With("bulletin_not_permitted");
  }
}

Error UnitNotFound(std::string_view unit) {
  return Error::NotFound("no unit " + std::string(unit), "unit")
      .With("unit_not_found", {{"unit", std::string(unit)}});
}

bool MayReadBulletins(const Principal& who) {
  return who.role == Role::kAdmin || who.role == Role::kAuditor || who.role == Role::kUnitAdmin;
}

bool MayIssueBulletin(const Principal& who) { return who.role == Role::kAdmin; }

std::string QuarterLabel(const Quarter& quarter) {
  static constexpr std::array<std::string_view, 4> kNumbers = {"一", "二", "三", "四"};
  return std::to_string(quarter.year) + "年第" +
         std::string(kNumbers[static_cast<std::size_t>(std::clamp(quarter.quarter, 1, 4) - 1)]) +
         "季度";
}

}  // namespace grassroots::core
