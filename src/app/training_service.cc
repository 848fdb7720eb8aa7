#include "app/training_service.h"

#include <map>
#include <set>

#include "app/organization_records.h"
#include "core/access.h"

namespace grassroots::app {
namespace {

// Whether the caller may do `action` to each organization asked about, each asked once.
class Scope {
 public:
  Scope(storage::Store& store, const core::Principal& who) : store_(store), who_(who) {}

  core::Result<bool> Allows(const std::string& code, core::OrgAction action) {
    const auto key = std::make_pair(code, action);
    if (auto it = known_.find(key); it != known_.end()) return it->second;
    auto ancestry = AncestryOf(store_, code);
    if (!ancestry.ok()) return ancestry.error();
    const bool allowed =
        !ancestry.value().empty() && core::MayAccessOrganization(who_, ancestry.value(), action);
    known_[key] = allowed;
    return allowed;
  }

 private:
  storage::Store& store_;
  const core::Principal& who_;
  std::map<std::pair<std::string, core::OrgAction>, bool> known_;
};

core::Error TrainingNotFound(std::int64_t id) { return TrainingNotFoundError(id); }

// The attendees the caller sees, and the class's counts over them.
core::Result<TrainingView> Visible(Scope& scope, const core::Principal& who,
                                   core::TrainingClass training,
                                   std::vector<storage::StoredAttendee> all) {
  TrainingView view{std::move(training), {}};
  if (core::ReadsEveryOrganization(who)) {
    view.attendees = std::move(all);
  } else {
    for (storage::StoredAttendee& a : all) {
      auto sees = scope.Allows(a.attendee.org, core::OrgAction::kRead);
      if (!sees.ok()) return sees.error();
      if (sees.value()) view.attendees.push_back(std::move(a));
    }
  }
  view.training.attendees = static_cast<std::int64_t>(view.attendees.size());
  view.training.attended = 0;
  for (const storage::StoredAttendee& a : view.attendees) {
    if (a.attendee.attended) ++view.training.attended;
  }
  return view;
}

// The class and its whole list as stored, read in one snapshot; nullopt when there is none.
core::Result<std::optional<std::pair<core::TrainingClass, std::vector<storage::StoredAttendee>>>>
ReadClass(storage::Store& store, std::int64_t id) {
  std::optional<std::pair<core::TrainingClass, std::vector<storage::StoredAttendee>>> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::TrainingRecords records(tx);
    auto training = records.Get(id);
    if (!training.ok()) return training.error();
    if (!training.value()) return core::Status::Ok();
    auto attendees = records.Attendees(id);
    if (!attendees.ok()) return attendees.error();
    out.emplace(std::move(*training.value()), std::move(attendees).value());
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<TrainingView> ViewAfterWrite(storage::Store& store, const core::Principal& who,
                                          std::int64_t id) {
  auto view = GetTrainingClass(store, who, id);
  if (!view.ok()) return view.error();
  if (!view.value()) return TrainingNotFound(id);
  return std::move(*view.value());
}

}  // namespace

core::Error TrainingNotFoundError(std::int64_t id) {
  return core::Error::NotFound("no training class with id " + std::to_string(id), "id")
      .With("training_not_found", {{"id", std::to_string(id)}});
}

core::Result<core::TrainingClass> CreateTrainingClass(storage::Store& store,
                                                      const core::TrainingClassInput& input,
                                                      const storage::Actor& actor) {
  core::Result<core::TrainingClass> checked = core::CheckTrainingClass(input);
  if (!checked.ok()) return checked.error();
  core::TrainingClass stored;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    auto added = storage::TrainingRecords(tx).Add(checked.value());
    if (!added.ok()) return added.error();
    stored = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<storage::Page<core::TrainingClass>> ListTrainingClasses(
    storage::Store& store, const core::Principal& who, const storage::TrainingFilter& filter) {
  storage::Page<core::TrainingClass> page;
  std::vector<std::vector<storage::StoredAttendee>> lists;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::TrainingRecords records(tx);
    auto listed = records.List(filter);
    if (!listed.ok()) return listed.error();
    page = std::move(listed).value();
    if (core::ReadsEveryOrganization(who)) return core::Status::Ok();
    for (const core::TrainingClass& c : page.items) {
      auto attendees = records.Attendees(c.id);
      if (!attendees.ok()) return attendees.error();
      lists.push_back(std::move(attendees).value());
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  if (core::ReadsEveryOrganization(who)) return page;
  Scope scope(store, who);
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    auto view = Visible(scope, who, page.items[i], std::move(lists[i]));
    if (!view.ok()) return view.error();
    page.items[i] = view.value().training;
  }
  return page;
}

core::Result<std::optional<TrainingView>> GetTrainingClass(storage::Store& store,
                                                           const core::Principal& who,
                                                           std::int64_t id) {
  auto stored = ReadClass(store, id);
  if (!stored.ok()) return stored.error();
  if (!stored.value()) return std::optional<TrainingView>();
  Scope scope(store, who);
  auto view =
      Visible(scope, who, std::move(stored.value()->first), std::move(stored.value()->second));
  if (!view.ok()) return view.error();
  return std::optional<TrainingView>(std::move(view).value());
}

core::Result<TrainingView> AddTrainingAttendees(storage::Store& store, const core::Principal& who,
                                                std::int64_t id,
                                                const std::vector<core::Attendee>& attendees,
                                                const storage::Actor& actor) {
  auto stored = ReadClass(store, id);
  if (!stored.ok()) return stored.error();
  if (!stored.value()) return TrainingNotFound(id);
  // Codes are checked first (CheckAttendees), so no malformed code reaches the tree.
  std::vector<core::Attendee> existing;
  for (const storage::StoredAttendee& a : stored.value()->second) existing.push_back(a.attendee);
  if (core::Status s = core::CheckAttendees(attendees, existing); !s.ok()) return s.error();
  Scope scope(store, who);
  for (std::size_t i = 0; i < attendees.size(); ++i) {
    auto may = scope.Allows(attendees[i].org, core::OrgAction::kWriteOrganization);
    if (!may.ok()) return may.error();
    if (!may.value()) {
      return core::Error::Invalid("no organization with code " + attendees[i].org,
                                  "attendees[" + std::to_string(i) + "].org")
          .With("organization_not_found", {{"code", attendees[i].org}});
    }
  }
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    return storage::TrainingRecords(tx).AddAttendees(id, attendees);
  });
  if (!status.ok()) return status.error();
  return ViewAfterWrite(store, who, id);
}

core::Result<TrainingView> RemoveTrainingAttendees(
    storage::Store& store, const core::Principal& who, std::int64_t id,
    const std::vector<std::pair<std::string, std::string>>& who_leaves,
    const storage::Actor& actor) {
  auto stored = ReadClass(store, id);
  if (!stored.ok()) return stored.error();
  if (!stored.value()) return TrainingNotFound(id);
  if (who_leaves.empty()) {
    return core::Error::Invalid("attendees is empty: name at least one secretary", "attendees")
        .With("no_attendees");
  }
  std::set<std::pair<std::string, std::string>> listed;
  for (const storage::StoredAttendee& a : stored.value()->second) {
    listed.insert({a.attendee.org, a.attendee.person});
  }
  Scope scope(store, who);
  for (std::size_t i = 0; i < who_leaves.size(); ++i) {
    const auto& [org, person] = who_leaves[i];
    bool known = listed.count({org, person}) > 0;
    if (known) {
      auto may = scope.Allows(org, core::OrgAction::kWriteOrganization);
      if (!may.ok()) return may.error();
      known = may.value();
    }
    if (!known) {
      return core::Error::Invalid(person + " of " + org + " is not on the class's list",
                                  "attendees[" + std::to_string(i) + "]")
          .With("attendee_not_found", {{"person", person}, {"org", org}});
    }
  }
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    auto removed = storage::TrainingRecords(tx).RemoveAttendees(id, who_leaves);
    return removed.ok() ? core::Status::Ok() : core::Status(removed.error());
  });
  if (!status.ok()) return status.error();
  return ViewAfterWrite(store, who, id);
}

