#include "storage/training_records.h"

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

// A class's columns and its list's counts, over `training_classes c`.
constexpr std::string_view kClassColumns =
    "c.id, c.name, c.starts_on, c.ends_on, c.organizer, c.place, c.note, c.created_by,"
    " c.created_at,"
    " (SELECT COUNT(*) FROM training_attendees t WHERE t.class_id = c.id),"
    " (SELECT COUNT(*) FROM training_attendees t WHERE t.class_id = c.id AND t.attended = 1)";

core::CivilDate DateOf(const Statement& s, int column) {
  return core::ParseIsoDate(s.Text(column)).value_or(core::CivilDate{});
}

core::TrainingClass ReadClass(const Statement& s) {
  core::TrainingClass c;
  c.id = s.Int(0);
  c.name = std::string(s.Text(1));
  c.starts_on = DateOf(s, 2);
  c.ends_on = DateOf(s, 3);
  c.organizer = std::string(s.Text(4));
  c.place = std::string(s.Text(5));
  c.note = std::string(s.Text(6));
  c.recorded_by = std::string(s.Text(7));
  c.recorded_at = std::string(s.Text(8));
  c.attendees = s.Int(9);
  c.attended = s.Int(10);
  return c;
}

std::string ClassJson(const core::TrainingClass& c) {
  return JsonObject({{"id", std::to_string(c.id)},
                     {"name", JsonQuote(c.name)},
                     {"starts_on", JsonQuote(core::FormatIsoDate(c.starts_on))},
                     {"ends_on", JsonQuote(core::FormatIsoDate(c.ends_on))},
                     {"organizer", JsonQuote(c.organizer)},
                     {"place", JsonQuote(c.place)},
                     {"note", JsonQuote(c.note)}});
}

std::string AttendeeJson(std::int64_t class_id, const core::Attendee& a) {
  return JsonObject({{"class_id", std::to_string(class_id)},
                     {"person", JsonQuote(a.person)},
                     {"org", JsonQuote(a.org)},
                     {"attended", a.attended ? "true" : "false"},
                     {"note", JsonQuote(a.note)}});
}

StoredAttendee ReadAttendee(const Statement& s) {
  StoredAttendee out;
  out.id = s.Int(0);
  out.class_id = s.Int(1);
  out.attendee.person = std::string(s.Text(2));
  out.attendee.org = std::string(s.Text(3));
  out.attendee.attended = s.Int(4) != 0;
  out.attendee.note = std::string(s.Text(5));
  out.org_name = TextOrEmpty(s, 6);
  return out;
}

}  // namespace

core::Result<core::TrainingClass> TrainingRecords::Add(core::TrainingClass training) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  training.recorded_by = tx_.actor().name;
  training.recorded_at = core::FormatUtc(db.clock().Now());
  if (core::Status s =
          Execute(db,
                  "INSERT INTO training_classes (name, starts_on, ends_on, organizer,"
                  " place, note, created_at, created_by)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  {training.name, core::FormatIsoDate(training.starts_on),
                   core::FormatIsoDate(training.ends_on), training.organizer, training.place,
                   training.note, training.recorded_at, training.recorded_by});
      !s.ok()) {
    return s.error();
  }
  // No RETURNING in the shared SQL; the write transaction holds the backend's write lock, so
  // the largest id is the row just inserted.
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM training_classes");
  if (!id.ok()) return id.error();
  training.id = id.value();
  if (core::Status s = tx_.Audit("training.create", "training:" + std::to_string(training.id),
                                 std::nullopt, ClassJson(training));
      !s.ok()) {
    return s.error();
  }
  return training;
}

core::Result<Page<core::TrainingClass>> TrainingRecords::List(const TrainingFilter& filter) {
  if (core::Status s = CheckPaging(filter.offset, filter.limit); !s.ok()) return s.error();
  std::string where = " WHERE 1 = 1";
  std::vector<SqlParam> params;
  if (filter.year != 0) {
    where += " AND c.starts_on >= ? AND c.starts_on <= ?";
    params.emplace_back(core::FormatIsoDate({filter.year, 1, 1}));
    params.emplace_back(core::FormatIsoDate({filter.year, 12, 31}));
  }
  core::Result<std::int64_t> total =
      QueryCount(tx_.db(), "SELECT COUNT(*) FROM training_classes c" + where, params);
  if (!total.ok()) return total.error();
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  auto items = QueryAll<core::TrainingClass>(
      tx_.db(),
      "SELECT " + std::string(kClassColumns) + " FROM training_classes c" + where +
          " ORDER BY c.starts_on DESC, c.id DESC LIMIT ? OFFSET ?",
      params, ReadClass);
  if (!items.ok()) return items.error();
  return Page<core::TrainingClass>{std::move(items).value(), total.value()};
}

