#include "storage/audited_rows.h"

#include <gtest/gtest.h>

#include <charconv>
#include <limits>
#include <string>

namespace grassroots::storage {
namespace {

std::string ToChars(double value) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, end) : "null";
}

std::string Appended(double value) {
  std::string out = "[";
  AppendJsonNumber(out, value);
  return out.substr(1);
}

// The change records' JSON is hashed into the audit chain: a score written the quick way must
// be byte for byte what std::to_chars writes, or a record written now would not match the same
// row written before.
TEST(AuditedRows, NumbersAreWrittenAsToCharsWritesThemForEveryTenthAndBeyond) {
  for (int k = -120000; k <= 120000; ++k) {
    const double value = k / 10.0;
    ASSERT_EQ(Appended(value), ToChars(value)) << k;
  }
  for (double value : {-0.0, 0.05, 0.25, 1234.56, 9999.95, 1e-7, 1e5, 1e6, 1e20, 123456789.5,
                       0.1 + 0.2, 80.30000000000001, -0.1, std::numeric_limits<double>::max(),
                       std::numeric_limits<double>::denorm_min()}) {
    EXPECT_EQ(Appended(value), ToChars(value)) << value;
  }
  EXPECT_EQ(Appended(80.3), "80.3");
  EXPECT_EQ(Appended(71), "71");
  EXPECT_EQ(Appended(-0.0), "-0");
}

}  // namespace
}  // namespace grassroots::storage
