// ImportMeetings (party_life_service.h): a quarter's meetings from a file, all or nothing.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "app/organization_records.h"
#include "app/party_life_service.h"
#include "csv/file_text.h"
#include "csv/row_reader.h"

namespace grassroots::app {
namespace {

// The file's columns, by position (named in a struct: a unity build puts plan_import.cc's
// columns in the same namespace).
struct MeetingColumn {
  enum : std::size_t { kOrg, kKind, kDate, kAttended, kExpected, kTopic };
};

struct MeetingRow {
  int line = 0;
  core::MeetingRecord meeting;
};

// A whole number of a column, or nullopt after Fail (not_a_number).
std::optional<std::int64_t> Count(csv::RowReader& in, std::size_t column) {
  const std::string text(in[column]);
  if (text.empty() || text.size() > 9 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    in.Fail(column, std::string(in.name(column)) + " must be a whole number", "not_a_number",
            {{"value", text.substr(0, 16)}});
    return std::nullopt;
  }
  return std::stoll(text);
}

std::optional<MeetingRow> ReadRow(csv::RowReader& in, const core::CivilDate& today) {
  core::MeetingInput input;
  input.org_code = in[MeetingColumn::kOrg];
  input.kind = in[MeetingColumn::kKind];
  input.on = in[MeetingColumn::kDate];
  input.topic = in[MeetingColumn::kTopic];
  std::optional<std::int64_t> attended = Count(in, MeetingColumn::kAttended);
  input.attended = attended.value_or(0);
  if (in.has(MeetingColumn::kExpected) && !in[MeetingColumn::kExpected].empty())
    input.expected = Count(in, MeetingColumn::kExpected);
  for (const core::Error& error : core::MeetingErrors(input, today)) {
    if (error.field == "attended" && !attended) continue;
    in.Report(error);
  }
  if (in.failed()) return std::nullopt;
  auto checked = core::CheckMeeting(input, today);
  if (!checked.ok()) return std::nullopt;
  return MeetingRow{in.line(), std::move(checked).value()};
}

// What each organization named is to `who`: a refusal at the row, or the organization.
struct OrgCheck {
  std::optional<core::LineError> refusal;  // line filled in per row
};

core::Result<OrgCheck> CheckOrganization(storage::Store& store, const core::Principal& who,
                                         const std::string& code) {
  auto ancestry = AncestryOf(store, code);
  if (!ancestry.ok()) return ancestry.error();
  OrgCheck out;
  if (ancestry.value().empty() ||
      !core::MayAccessOrganization(who, ancestry.value(), core::OrgAction::kRead)) {
    out.refusal = core::LineError(0, "no organization " + code, "org_code",
                                  "organization_not_found", {{"code", code}});
    return out;
  }
  if (!core::MayLogMeetings(who, ancestry.value())) {
    out.refusal = core::LineError(0, "not permitted to log meetings of " + code, "org_code",
                                  "meeting_log_not_permitted", {{"code", code}});
    return out;
  }
  auto detail = OrganizationOf(store, code);
  if (!detail.ok()) return detail.error();
  if (!detail.value()) {
    out.refusal = core::LineError(0, "no organization " + code, "org_code",
                                  "organization_not_found", {{"code", code}});
  } else if (core::Status s = core::CheckHoldsPartyLife(detail.value()->org); !s.ok()) {
    out.refusal =
        core::LineError(0, s.error().message, "org_code", s.error().reason, s.error().params);
  }
  return out;
}

}  // namespace

core::Result<MeetingImportOutcome> ImportMeetings(storage::Store& store, const core::Principal& who,
                                                  std::string_view bytes,
                                                  const core::CivilDate& today, bool dry_run,
                                                  const storage::Actor& actor) {
  core::Result<csv::FileText> text = csv::ReadFileText(bytes);
  if (!text.ok()) return text.error();
  MeetingImportOutcome outcome;
  if (text.value().refused) {
    outcome.errors.push_back(*text.value().refused);
    return outcome;
  }
  std::vector<MeetingRow> rows;
  {
    csv::RowReader in(text.value().csv, core::kMeetingFileColumns, outcome.errors);
    while (in.Next()) {
      if (std::optional<MeetingRow> row = ReadRow(in, today)) rows.push_back(std::move(*row));
    }
  }
  std::map<std::string, OrgCheck> orgs;
  std::set<std::tuple<std::string, int, std::string, std::string>> seen;
  std::vector<MeetingRow> good;
  for (MeetingRow& row : rows) {
    const core::MeetingRecord& m = row.meeting;
    auto [it, fresh] = orgs.try_emplace(m.org_code);
    if (fresh) {
      auto checked = CheckOrganization(store, who, m.org_code);
      if (!checked.ok()) return checked.error();
      it->second = std::move(checked).value();
    }
    if (it->second.refusal) {
      core::LineError error = *it->second.refusal;
      error.line = row.line;
      outcome.errors.push_back(std::move(error));
      continue;
    }
    if (!seen.insert({m.org_code, static_cast<int>(m.kind), core::FormatIsoDate(m.on), m.topic})
             .second) {
      outcome.errors.emplace_back(
          row.line, "this meeting is in the file twice", "topic", "meeting_already_logged",
          core::Params{{"code", m.org_code}, {"date", core::FormatIsoDate(m.on)}});
      continue;
    }
    good.push_back(std::move(row));
  }
  // Rows before the organizations' errors came later; the errors go out in line order.
  std::stable_sort(
      outcome.errors.begin(), outcome.errors.end(),
      [](const core::LineError& a, const core::LineError& b) { return a.line < b.line; });
  const auto finish = [&] {
    for (core::LineError& error : outcome.errors) error.line = text.value().SourceLine(error.line);
  };
  if (!outcome.errors.empty()) {
    finish();
    return outcome;
  }
  const auto write = [&](storage::Tx& tx) -> core::Status {
    storage::PartyMeetingRecords records(tx);
    for (MeetingRow& row : good) {
      core::MeetingRecord& m = row.meeting;
      if (m.expected == 0) {
        core::Result<std::int64_t> members = records.MembersOnRoll(m.org_code);
        if (!members.ok()) return members.error();
        m.expected = std::max(members.value(), m.attended);
      }
      core::Result<bool> exists = records.Exists(m);
      if (!exists.ok()) return exists.error();
      if (exists.value()) {
        outcome.errors.emplace_back(
            row.line, "this meeting is logged already", "topic", "meeting_already_logged",
            core::Params{{"code", m.org_code}, {"date", core::FormatIsoDate(m.on)}});
        continue;
      }
      if (dry_run) continue;
      if (auto added = records.Add(m); !added.ok()) return added.error();
    }
    if (!outcome.errors.empty()) {
      return core::Error::Invalid("rows refused").With("rows_invalid");  // rolls back
    }
    return core::Status::Ok();
  };
  const core::Status status = dry_run ? store.Read(write) : store.Write(actor, write);
  if (!outcome.errors.empty()) {
    finish();
    return outcome;
  }
  if (!status.ok()) return status.error();
  outcome.meetings = static_cast<std::int64_t>(good.size());
  return outcome;
}

}  // namespace grassroots::app
