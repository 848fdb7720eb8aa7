// The stored rectification plans of selected organizations (migration 012): plans, their
// problems, items and the steps items took (issue 12). A small class over a transaction
// (tx.h): reads work in Read's snapshot and Write's transaction, writes only in Write's, each
// written row with its audit entry in that transaction ("plan:ID", "problem:ID", "item:ID").
// Which rows a caller may see and what they may do is app's and core's; this only stores.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct PlanRecord {
  std::int64_t id = 0;
  int year = 0;
  std::string org_code;
  std::string org_name, unit, type;  // the organization as stored now
  std::string created_at, created_by;
  std::string outcome;  // "", "upgraded" or "not_upgraded"
  std::string outcome_reason;
};

struct ProblemRecord {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string dimension;  // core::kDimensionKeys
  std::string description;
  bool proposed = false;
};

struct ItemRecord {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::optional<std::int64_t> problem_id;
  int year = 0;
  std::string org_code;
  std::string org_name;  // as stored now (read only)
  std::string measure, responsible;
  std::string responsible_user;  // "" when the person has no account
  std::string support_role;      // "" or a support role name
  std::string deadline;          // YYYY-MM-DD
  std::string state = "open";    // core::ItemState name
  std::int64_t submitted_by = 0;
  std::string submitted_by_name;    // the account's name (read only)
  std::string closed_on;            // YYYY-MM-DD once closed
  std::int64_t evidence_count = 0;  // read only
};

struct StepRecord {
  std::string step, from_state, to_state, reason, actor, at;
};

// Which plans a list reads, one page of them in the order year, organization code. `org` holds
// the unit, type and q (part of the code or name) filters, the page (offset, limit 1..1000) and
// the caller's scope (http::ApplyScope); a plan outside that scope is still read when its
// organization's current supervisor of five-level support for the plan's year is `supervisor`
// (IsAssignedSupervisor), so the list holds exactly the plans core::RelationToItem lets the
// caller see.
struct PlanQuery {
  std::optional<int> year;
  OrgFilter org;
  std::string supervisor;  // an account name, or '' for none
  // Only plans that are (true) or are not (false) finished as core::PlanProgress::finished
  // says: some items, every one closed.
  std::optional<bool> finished;
};

// A plan of a year with its organization, outcome and how many of its items are closed: where
// it stood, for the next year's assessment.
struct PlanTally {
  std::int64_t plan_id = 0;
  std::string org_code, outcome, outcome_reason;
  std::int64_t items = 0, closed = 0;
};

// Which items a list of items reads (my items).
struct ItemQuery {
  std::string responsible_user;   // items naming this account...
  std::vector<std::string> orgs;  // ...or of these organizations
  std::string state;              // "" any
};

// A selected organization of a year that has no plan yet, with its six dimension scores
// (the stored inputs of the assessment, else the year's scores; nullopt when neither).
struct SelectedWithoutPlan {
  std::string org_code;
  std::optional<std::array<double, 6>> dimensions;
};

class RectificationRecords {
 public:
  explicit RectificationRecords(Tx& tx) : tx_(tx) {}

  // Whether `year` has a stored assessment.
  core::Result<bool> Assessed(int year);
  core::Result<std::vector<SelectedWithoutPlan>> SelectedWithoutPlans(int year);
  core::Result<std::int64_t> CountPlans(int year);

  // One page of the plans `query` selects and the count of all of them (plan_reads.cc).
  core::Result<Page<PlanRecord>> Plans(const PlanQuery& query);
  // The plans of `year` of these organizations (any number), by organization code.
  core::Result<std::vector<PlanTally>> PlanTallies(int year,
                                                   const std::vector<std::string>& org_codes);
  core::Result<std::optional<PlanRecord>> Plan(std::int64_t id);
  core::Result<std::optional<PlanRecord>> PlanOf(const std::string& org_code, int year);
  core::Result<std::vector<ProblemRecord>> Problems(std::int64_t plan_id);
  // Items of the plans given (all when empty is not meant: pass the ids), by plan then id.
  core::Result<std::vector<ItemRecord>> ItemsOfPlans(const std::vector<std::int64_t>& plan_ids);
  core::Result<std::optional<ItemRecord>> Item(std::int64_t id);
  core::Result<std::vector<ItemRecord>> Items(const ItemQuery& query);
  core::Result<std::vector<StepRecord>> Steps(std::int64_t item_id);
  // The code, its parent's, ... up to the direct organization; empty when unknown.
  core::Result<std::vector<std::string>> Ancestry(const std::string& code);
  // Whether `user_name` is the current supervisor five-level support assigns to the
  // organization in `year` (support_assignments, role 'supervisor', not ended).
  core::Result<bool> IsAssignedSupervisor(const std::string& user_name, const std::string& org_code,
                                          int year);

  // Writes (Write's transaction only), each audited.
  core::Result<std::int64_t> CreatePlan(int year, const std::string& org_code);
  core::Result<std::int64_t> AddProblem(const ProblemRecord& problem);
  core::Result<std::int64_t> AddItem(const ItemRecord& item);
  // Moves the item to `step.to_state`, records the step; `submitted_by` and `closed_on` as
  // the step leaves them.
  core::Status MoveItem(const ItemRecord& before, const StepRecord& step, std::int64_t submitted_by,
                        const std::string& closed_on);
  core::Status SetOutcome(const PlanRecord& before, const std::string& outcome,
                          const std::string& reason);

 private:
  Tx& tx_;
};

std::string PlanJson(const PlanRecord& plan);
std::string ItemJson(const ItemRecord& item);

}  // namespace grassroots::storage
