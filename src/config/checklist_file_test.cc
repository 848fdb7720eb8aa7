#include "config/checklist_file.h"

#include <gtest/gtest.h>

namespace grassroots::config {
namespace {

constexpr std::string_view kGood = R"(name = "test"

[[checklist]]
id = "venue_10"
name = "十有"
feeds = "venue"
items = [
  { key = "room", text = "有场所" },
  { key = "sign", text = "有牌子" },
]

[[checklist]]
id = "village_standard"
name = "村"
types = ["village"]
items = [{ key = "team", text = "班子" }]
)";

// The same file with `from` replaced by `to` once.
std::string With(std::string_view from, std::string_view to) {
  std::string text(kGood);
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

core::Error ErrorOf(const std::string& text) {
  auto loaded = ParseChecklists(text, "mine.toml");
  EXPECT_FALSE(loaded.ok());
  return loaded.ok() ? core::Error{} : loaded.error();
}

TEST(ChecklistFile, ReadsChecklistsTheirTypesFeedsAndItems) {
  auto loaded = ParseChecklists(kGood, "mine.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const core::ChecklistSet& set = loaded.value().set;
  EXPECT_EQ(set.name, "test");
  ASSERT_EQ(set.checklists.size(), 2u);
  EXPECT_EQ(set.checklists[0].feeds, core::Dimension::kVenue);
  EXPECT_TRUE(set.checklists[0].types.empty());
  ASSERT_EQ(set.checklists[0].items.size(), 2u);
  EXPECT_EQ(set.checklists[0].items[1].key, "sign");
  EXPECT_EQ(set.checklists[0].items[1].text, "有牌子");
  EXPECT_EQ(set.checklists[1].types, std::vector<core::OrgType>{core::OrgType::kVillage});
  EXPECT_FALSE(set.checklists[1].feeds.has_value());
}

TEST(ChecklistFile, NamesTheFileLineAndKeyOfAnUnknownDimension) {
  const core::Error error = ErrorOf(With("feeds = \"venue\"", "feeds = \"venu\""));
  EXPECT_EQ(error.field, "checklist[1].feeds");
  EXPECT_EQ(error.reason, "checklist_file_invalid");
  EXPECT_EQ(error.message.rfind("mine.toml:6: key \"checklist[1].feeds\": unknown dimension", 0),
            0u)
      << error.message;
}

TEST(ChecklistFile, NamesTheLineOfAnUnknownKey) {
  const core::Error error = ErrorOf(With("name = \"村\"", "name = \"村\"\nfeed = \"team\""));
  EXPECT_EQ(error.field, "checklist[2].feed");
  EXPECT_NE(error.message.find("mine.toml:15:"), std::string::npos) << error.message;
}

TEST(ChecklistFile, NamesTheLineOfADuplicateItemKey) {
  const core::Error error = ErrorOf(With("key = \"sign\"", "key = \"room\""));
  EXPECT_EQ(error.field, "checklist[1].items[2].key");
  EXPECT_NE(error.message.find("mine.toml:9:"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("used twice"), std::string::npos) << error.message;
}

TEST(ChecklistFile, RefusesAnUnknownTypeAMissingTextAndBadToml) {
  EXPECT_EQ(ErrorOf(With("[\"village\"]", "[\"villages\"]")).field, "checklist[2].types[1]");
  EXPECT_EQ(ErrorOf(With(", text = \"班子\"", "")).field, "checklist[2].items[1].text");
  const core::Error syntax = ErrorOf(With("id = \"venue_10\"", "id = venue_10"));
  EXPECT_EQ(syntax.message.rfind("mine.toml:4:", 0), 0u) << syntax.message;
  EXPECT_EQ(syntax.reason, "checklist_file_invalid");
}

TEST(ChecklistFile, RefusesTwoChecklistsFeedingOneDimensionForAType) {
  const core::Error error =
      ErrorOf(With("types = [\"village\"]", "types = [\"village\"]\nfeeds = \"venue\""));
  EXPECT_EQ(error.field, "checklist[2].feeds");
  EXPECT_NE(error.message.find("both feed venue for type village"), std::string::npos)
      << error.message;
}

TEST(ChecklistFile, AMissingFileIsUnavailable) {
  auto loaded = LoadChecklistsFile("/nonexistent/checklists.toml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, core::ErrorCode::kUnavailable);
}

TEST(ChecklistFile, TheBuiltInFileHoldsTheVenueStandardAndTheTwentyItems) {
  const core::ChecklistSet& set = BuiltInChecklists().set;
  const core::Checklist* venue = set.Find("venue_10");
  ASSERT_NE(venue, nullptr);
  EXPECT_EQ(venue->items.size(), 10u);
  EXPECT_EQ(venue->feeds, core::Dimension::kVenue);
  const core::Checklist* internal = set.Find("internal_work_20");
  ASSERT_NE(internal, nullptr);
  EXPECT_EQ(internal->items.size(), 20u);
  for (core::OrgType type :
       {core::OrgType::kVillage, core::OrgType::kCommunity, core::OrgType::kAgency,
        core::OrgType::kSoe, core::OrgType::kNonpublic}) {
    EXPECT_EQ(core::ChecklistsFor(set, type).size(), 3u) << core::ToString(type);
  }
}

}  // namespace
}  // namespace grassroots::config
