// The quarterly bulletin (每季一通报, issue 13, SPEC §4): the figures of a quarter's rectification
// work per direct organization (unit), the items overdue at the quarter's end named with who
// answers for them, and the ranking of the units by progress. Pure: the adapters read the items
// of the year's plans, this counts them. docs/bulletin.md states the definitions for a reader.
//
// Every count is taken at the end of an "as-of" day, a day that has ended: the quarter's last
// day once the quarter is finished, else (a preview of the running quarter) yesterday in the
// county, so a preview's overdue days are the ledger's of today. An item is
// - closed by then when it has a closed_on on or before that day (a later closing does not count,
//   so a past quarter's figures do not move when work is closed afterwards);
// - due by then when its deadline is on or before that day;
// - overdue when due and not closed by then; its overdue days are core::OverdueDays at the first
//   instant after that day (a deadline on the last day is 1 day overdue at the quarter's end).
// Progress of a unit = due items closed by then ÷ items due by then (no rate when nothing is due).
// Ranking: higher progress first; units of equal progress (compared exactly, as fractions) share
// a rank and are listed by unit code; ranks skip after a tie (1, 1, 3). Units with nothing due
// have no rank and come last, by code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/periods.h"

namespace grassroots::core {

// One rectification item as the bulletin counts it.
struct BulletinItem {
  std::string unit_code, unit_name;  // the direct organization its organization lies under
  std::string org_code, org_name;
  std::string measure, responsible;
  CivilDate deadline;
  std::optional<CivilDate> closed_on;
};

struct UnitFigures {
  std::string unit_code, unit_name;
  int items = 0;              // every item of the year's plans in the unit
  int closed_in_quarter = 0;  // closed on a day of the quarter up to the as-of day
  int closed = 0;             // closed on or before the as-of day
  int open = 0;               // not closed by the as-of day (items - closed)
  int due = 0;                // deadline on or before the as-of day
  int due_closed = 0;         // of those due, closed by the as-of day
  int overdue = 0;            // due and not closed (due - due_closed)
  std::optional<int> rank;    // nullopt when nothing is due

  bool HasProgress() const { return due > 0; }
  // due_closed ÷ due in hundredths of a percent, rounded half up (9,999 = 99.99%); 0 when none due.
  int ProgressBasisPoints() const;
  friend bool operator==(const UnitFigures&, const UnitFigures&) = default;
};

struct OverdueItem {
  std::string unit_code, unit_name, org_code, org_name, measure, responsible;
  CivilDate deadline;
  int overdue_days = 0;
  friend bool operator==(const OverdueItem&, const OverdueItem&) = default;
};

struct BulletinFigures {
  Quarter quarter;
  CivilDate as_of;
  std::vector<UnitFigures> units;    // in ranking order
  UnitFigures total;                 // every unit together (unit_code empty, no rank)
  std::vector<OverdueItem> overdue;  // most days first, then unit, organization, measure
  friend bool operator==(const BulletinFigures&, const BulletinFigures&) = default;
};

// A spot-check finding of the quarter (每月一抽查, issue 13's monthly spot check), as the bulletin
// lists it. Filled from the spot check's own records (app/bulletin_findings.h); never made up.
struct BulletinFinding {
  std::string unit_code, org_code, org_name;
  CivilDate on;
  bool problem = false;  // a problem was found (else: fine)
  std::string text;
  friend bool operator==(const BulletinFinding&, const BulletinFinding&) = default;
};

// A bulletin as it is shown, stored and exported: its figures, the quarter's findings, whose it
// is, and whether it was issued.
struct BulletinDocument {
  enum class Status : std::uint8_t {
    kIssued,   // stored at issue; what it says never changes
    kDraft,    // a finished quarter not issued yet: counted now, not stored
    kPreview,  // a running quarter, as of today: counted now, not stored
  };
  Status status = Status::kPreview;
  std::string office;                // the issuing office (policy)
  std::string unit_code, unit_name;  // "" for the county
  BulletinFigures figures;
  std::vector<BulletinFinding> findings;         // the quarter's spot-check findings, in the scope
  int number = 0;                                // issued only: 第N期 within the year
  std::string issued_by, issued_at, audit_head;  // issued only
};
std::string_view ToString(BulletinDocument::Status status);  // "issued", "draft", "preview"

// The bulletin's title: "关于2016年第二季度软弱涣散基层党组织整顿工作进展情况的通报".
std::string BulletinTitle(const BulletinDocument& doc);

// The figures of `quarter` as of `as_of` (a day within the quarter) over `items`.
BulletinFigures ComputeBulletin(const Quarter& quarter, const CivilDate& as_of,
                                std::span<const BulletinItem> items);

// `figures` of the county narrowed to one unit: its row (keeping its county rank), its overdue
// items, and its own figures as the total. A unit's bulletin read from the county's issued one.
BulletinFigures NarrowToUnit(const BulletinFigures& figures, const std::string& unit);

// Whether the quarter has ended on the county's calendar (UTC+8) at `now`: only such a quarter
// is issued; a running one is previewed as of today.
bool QuarterFinished(const Quarter& quarter, UnixSeconds now);

// The as-of day of the quarter at `now`: its last day once finished, else the county's
// yesterday. kInvalid (field "quarter", reason quarter_not_begun {quarter}) until its first day
// has ended.
Result<CivilDate> BulletinAsOf(const Quarter& quarter, UnixSeconds now);

// Whose bulletin `who` may read when asking for `unit` ("" = the county): admin and auditor any;
// a unit admin only a unit of its scope, its only scope unit when `unit` is empty; others none.
// Answers the unit to report on ("" = the county), or
// - kForbidden bulletin_not_permitted: the role reads no bulletin;
// - kNotFound (field "unit") unit_not_found {unit}: a unit admin asking for a unit outside its
//   scope, answered exactly as a code never used (secrecy, core/access.h);
// - kInvalid (field "unit") required: a unit admin of several units naming none.
Result<std::string> BulletinUnitFor(const Principal& who, std::string_view unit);

// A unit that is not a direct organization, or one outside the caller's scope: one answer.
Error UnitNotFound(std::string_view unit);

// Whether `who` reads any bulletin: admin, auditor, unit admin (BulletinUnitFor decides which).
bool MayReadBulletins(const Principal& who);

// Issuing stores the figures for good: the organization department's (admin) act.
bool MayIssueBulletin(const Principal& who);

// "2016年第二季度", as a bulletin's title names its quarter.
std::string QuarterLabel(const Quarter& quarter);

}  // namespace grassroots::core