core::Result<std::vector<storage::TrainingHistoryRow>> TrainingHistory(storage::Store& store,
                                                                       const std::string& org,
                                                                       const std::string& person) {
  std::vector<storage::TrainingHistoryRow> rows;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto history = storage::TrainingRecords(tx).HistoryOf(org, person);
    if (!history.ok()) return history.error();
    rows = std::move(history).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return rows;
}

core::Status ExportTrainingClasses(storage::Store& store, const core::Principal& who, int year,
                                   exporting::TableWriter& out) {
  static constexpr exporting::TableColumn kColumns[] = {
      {"名称", exporting::ColumnKind::kText, 36},
      {"开始日期", exporting::ColumnKind::kDate, 12},
      {"结束日期", exporting::ColumnKind::kDate, 12},
      {"主办单位", exporting::ColumnKind::kText, 20},
      {"地点", exporting::ColumnKind::kText, 20},
      {"学员人数", exporting::ColumnKind::kInteger, 10},
      {"到课人数", exporting::ColumnKind::kInteger, 10},
      {"备注", exporting::ColumnKind::kText, 30},
  };
  if (core::Status s = out.Begin(kColumns); !s.ok()) return s;
  storage::TrainingFilter filter;
  filter.year = year;
  filter.limit = 500;
  for (;;) {
    auto page = ListTrainingClasses(store, who, filter);
    if (!page.ok()) return page.error();
    for (const core::TrainingClass& c : page.value().items) {
      const exporting::Cell cells[] = {
          exporting::Cell::Text(c.name),
          exporting::Cell::Date(c.starts_on),
          exporting::Cell::Date(c.ends_on),
          exporting::Cell::Text(c.organizer),
          exporting::Cell::Text(c.place),
          exporting::Cell::Number(static_cast<double>(c.attendees)),
          exporting::Cell::Number(static_cast<double>(c.attended)),
          exporting::Cell::Text(c.note),
      };
      if (core::Status s = out.Row(cells); !s.ok()) return s;
    }
    filter.offset += static_cast<std::int64_t>(page.value().items.size());
    if (page.value().items.empty() || filter.offset >= page.value().total) break;
  }
  return out.Finish();
}

}  // namespace grassroots::app
