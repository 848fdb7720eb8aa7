// Members' changes of status (migration 025), reached from a use case's transaction (tx.h):
// the history, oldest first, and a change written together with the member's new status.
// Reads members and their organization's roll in its own SQL. Knows no rule: the change is
// checked by core::CheckStatusChange first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/member_status.h"
#include "core/organization.h"
#include "storage/tx.h"

namespace grassroots::storage {

class MemberStatusRecords {
 public:
  explicit MemberStatusRecords(Tx& tx) : tx_(tx) {}

  // The member `id` as stored now, or nullopt.
  core::Result<std::optional<core::Member>> Member(const std::string& id);

  // The day of the member's latest change, or nullopt when none is recorded.
  core::Result<std::optional<core::CivilDate>> LastChangeDay(const std::string& member_id);

  // Appends `change` to the member's history and sets their status to `change.to`, with one
  // audit entry "member.status", entity "member:ID" (status before and after, the day and the
  // note). Answers it as stored. Write transactions only.
  core::Result<core::StatusChange> Record(core::StatusChange change);

  // The changes of status an import's rows make: each stored member whose status a row changes
  // gets a change dated `today`, by the same rule as every change (core::CheckStatusChange: a
  // member who left changes no more, ...), with the note "导入". The first refused row's error
  // names the member. Reads only: what a dry run asks.
  core::Result<std::vector<core::StatusChange>> ImportedChanges(
      const std::vector<core::Member>& rows, const core::CivilDate& today);
  // ImportedChanges recorded in the history (ImportWriter, before it writes the rows). Only the
  // history rows: the member row's new status and its audit change record are the import's.
  // Write transactions only.
  core::Status RecordImported(const std::vector<core::Member>& rows, const core::CivilDate& today);

  // The member's changes, oldest first (by day, then as recorded).
  core::Result<std::vector<core::StatusChange>> HistoryOf(const std::string& member_id);

  // Every member ever on the roll of organization `org` (those who left too) with their
  // changes: what core::CountsOn reads.
  core::Result<std::vector<core::MemberHistory>> RollOf(const std::string& org);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
