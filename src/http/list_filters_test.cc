#include "http/list_filters.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "http/read_memo.h"

namespace grassroots::http {
namespace {

std::string KeyOf(const storage::OrgFilter& filter) {
  MemoKey key("/organizations");
  AddFilterKey(key, filter);
  return key.text();
}

// A remembered list is found again by this key: two filters that differ in any field must get
// different keys, or one caller would be answered with another's list.
TEST(FilterKeyTest, EveryFieldOfTheFilterChangesTheKey) {
  const std::vector<std::function<void(storage::OrgFilter&)>> changes = {
      [](auto& f) { f.unit = "C0001"; },
      [](auto& f) { f.type = "village"; },
      [](auto& f) { f.parent = "C0001-0001"; },
      [](auto& f) { f.direct = true; },
      [](auto& f) { f.direct = false; },
      [](auto& f) { f.ended = true; },
      [](auto& f) { f.ended = false; },
      [](auto& f) { f.query = "村"; },
      [](auto& f) { f.within = {"C0001"}; },
      [](auto& f) { f.only = {"C0001"}; },
      [](auto& f) { f.restrict_to_scope = true; },
      [](auto& f) { f.grade = "D"; },
      [](auto& f) { f.selected = true; },
      [](auto& f) { f.selected = false; },
      [](auto& f) { f.ranked = true; },
      [](auto& f) { f.offset = 50; },
      [](auto& f) { f.limit = 20; },
  };
  std::set<std::string> keys{KeyOf({})};
  for (const auto& change : changes) {
    storage::OrgFilter filter;
    change(filter);
    EXPECT_TRUE(keys.insert(KeyOf(filter)).second) << KeyOf(filter);
  }
}

// Values cannot run into each other: a code moved from `within` to `only`, or text moved from
// one field to the next, is another key.
TEST(FilterKeyTest, ValuesKeepTheirFields) {
  storage::OrgFilter within;
  within.within = {"C0001"};
  storage::OrgFilter only;
  only.only = {"C0001"};
  EXPECT_NE(KeyOf(within), KeyOf(only));

  storage::OrgFilter one;
  one.unit = "ab";
  storage::OrgFilter other;
  other.unit = "a";
  other.type = "b";
  EXPECT_NE(KeyOf(one), KeyOf(other));

  storage::OrgFilter two;
  two.within = {"a", "b"};
  storage::OrgFilter joined;
  joined.within = {"ab"};
  EXPECT_NE(KeyOf(two), KeyOf(joined));
}

}  // namespace
}  // namespace grassroots::http
