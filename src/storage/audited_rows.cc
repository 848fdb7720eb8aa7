#include "storage/audited_rows.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "storage/row_json.h"

namespace grassroots::storage {

// Scores are given to a tenth (csv's ParseDecimal), so nearly every value takes the first way:
// std::to_chars' shortest round trip costs about 50 ns a value, 3 s of CPU for the 62 million
// of a country's two years of scores, where the tenths take a tenth of that.
void AppendJsonNumber(std::string& out, double value) {
  // A whole number of tenths below 10,000 (and not -0): written as to_chars writes it, the
  // fixed form, which is then the shorter one. "d.d" is the shortest decimal that reads back as
  // the value, because the tenths are exact: k / 10.0 == value.
  constexpr double kTenthsBelow = 100000;
  const double tenths = std::nearbyint(value * 10);
  if (std::fabs(tenths) < kTenthsBelow && tenths / 10 == value &&
      !(value == 0 && std::signbit(value))) {
    auto k = static_cast<std::int32_t>(tenths);
    if (k < 0) {
      out += '-';
      k = -k;
    }
    char digits[8];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, k / 10);
    out.append(digits, end);
    if (k % 10 != 0) {
      out += '.';
      out += static_cast<char>('0' + k % 10);
    }
    return;
  }
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec == std::errc()) {
    out.append(buf, end);
  } else {
    out += "null";
  }
}

core::Organization ReadOrg(const Statement& s, int c) {
  core::Organization org;
  org.code = s.Text(c);
  org.name = s.Text(c + 1);
  org.type = core::ParseOrgType(s.Text(c + 2)).value_or(core::OrgType::kVillage);
  org.kind = core::ParseOrgKind(s.Text(c + 3)).value_or(core::OrgKind::kBranch);
  if (!s.IsNull(c + 4)) org.parent = s.Text(c + 4);
  org.secretary = s.Text(c + 5);
  org.unit = s.Text(c + 6);
  if (auto on = core::ParseIsoDate(s.Text(c + 7))) {
    org.end =
        core::OrgEnd{core::ParseOrgEndKind(s.Text(c + 8)).value_or(core::OrgEndKind::kDissolved),
                     *on, std::string(s.Text(c + 9)), std::string(s.Text(c + 10))};
  }
  return org;
}

core::Member ReadMember(const Statement& s) {
  core::Member m;
  m.id = s.Text(0);
  m.name = s.Text(1);
  m.org = s.Text(2);
  m.status = core::ParseMemberStatus(s.Text(3)).value_or(core::MemberStatus::kRegular);
  if (!s.IsNull(4)) m.joined = s.Text(4);
  if (auto on = core::ParseIsoDate(s.Text(5))) {
    m.left = core::MemberLeave{core::ParseLeaveKind(s.Text(6)).value_or(core::LeaveKind::kOther),
                               *on, std::string(s.Text(7))};
  }
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

int EntityYear(std::string_view entity) {
  constexpr std::string_view kPrefix = "score:";
  if (!entity.starts_with(kPrefix) || entity.size() < kPrefix.size() + 6) return 0;
  const std::string_view year = entity.substr(entity.size() - 4);
  if (entity[entity.size() - 5] != ':') return 0;
  int value = 0;
  for (char c : year) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

namespace {

// Each row is written by appending to one string: an import writes millions of them.
std::string WriteOrg(const core::Organization& org, RowForm form) {
  return RowJson(RowShape::kOrganization, form, 160 + org.name.size())
      .Text(org.code)
      .Text(org.name)
      .Text(core::ToString(org.type))
      .Text(core::ToString(org.kind))
      .TextOrNull(org.parent)
      .Text(org.secretary)
      .Text(org.unit)
      .Finish();
}

std::string WriteMember(const core::Member& m, RowForm form) {
  return RowJson(RowShape::kMember, form, 120 + m.name.size())
      .Text(m.id)
      .Text(m.name)
      .Text(m.org)
      .Text(core::ToString(m.status))
      .TextOrNull(m.joined)
      .Finish();
}

std::string WriteScore(const core::ScoreRecord& r, RowForm form) {
  RowJson json(RowShape::kScore, form, 200 + r.reason.size());
  json.Text(r.code).Integer(r.year);
  for (int d = 0; d < core::kDimensionCount; ++d) json.Number(r.dimensions[d]);
  if (r.committee_grade) {
    json.Text(core::ToString(*r.committee_grade));
  } else {
    json.Null();
  }
  return json.TextOrNull(r.reason).Finish();
}

}  // namespace

std::string OrgJson(const core::Organization& org) { return WriteOrg(org, RowForm::kObject); }
std::string MemberJson(const core::Member& m) { return WriteMember(m, RowForm::kObject); }
std::string ScoreJson(const core::ScoreRecord& r) { return WriteScore(r, RowForm::kObject); }

std::string OrgCompactJson(const core::Organization& org) {
  return WriteOrg(org, RowForm::kCompact);
}
std::string MemberCompactJson(const core::Member& m) { return WriteMember(m, RowForm::kCompact); }
std::string ScoreCompactJson(const core::ScoreRecord& r) {
  return WriteScore(r, RowForm::kCompact);
}

}  // namespace grassroots::storage
