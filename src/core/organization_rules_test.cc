#include "core/organization_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/test_support.h"

namespace grassroots::core {
namespace {

using Strings = std::vector<std::string>;

Organization ValidOrg() {
  return {"V01", "北极村党支部", OrgType::kVillage, OrgKind::kBranch, "T01", "王书记", "", {}};
}

Member ValidMember() { return {"M1", "张三", "V01", MemberStatus::kRegular, "2016-02-29", {}}; }

constexpr CivilDate kOrganizationRulesToday{2016, 7, 1};

TEST(OrganizationRules, AValidOrganizationPasses) {
  EXPECT_TRUE(CheckOrganization(ValidOrg()).empty());
  Organization direct = ValidOrg();
  direct.parent = "";
  direct.secretary = "";
  direct.unit = "U1";
  EXPECT_TRUE(CheckOrganization(direct).empty());
}

TEST(OrganizationRules, EachFieldIsCheckedByItsRule) {
  const struct {
    const char* what;
    void (*change)(Organization&);
    const char* found;
  } cases[] = {
      {"empty code", [](Organization& o) { o.code = ""; }, "code:empty"},
      {"code with a slash", [](Organization& o) { o.code = "a/b"; }, "code:invalid_code"},
      {"empty name", [](Organization& o) { o.name = ""; }, "name:empty"},
      {"600 KB name", [](Organization& o) { o.name = std::string(600 * 1024, 'x'); },
       "name:too_long"},
      {"name with a line break", [](Organization& o) { o.name = "a\nb"; },
       "name:control_characters"},
      {"own parent", [](Organization& o) { o.parent = o.code; }, "parent:own_parent"},
      {"parent too long", [](Organization& o) { o.parent = std::string(65, 'p'); },
       "parent:too_long"},
      {"secretary too long", [](Organization& o) { o.secretary = std::string(101, 's'); },
       "secretary:too_long"},
      {"unit with a slash", [](Organization& o) { o.unit = "../x"; }, "unit:invalid_code"},
  };
  for (const auto& c : cases) {
    Organization org = ValidOrg();
    c.change(org);
    EXPECT_EQ(Found(CheckOrganization(org)), Strings{c.found}) << c.what;
  }
  Organization own = ValidOrg();
  own.parent = own.code;
  EXPECT_EQ(CheckOrganization(own)[0].message, "organization \"V01\" cannot be its own parent");
}

TEST(OrganizationRules, TypesKindsAndStatusesAreReadByApiOrChineseName) {
  EXPECT_EQ(ReadOrgType("事业单位").value(), OrgType::kInstitution);
  EXPECT_EQ(ReadOrgKind("general_branch").value(), OrgKind::kGeneralBranch);
  EXPECT_EQ(ReadMemberStatus("口袋党员").value(), MemberStatus::kPocket);
  const auto type = ReadOrgType("farm");
  EXPECT_EQ(type.error().field, "type");
  EXPECT_EQ(type.error().message,
            "unknown type \"farm\" (expected village, community, soe, nonpublic, agency, "
            "institution or 农村, 行政村, 社区, 国企, 非公, 机关, 事业单位)");
  EXPECT_EQ(ReadOrgKind("cell").error().params.back().second, kOrgKindNames);
  EXPECT_EQ(ReadMemberStatus("").error().reason, "empty");
  EXPECT_EQ(ReadMemberStatus("active").error().field, "status");
}

TEST(MemberRules, EachFieldIsCheckedByItsRule) {
  EXPECT_TRUE(CheckMember(ValidMember(), kOrganizationRulesToday).empty());
  const struct {
    const char* what;
    void (*change)(Member&);
    const char* found;
  } cases[] = {
      {"empty id", [](Member& m) { m.id = ""; }, "id:empty"},
      {"id with a slash", [](Member& m) { m.id = "a/b"; }, "id:invalid_code"},
      {"empty name", [](Member& m) { m.name = ""; }, "name:empty"},
      {"long name", [](Member& m) { m.name = std::string(101, 'n'); }, "name:too_long"},
      {"empty org", [](Member& m) { m.org = ""; }, "org:empty"},
      {"30 February", [](Member& m) { m.joined = "2016-02-30"; }, "joined:not_a_date"},
      {"not a date", [](Member& m) { m.joined = "not-a-date"; }, "joined:not_a_date"},
      {"after today", [](Member& m) { m.joined = "2016-07-02"; }, "joined:date_out_of_range"},
      {"before 1900", [](Member& m) { m.joined = "1899-12-31"; }, "joined:date_out_of_range"},
  };
  for (const auto& c : cases) {
    Member member = ValidMember();
    c.change(member);
    EXPECT_EQ(Found(CheckMember(member, kOrganizationRulesToday)), Strings{c.found}) << c.what;
  }
  Member unknown_date = ValidMember();
  unknown_date.joined = "";
  EXPECT_TRUE(CheckMember(unknown_date, kOrganizationRulesToday).empty())
      << "the joining date is optional";
}

}  // namespace
}  // namespace grassroots::core
