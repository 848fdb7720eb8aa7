#include "app/first_secretary_service.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/evidence.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using storage::FirstSecretaryRecords;
using storage::PostingRow;
using storage::ReportRow;
using storage::Tx;

core::Posting PostingOf(const storage::AssignmentRow& row) {
  core::Posting posting;
  posting.start = core::ParseIsoDate(row.start_date).value_or(core::CivilDate{});
  if (!row.ended_on.empty()) posting.ended_on = core::ParseIsoDate(row.ended_on);
  return posting;
}

using ReportKey = std::tuple<std::string, int, std::string>;  // code, month, kind

// The owed reports of `postings` (ordered by village) against the filed `reports`.
std::vector<OwedReportView> Owed(const std::vector<PostingRow>& postings,
                                 const std::vector<ReportRow>& reports, int year,
                                 core::UnixSeconds now) {
  std::map<ReportKey, const ReportRow*> filed;
  for (const ReportRow& r : reports) filed[{r.org_code, r.month, r.kind}] = &r;
  const core::CivilDate today = core::CountyDate(now);
  std::vector<OwedReportView> owed;
  for (std::size_t first = 0; first < postings.size();) {
    std::size_t end = first;
    std::vector<core::Posting> village;
    while (end < postings.size() &&
           postings[end].assignment.org_code == postings[first].assignment.org_code) {
      village.push_back(PostingOf(postings[end].assignment));
      ++end;
    }
    for (const core::OwedReport& o : core::OwedReports(village, year, today)) {
      const PostingRow& holder = postings[first + o.posting];
      OwedReportView view;
      view.org_code = holder.assignment.org_code;
      view.org_name = holder.org_name;
      view.person = holder.assignment.person;
      view.user_name = holder.assignment.user_name;
      view.month = o.month;
      view.kind = o.kind;
      view.due = core::ReportDueDate(o.kind, o.month);
      std::optional<core::UnixSeconds> submitted;
      auto it = filed.find({view.org_code, o.month.month, std::string(core::ToString(o.kind))});
      if (it != filed.end()) {
        view.report = *it->second;
        submitted = core::ParseIsoInstant(it->second->submitted_at);
      }
      view.status = core::StatusOfReport(o.kind, o.month, submitted, now);
      owed.push_back(std::move(view));
    }
    first = end;
  }
  return owed;
}

}  // namespace

core::Result<std::vector<OwedReportView>> OwedReportsIn(storage::Store& store, int year,
                                                        const storage::OrgFilter& scope,
                                                        core::UnixSeconds now) {
  std::vector<PostingRow> postings;
  std::vector<ReportRow> reports;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    FirstSecretaryRecords records(tx);
    auto p = records.Postings(year, scope);
    if (!p.ok()) return p.error();
    auto r = records.Reports(year, scope);
    if (!r.ok()) return r.error();
    postings = std::move(p).value();
    reports = std::move(r).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return Owed(postings, reports, year, now);
}

core::Result<std::vector<OwedReportView>> VillageReports(storage::Store& store,
                                                         const std::string& code, int year,
                                                         core::UnixSeconds now) {
  storage::OrgFilter only;
  only.only = {code};
  only.restrict_to_scope = true;
  return OwedReportsIn(store, year, only, now);
}

core::Result<std::vector<OwedReportView>> MyReports(storage::Store& store,
                                                    const std::string& user_name,
                                                    core::UnixSeconds now) {
  const int year = core::CountyDate(now).year;
  std::vector<PostingRow> postings;
  std::vector<ReportRow> reports;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    FirstSecretaryRecords records(tx);
    auto p = records.PostingsOf(user_name, year);
    if (!p.ok()) return p.error();
    postings = std::move(p).value();
    // Every holder of those villages, so that a report owed by a predecessor is not theirs.
    storage::OrgFilter villages;
    villages.restrict_to_scope = true;
    for (const PostingRow& row : postings) villages.only.push_back(row.assignment.org_code);
    if (villages.only.empty()) return core::Status::Ok();
    auto all = records.Postings(year, villages);
    if (!all.ok()) return all.error();
    auto r = records.Reports(year, villages);
    if (!r.ok()) return r.error();
    postings = std::move(all).value();
    reports = std::move(r).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  std::vector<OwedReportView> owed = Owed(postings, reports, year, now);
  std::erase_if(owed, [&](const OwedReportView& v) { return v.user_name != user_name; });
  return owed;
}