core::Result<std::optional<core::TrainingClass>> TrainingRecords::Get(std::int64_t id) {
  return QueryOne<core::TrainingClass>(
      tx_.db(), "SELECT " + std::string(kClassColumns) + " FROM training_classes c WHERE c.id = ?",
      {id}, ReadClass);
}

core::Result<std::vector<StoredAttendee>> TrainingRecords::Attendees(std::int64_t class_id) {
  return QueryAll<StoredAttendee>(
      tx_.db(),
      "SELECT a.id, a.class_id, a.person, a.org_code, a.attended, a.note, o.name"
      " FROM training_attendees a LEFT JOIN organizations o ON o.code = a.org_code"
      " WHERE a.class_id = ? ORDER BY a.org_code, a.person",
      {class_id}, ReadAttendee);
}

core::Status TrainingRecords::AddAttendees(std::int64_t class_id,
                                           const std::vector<core::Attendee>& attendees) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  Database& db = tx_.db();
  const std::string now = core::FormatUtc(db.clock().Now());
  for (const core::Attendee& a : attendees) {
    if (core::Status s = Execute(db,
                                 "INSERT INTO training_attendees (class_id, person, org_code,"
                                 " attended, note, created_at, created_by)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 {class_id, a.person, a.org, std::int64_t{a.attended ? 1 : 0},
                                  a.note, now, tx_.actor().name});
        !s.ok()) {
      return s;
    }
    core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM training_attendees");
    if (!id.ok()) return id.error();
    if (core::Status s =
            tx_.Audit("training.attendee.add", "training_attendee:" + std::to_string(id.value()),
                      std::nullopt, AttendeeJson(class_id, a));
        !s.ok()) {
      return s;
    }
  }
  return core::Status::Ok();
}

core::Result<std::int64_t> TrainingRecords::RemoveAttendees(
    std::int64_t class_id, const std::vector<std::pair<std::string, std::string>>& who) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  std::int64_t removed = 0;
  for (const auto& [org, person] : who) {
    auto row = QueryOne<StoredAttendee>(
        db,
        "SELECT a.id, a.class_id, a.person, a.org_code, a.attended, a.note, NULL"
        " FROM training_attendees a WHERE a.class_id = ? AND a.org_code = ? AND a.person = ?",
        {class_id, org, person}, ReadAttendee);
    if (!row.ok()) return row.error();
    if (!row.value()) continue;
    if (core::Status s =
            Execute(db, "DELETE FROM training_attendees WHERE id = ?", {row.value()->id});
        !s.ok()) {
      return s.error();
    }
    if (core::Status s = tx_.Audit("training.attendee.remove",
                                   "training_attendee:" + std::to_string(row.value()->id),
                                   AttendeeJson(class_id, row.value()->attendee), std::nullopt);
        !s.ok()) {
      return s.error();
    }
    ++removed;
  }
  return removed;
}

core::Result<std::vector<TrainingHistoryRow>> TrainingRecords::HistoryOf(
    const std::string& org, const std::string& person) {
  std::string sql = "SELECT " + std::string(kClassColumns) +
                    ", a.person, a.org_code, a.attended, a.note"
                    " FROM training_attendees a JOIN training_classes c ON c.id = a.class_id"
                    " WHERE a.org_code = ?";
  std::vector<SqlParam> params{org};
  if (!person.empty()) {
    sql += " AND a.person = ?";
    params.emplace_back(person);
  }
  sql += " ORDER BY c.starts_on, c.id, a.person";
  return QueryAll<TrainingHistoryRow>(tx_.db(), sql, params, [](const Statement& s) {
    TrainingHistoryRow row;
    row.training = ReadClass(s);
    row.attendee.person = std::string(s.Text(11));
    row.attendee.org = std::string(s.Text(12));
    row.attendee.attended = s.Int(13) != 0;
    row.attendee.note = std::string(s.Text(14));
    return row;
  });
}

}  // namespace grassroots::storage
