// `grassroots eligible PERSON --year Y` on the demo database, which holds interviews (约谈) of
// 2016 and one of 2015: yes or no with the interviews that block the year, exit 0 either way.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

class EligibleCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new Scratch();
    BuildDemo(*scratch_);
  }
  static void TearDownTestSuite() {
    delete scratch_;
    scratch_ = nullptr;
  }
  // The person key of someone interviewed in 2016 only, and the day of that interview.
  static std::string Interviewed2016(std::string& day) {
    const std::string row = scratch_->Dump(
        "SELECT person_key, MIN(held_on) FROM interviews GROUP BY person_key"
        " HAVING MIN(held_on) >= '2016-01-01' AND COUNT(*) = 1 ORDER BY person_key LIMIT 1");
    const std::size_t bar = row.find('|');
    day = row.substr(bar + 1, 10);
    return row.substr(0, bar);
  }
  static Scratch* scratch_;
};
Scratch* EligibleCli::scratch_ = nullptr;

TEST_F(EligibleCli, AnInterviewBlocksItsYearAndNamesItself) {
  std::string day;
  const std::string person = Interviewed2016(day);
  ASSERT_FALSE(person.empty());
  const Outcome blocked = scratch_->Run({"eligible", person, "--year", "2016"});
  EXPECT_EQ(blocked.exit_code, 0) << blocked.err;
  EXPECT_EQ(blocked.out.substr(0, 3), "no\n");
  EXPECT_NE(blocked.out.find(day), std::string::npos) << blocked.out;
  EXPECT_NE(blocked.out.find(person), std::string::npos);

  const Outcome next_year = scratch_->Run({"eligible", person, "--year", "2017"});
  EXPECT_EQ(next_year.exit_code, 0);
  EXPECT_EQ(next_year.out, "yes\n");
}

TEST_F(EligibleCli, SomeoneNeverInterviewedIsEligible) {
  const Outcome answer = scratch_->Run({"eligible", "从未约谈", "--year", "2016"});
  EXPECT_EQ(answer.exit_code, 0);
  EXPECT_EQ(answer.out, "yes\n");
}

TEST_F(EligibleCli, UsageAndInputErrorsHaveTheirExitCodes) {
  EXPECT_EQ(scratch_->Run({"eligible", "someone"}).exit_code, 2);              // no --year
  EXPECT_EQ(scratch_->Run({"eligible", "--year", "2016"}).exit_code, 2);       // no PERSON
  EXPECT_EQ(scratch_->Run({"eligible", "x", "--year", "1800"}).exit_code, 2);  // out of range
  const Outcome empty = scratch_->Run({"eligible", "", "--year", "2016"});
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_NE(empty.err.find("PERSON"), std::string::npos);
}

}  // namespace
}  // namespace grassroots::testing