core::Result<std::vector<OwedReportView>> OverdueReports(storage::Store& store,
                                                         const storage::OrgFilter& scope,
                                                         core::YearMonth month,
                                                         core::UnixSeconds now) {
  auto owed = OwedReportsIn(store, month.year, scope, now);
  if (!owed.ok()) return owed.error();
  std::vector<OwedReportView> overdue = std::move(owed).value();
  std::erase_if(overdue, [&](const OwedReportView& v) {
    return v.month != month ||
           (v.status != core::ReportStatus::kLate && v.status != core::ReportStatus::kMissing);
  });
  return overdue;
}

core::Result<std::vector<OnTimeRate>> OnTimeRates(storage::Store& store,
                                                  const storage::OrgFilter& scope, int year,
                                                  core::UnixSeconds now) {
  auto owed = OwedReportsIn(store, year, scope, now);
  if (!owed.ok()) return owed.error();
  std::map<std::pair<std::string, std::string>, std::vector<const OwedReportView*>> by_person;
  for (const OwedReportView& v : owed.value()) by_person[{v.person, v.user_name}].push_back(&v);
  std::vector<OnTimeRate> rates;
  for (const auto& [key, views] : by_person) {
    OnTimeRate rate;
    rate.person = key.first;
    rate.user_name = key.second;
    std::vector<core::ReportStatus> statuses;
    std::vector<std::string> villages;
    for (const OwedReportView* v : views) {
      statuses.push_back(v->status);
      if (std::find(villages.begin(), villages.end(), v->org_code) == villages.end()) {
        villages.push_back(v->org_code);
      }
      switch (v->status) {
        case core::ReportStatus::kOnTime:
          ++rate.on_time;
          break;
        case core::ReportStatus::kLate:
          ++rate.late;
          break;
        case core::ReportStatus::kMissing:
          ++rate.missing;
          break;
        case core::ReportStatus::kPending:
          ++rate.pending;
          break;
      }
    }
    rate.villages = static_cast<int>(villages.size());
    rate.percent = core::OnTimePercent(statuses);
    rates.push_back(std::move(rate));
  }
  return rates;
}

core::Result<std::vector<OwedReportView>> MissingFirstSecretaryReports(
    storage::Store& store, const storage::OrgFilter& scope, const core::DayRange& due,
    core::UnixSeconds now) {
  std::vector<OwedReportView> missing;
  for (int year = due.first.year; year <= due.last.year; ++year) {
    auto owed = OwedReportsIn(store, year, scope, now);
    if (!owed.ok()) return owed.error();
    for (OwedReportView& v : owed.value()) {
      if (v.status == core::ReportStatus::kMissing && due.Contains(v.due)) {
        missing.push_back(std::move(v));
      }
    }
  }
  return missing;
}

