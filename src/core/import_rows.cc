#include "core/import_rows.h"

#include "core/import_checks.h"

namespace grassroots::core {

std::vector<LineError> ValidateOrganizations(std::vector<Row<Organization>>& rows,
                                             const StoredOrgs& stored) {
  OrgBatchCheck check;
  for (const auto& [code, org] : stored) check.AddStored(code, org.parent, org.unit, org.ended);
  for (const Row<Organization>& row : rows) {
    check.AddRow(row.line, row.value.code, row.value.parent, row.value.unit);
  }
  std::vector<LineError> errors = check.Finish();
  if (!errors.empty()) return errors;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].value.unit.empty()) rows[i].value.unit = check.UnitOf(i);
  }
  return errors;
}

namespace {

CodeSet CodesOf(const std::unordered_set<std::string>& org_codes) {
  CodeSet codes;
  for (const std::string& code : org_codes) codes.Insert(code);
  return codes;
}

}  // namespace

std::vector<LineError> ValidateMembers(const std::vector<Row<Member>>& rows,
                                       const std::unordered_set<std::string>& org_codes) {
  const CodeSet codes = CodesOf(org_codes);
  MemberBatchCheck check(codes);
  for (const Row<Member>& row : rows) check.AddRow(row.line, row.value.id, row.value.org);
  return check.Finish();
}

std::vector<LineError> ValidateScores(const std::vector<Row<ScoreRecord>>& rows,
                                      const std::unordered_set<std::string>& org_codes) {
  const CodeSet codes = CodesOf(org_codes);
  ScoreBatchCheck check(codes);
  for (const Row<ScoreRecord>& row : rows) check.AddRow(row.line, row.value.code, row.value.year);
  return check.Finish();
}

}  // namespace grassroots::core
