#include "storage/audited_rows.h"

#include <charconv>
#include <utility>
#include <vector>

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

std::string JsonNumber(double value) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, end) : "null";
}

}  // namespace

core::Organization ReadOrg(const Statement& s, int c) {
  core::Organization org;
  org.code = s.Text(c);
  org.name = s.Text(c + 1);
  org.type = core::ParseOrgType(s.Text(c + 2)).value_or(core::OrgType::kVillage);
  org.kind = core::ParseOrgKind(s.Text(c + 3)).value_or(core::OrgKind::kBranch);
  if (!s.IsNull(c + 4)) org.parent = s.Text(c + 4);
  org.secretary = s.Text(c + 5);
  org.unit = s.Text(c + 6);
  return org;
}

core::Member ReadMember(const Statement& s) {
  core::Member m;
  m.id = s.Text(0);
  m.name = s.Text(1);
  m.org = s.Text(2);
  m.status = core::ParseMemberStatus(s.Text(3)).value_or(core::MemberStatus::kRegular);
  if (!s.IsNull(4)) m.joined = s.Text(4);
  return m;
}

core::ScoreRecord ReadScore(const Statement& s) {
  core::ScoreRecord r;
  r.code = s.Text(0);
  r.year = static_cast<int>(s.Int(1));
  for (int d = 0; d < core::kDimensionCount; ++d) r.dimensions[d] = s.Double(2 + d);
  if (!s.IsNull(8)) r.committee_grade = core::ParseGrade(s.Text(8));
  if (!s.IsNull(9)) r.reason = s.Text(9);
  return r;
}

std::string OrgEntity(std::string_view code) { return "organization:" + std::string(code); }

std::string MemberEntity(std::string_view id) { return "member:" + std::string(id); }

std::string ScoreEntity(std::string_view code, int year) {
  return "score:" + std::string(code) + ":" + std::to_string(year);
}

std::string OrgJson(const core::Organization& org) {
  return JsonObject({{"code", JsonQuote(org.code)},
                     {"name", JsonQuote(org.name)},
                     {"type", JsonQuote(core::ToString(org.type))},
                     {"kind", JsonQuote(core::ToString(org.kind))},
                     {"parent", org.parent.empty() ? "null" : JsonQuote(org.parent)},
                     {"secretary", JsonQuote(org.secretary)},
                     {"unit", JsonQuote(org.unit)}});
}

std::string MemberJson(const core::Member& m) {
  return JsonObject({{"id", JsonQuote(m.id)},
                     {"name", JsonQuote(m.name)},
                     {"org", JsonQuote(m.org)},
                     {"status", JsonQuote(core::ToString(m.status))},
                     {"joined", m.joined.empty() ? "null" : JsonQuote(m.joined)}});
}

std::string ScoreJson(const core::ScoreRecord& r) {
  std::vector<std::pair<std::string_view, std::string>> fields = {{"code", JsonQuote(r.code)},
                                                                  {"year", std::to_string(r.year)}};
  for (int d = 0; d < core::kDimensionCount; ++d) {
    fields.emplace_back(core::kDimensionKeys[d], JsonNumber(r.dimensions[d]));
  }
  fields.emplace_back("grade",
                      r.committee_grade ? JsonQuote(core::ToString(*r.committee_grade)) : "null");
  fields.emplace_back("reason", r.reason.empty() ? "null" : JsonQuote(r.reason));
  return JsonObject(fields);
}

}  // namespace grassroots::storage