core::Result<ReportRow> SubmitReport(storage::Store& store, const std::string& code,
                                     const core::Principal& who, const ReportInput& input,
                                     core::UnixSeconds now, const storage::Actor& actor) {
  if (who.role != core::Role::kFirstSecretary) {
    return core::Error::Forbidden("only the first secretary posted there files its reports")
        .With("fs_report_not_permitted");
  }
  if (core::Status s = core::CheckReportText(input.text); !s.ok()) return s.error();
  const std::string kind(core::ToString(input.kind));
  ReportRow report;
  core::Status status = store.Write(actor, [&](Tx& tx) -> core::Status {
    FirstSecretaryRecords records(tx);
    auto postings = records.PostingsOf(who.name, input.month.year);
    if (!postings.ok()) return postings.error();
    std::optional<core::Status> refusal;
    const PostingRow* holder = nullptr;
    for (const PostingRow& row : postings.value()) {
      if (row.assignment.org_code != code) continue;
      core::Status check = core::CheckReportMonth(PostingOf(row.assignment), input.kind,
                                                  input.month, core::CountyDate(now));
      if (check.ok()) {
        holder = &row;
        break;
      }
      if (!refusal) refusal = check;
    }
    if (!holder) {
      if (refusal) return *refusal;
      const std::string month = core::FormatYearMonth(input.month);
      return core::Error::Invalid("you hold no first secretary posting of " + code + " in " + month,
                                  "month")
          .With("not_posted_for_month",
                {{"month", month}, {"kind", kind}, {"start", ""}, {"ended_on", ""}});
    }
    auto existing = records.Find(code, input.month.year, input.month.month, kind);
    if (!existing.ok()) return existing.error();
    if (existing.value()) {
      return core::Error::Conflict("the " + kind + " of " + core::FormatYearMonth(input.month) +
                                   " is filed already")
          .With("fs_report_already_filed", {{"report", std::to_string(existing.value()->id)}});
    }
    report.org_code = code;
    report.year = input.month.year;
    report.month = input.month.month;
    report.kind = kind;
    report.user_name = who.name;
    report.person = holder->assignment.person;
    report.text = input.text;
    report.submitted_at = core::FormatUtc(now);
    auto id = records.Add(report);
    if (!id.ok()) return id.error();
    report.id = id.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return report;
}

core::Status RecordReports(storage::Store& store, const std::vector<ReportRow>& reports,
                           std::string_view photo, const storage::Actor& actor) {
  for (const ReportRow& r : reports) {
    if (core::Status s = core::CheckReportText(r.text); !s.ok()) return s;
  }
  std::string type;
  if (!photo.empty()) {
    core::Result<std::string> checked = core::CheckEvidenceFile("photo.png", photo);
    if (!checked.ok()) return checked.error();
    type = checked.value();
  }
  return store.Write(actor, [&](Tx& tx) -> core::Status {
    FirstSecretaryRecords records(tx);
    storage::EvidenceStore photos(tx, storage::kReportPhotos);
    std::string last_village;
    for (const ReportRow& r : reports) {
      auto id = records.Add(r);
      if (!id.ok()) return id.error();
      if (!photo.empty() && r.org_code != last_village) {
        auto added = photos.Add(id.value(), "photo.png", type, photo);
        if (!added.ok()) return added.error();
      }
      last_village = r.org_code;
    }
    return core::Status::Ok();
  });
}

core::Result<std::optional<ReportRow>> ReportOf(storage::Store& store, std::int64_t id) {
  std::optional<ReportRow> report;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    auto found = FirstSecretaryRecords(tx).Report(id);
    if (!found.ok()) return found.error();
    report = std::move(found).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return report;
}

core::Result<storage::EvidenceRecord> AddReportPhoto(
    storage::Store& store, const core::Principal& who, const ReportRow& report,
    const std::string& file_name, std::string_view bytes, const storage::Actor& actor) {
  if (who.role != core::Role::kFirstSecretary || who.name != report.user_name) {
    return core::Error::Forbidden("only the first secretary who filed a report adds its photos")
        .With("fs_report_not_permitted");
  }
  core::Result<std::string> type = core::CheckEvidenceFile(file_name, bytes);
  if (!type.ok()) return type.error();
  if (!type.value().starts_with("image/")) {
    return core::Error::Invalid("a report's photo must be an image", "file")
        .With("report_photo_not_image", {{"content_type", type.value()}});
  }
  storage::EvidenceRecord stored;
  core::Status status = store.Write(actor, [&](Tx& tx) -> core::Status {
    auto added = storage::EvidenceStore(tx, storage::kReportPhotos)
                     .Add(report.id, file_name, type.value(), bytes);
    if (!added.ok()) return added.error();
    stored = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<std::vector<storage::EvidenceRecord>> ReportPhotos(storage::Store& store,
                                                                std::int64_t report_id) {
  std::vector<storage::EvidenceRecord> photos;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    auto found = storage::EvidenceStore(tx, storage::kReportPhotos).OfItem(report_id);
    if (!found.ok()) return found.error();
    photos = std::move(found).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return photos;
}

core::Result<std::optional<ReportPhoto>> ReportPhotoOf(storage::Store& store, std::int64_t id) {
  std::optional<ReportPhoto> found;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    storage::EvidenceStore photos(tx, storage::kReportPhotos);
    auto photo = photos.Get(id);
    if (!photo.ok()) return photo.error();
    if (!photo.value()) return core::Status::Ok();
    auto report = FirstSecretaryRecords(tx).Report(photo.value()->item_id);
    if (!report.ok()) return report.error();
    if (!report.value()) return core::Status::Ok();
    auto bytes = photos.Content(*photo.value());
    if (!bytes.ok()) return bytes.error();
    found = ReportPhoto{*photo.value(), report.value()->org_code, std::move(bytes).value()};
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return found;
}

}  // namespace grassroots::app
