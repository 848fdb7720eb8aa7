// A digest as a person reads it (digest_files.h): the items due and overdue, then the first
// secretaries' reports missing, as stored.
#include "app/digest_files.h"

#include <gtest/gtest.h>

namespace grassroots::app {
namespace {

TEST(DigestText, AMissingReportIsListedWithItsVillageMonthKindAndDueDay) {
  storage::DigestRecord d;
  d.id = 7;
  d.week = "2016-W10";
  d.recipient = "user:fs_wang";
  d.kind = "person";
  d.name = "王第一";
  d.reports = {{"D1-1", "一村", "2016-03", "work_plan", "2016-03-05", "fs_wang", "王第一"}};
  const std::string text = DigestText(d);
  EXPECT_NE(text.find("未报送的第一书记报告（1份）"), std::string::npos) << text;
  EXPECT_NE(text.find("一村（D1-1）：2016-03 月初工作计划；第一书记 王第一；应报送日期 2016-03-05"),
            std::string::npos)
      << text;
}

TEST(DigestText, ADigestWithoutMissingReportsSaysNone) {
  storage::DigestRecord d;
  d.week = "2016-W20";
  d.kind = "unit";
  d.name = "D1";
  EXPECT_NE(DigestText(d).find("未报送的第一书记报告（0份）"), std::string::npos);
}

}  // namespace
}  // namespace grassroots::app
