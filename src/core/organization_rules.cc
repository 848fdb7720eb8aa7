#include "core/organization_rules.h"

#include <string>

#include "core/field_rules.h"
#include "core/text.h"

namespace grassroots::core {

Result<OrgType> ReadOrgType(std::string_view text) {
  return ReadVocabulary<OrgType>("type", text, ParseOrgType, kOrgTypeNames);
}

Result<OrgKind> ReadOrgKind(std::string_view text) {
  return ReadVocabulary<OrgKind>("kind", text, ParseOrgKind, kOrgKindNames);
}

Result<MemberStatus> ReadMemberStatus(std::string_view text) {
  return ReadVocabulary<MemberStatus>("status", text, ParseMemberStatus, kMemberStatusNames);
}

std::vector<Error> CheckOrganization(const Organization& org) {
  std::vector<Error> errors;
  if (!IsValidCode(org.code)) Collect(errors, CheckCode("code", org.code));
  if (org.name.empty() || !FitsName(org.name)) Collect(errors, CheckName("name", org.name, true));
  if (!org.parent.empty() && org.parent == org.code) {
    errors.push_back(
        Error::Invalid("organization " + Quoted(org.code) + " cannot be its own parent", "parent")
            .With("own_parent", {{"code", Excerpt(org.code)}}));
  } else if (!org.parent.empty() && !IsValidCode(org.parent)) {
    Collect(errors, CheckCode("parent", org.parent));
  }
  if (!FitsName(org.secretary)) Collect(errors, CheckName("secretary", org.secretary, false));
  if (!org.unit.empty() && !IsValidCode(org.unit)) Collect(errors, CheckCode("unit", org.unit));
  return errors;
}

std::vector<Error> CheckMember(const Member& member, const CivilDate& today) {
  std::vector<Error> errors;
  if (!IsValidCode(member.id)) Collect(errors, CheckCode("id", member.id));
  if (member.name.empty() || !FitsName(member.name)) {
    Collect(errors, CheckName("name", member.name, true));
  }
  if (!IsValidCode(member.org)) Collect(errors, CheckCode("org", member.org));
  if (!member.joined.empty()) Collect(errors, CheckDate("joined", member.joined, today));
  return errors;
}

}  // namespace grassroots::core
