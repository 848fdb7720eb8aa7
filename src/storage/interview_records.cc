#include "storage/interview_records.h"

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kInterviewColumns =
    "id, held_on, person, member_id, post, org_code, interviewer, reason, record, created_by,"
    " created_at";

core::InterviewRecord ReadInterview(const Statement& s) {
  core::InterviewRecord out;
  out.id = s.Int(0);
  out.on = core::ParseIsoDate(s.Text(1)).value_or(core::CivilDate{});
  out.person = TextOrEmpty(s, 2);
  out.member_id = TextOrEmpty(s, 3);
  out.post = TextOrEmpty(s, 4);
  out.org = TextOrEmpty(s, 5);
  out.interviewer = TextOrEmpty(s, 6);
  out.reason = TextOrEmpty(s, 7);
  out.record = TextOrEmpty(s, 8);
  out.recorded_by = TextOrEmpty(s, 9);
  out.recorded_at = TextOrEmpty(s, 10);
  return out;
}

std::string QuotedOrNull(const std::string& text) {
  return text.empty() ? std::string("null") : JsonQuote(text);
}

std::string InterviewJson(const core::InterviewRecord& i) {
  return JsonObject({{"id", std::to_string(i.id)},
                     {"on", JsonQuote(core::FormatIsoDate(i.on))},
                     {"person", JsonQuote(i.person)},
                     {"member_id", QuotedOrNull(i.member_id)},
                     {"post", JsonQuote(i.post)},
                     {"org", QuotedOrNull(i.org)},
                     {"interviewer", JsonQuote(i.interviewer)},
                     {"reason", JsonQuote(i.reason)},
                     {"record", JsonQuote(i.record)}});
}

// The WHERE clause of `filter` and its parameters.
std::pair<std::string, std::vector<SqlParam>> Where(const InterviewFilter& filter) {
  std::string where = " WHERE 1 = 1";
  std::vector<SqlParam> params;
  if (!filter.person.empty()) {
    where += " AND person_key = ?";
    params.emplace_back(filter.person);
  }
  if (filter.year != 0) {
    where += " AND held_on >= ? AND held_on <= ?";
    params.emplace_back(core::FormatIsoDate({filter.year, 1, 1}));
    params.emplace_back(core::FormatIsoDate({filter.year, 12, 31}));
  }
  return {where, params};
}

}  // namespace

core::Result<core::InterviewRecord> InterviewRecords::Add(core::InterviewRecord interview) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  interview.recorded_by = tx_.actor().name;
  interview.recorded_at = core::FormatUtc(db.clock().Now());
  if (core::Status s =
          Execute(db,
                  "INSERT INTO interviews (held_on, person_key, person, member_id, post, org_code,"
                  " interviewer, reason, record, created_at, created_by)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {core::FormatIsoDate(interview.on), interview.key(), interview.person,
                   NullIfEmpty(interview.member_id), interview.post, NullIfEmpty(interview.org),
                   interview.interviewer, interview.reason, interview.record, interview.recorded_at,
                   interview.recorded_by});
      !s.ok()) {
    return s.error();
  }
  // The shared SQL has no RETURNING; a write transaction holds the backend's write lock, so the
  // largest id is the row just inserted.
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM interviews");
  if (!id.ok()) return id.error();
  interview.id = id.value();
  if (core::Status s = tx_.Audit("interview.create", "interview:" + std::to_string(interview.id),
                                 std::nullopt, InterviewJson(interview));
      !s.ok()) {
    return s.error();
  }
  return interview;
}

core::Result<Page<core::InterviewRecord>> InterviewRecords::List(const InterviewFilter& filter) {
  if (core::Status s = CheckPaging(filter.offset, filter.limit); !s.ok()) return s.error();
  auto [where, params] = Where(filter);
  core::Result<std::int64_t> total =
      QueryCount(tx_.db(), "SELECT COUNT(*) FROM interviews" + where, params);
  if (!total.ok()) return total.error();
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  auto items = QueryAll<core::InterviewRecord>(
      tx_.db(),
      "SELECT " + std::string(kInterviewColumns) + " FROM interviews" + where +
          " ORDER BY held_on DESC, id DESC LIMIT ? OFFSET ?",
      params, ReadInterview);
  if (!items.ok()) return items.error();
  return Page<core::InterviewRecord>{std::move(items).value(), total.value()};
}

core::Result<std::vector<core::InterviewRecord>> InterviewRecords::OfPerson(
    const std::string& person) {
  return QueryAll<core::InterviewRecord>(
      tx_.db(),
      "SELECT " + std::string(kInterviewColumns) +
          " FROM interviews WHERE person_key = ? ORDER BY held_on, id",
      {person}, ReadInterview);
}

}  // namespace grassroots::storage
