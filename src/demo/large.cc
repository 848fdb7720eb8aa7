#include "demo/large.h"

#include <algorithm>
#include <array>
#include <string>

#include "demo/names.h"
#include "demo/rng.h"
#include "demo/score_draw.h"

namespace grassroots::demo {
namespace {

using core::OrgKind;
using core::OrgType;

inline constexpr int kFirstYear = 2015;
inline constexpr int kLastYear = 2016;
inline constexpr int kMaxChildren = 12;
// The tree's shape is derived from this salt, not from the seed: ShapeOf is seed-independent.
inline constexpr std::uint64_t kLayoutSalt = 0x6D6F6865'32303136ULL;

// One organization's place in the tree. child 0 is the direct organization of its block.
struct Slot {
  int unit;
  int block;
  int child;
  int children;  // of the block's direct organization
  OrgType type;
  std::uint64_t index;  // position in the whole stream
};

// Type of a block, per mille: villages the largest group, as across the country.
OrgType BlockType(std::uint64_t roll) {
  static constexpr std::array<std::pair<std::uint64_t, OrgType>, 5> kCumulative = {{
      {340, OrgType::kVillage},
      {440, OrgType::kCommunity},
      {560, OrgType::kSoe},
      {710, OrgType::kNonpublic},
      {850, OrgType::kAgency},
  }};
  for (const auto& [limit, type] : kCumulative) {
    if (roll % 1000 < limit) return type;
  }
  return OrgType::kInstitution;
}

// Visits every organization in stream order: unit by unit, block by block, each direct
// organization followed by its 0..12 branches.
template <typename Visit>
void ForEachSlot(const LargeLayout& layout, Visit&& visit) {
  std::uint64_t index = 0;
  for (int unit = 0; unit < layout.units; ++unit) {
    std::int64_t remaining = layout.orgs / layout.units + (unit < layout.orgs % layout.units);
    for (int block = 0; remaining > 0; ++block) {
      const std::uint64_t h = StreamSeed(kLayoutSalt, 0, static_cast<std::uint64_t>(unit),
                                         static_cast<std::uint64_t>(block));
      const int children = static_cast<int>(
          std::min<std::int64_t>(static_cast<std::int64_t>(h % (kMaxChildren + 1)), remaining - 1));
      const OrgType type = BlockType(h >> 20);
      for (int child = 0; child <= children; ++child) {
        visit(Slot{unit, block, child, children, type, index++});
      }
      remaining -= children + 1;
    }
  }
}

// Appends `value` zero-padded to `width` digits (snprintf is the generator's bottleneck).
void AppendPadded(std::string& out, int value, int width) {
  char digits[12];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(digits[--n]);
}

void SetUnitCode(const LargeLayout& layout, int unit, std::string& out) {
  out.assign(layout.unit_prefix);
  AppendPadded(out, unit + 1, layout.unit_digits);
}

// Direct organization: "P001-0001"; its branches: "P001-0001-01".
void SetCode(const LargeLayout& layout, const Slot& slot, std::string& out) {
  SetUnitCode(layout, slot.unit, out);
  out.push_back('-');
  AppendPadded(out, slot.block + 1, 4);
  if (slot.child > 0) {
    out.push_back('-');
    AppendPadded(out, slot.child, 2);
  }
}

OrgKind KindOf(const Slot& slot) {
  if (slot.child > 0 || slot.children == 0) return OrgKind::kBranch;
  return slot.children >= 6 ? OrgKind::kCommittee : OrgKind::kGeneralBranch;
}

// Name suffixes per type: a committee, a general branch, a direct branch, a subordinate branch.
std::string_view NameSuffix(OrgType type, OrgKind kind, bool direct) {
  static constexpr std::string_view kSuffixes[][4] = {
      {"镇党委", "乡党总支", "村党支部", "村党支部"},
      {"街道党工委", "社区党总支", "社区党支部", "社区党支部"},
      {"集团党委", "公司党总支", "公司党支部", "分公司党支部"},
      {"非公企业综合党委", "商会党总支", "实业有限公司党支部", "实业有限公司党支部"},
      {"机关工委", "局党总支", "局机关党支部", "局机关党支部"},
      {"教育系统党委", "医院党总支", "中学党支部", "学校党支部"},
  };
  const int column = !direct                           ? 3
                     : kind == OrgKind::kCommittee     ? 0
                     : kind == OrgKind::kGeneralBranch ? 1
                                                       : 2;
  return kSuffixes[static_cast<int>(type)][column];
}

void EmitOrganizations(const LargeLayout& layout, std::uint64_t seed, DemoSink& sink) {
  core::Organization org;
  std::string direct_code;
  ForEachSlot(layout, [&](const Slot& slot) {
    SetCode(layout, slot, org.code);
    org.type = slot.type;
    org.kind = KindOf(slot);
    Rng rng(StreamSeed(seed, kTagNames, slot.index));
    org.name.clear();
    AppendPlaceName(rng, org.name);
    org.name.append(NameSuffix(slot.type, org.kind, slot.child == 0));
    DrawPersonName(rng, org.secretary);
    if (slot.child == 0) {
      SetUnitCode(layout, slot.unit, org.unit);
      org.parent.clear();
      direct_code = org.code;
    } else {
      org.unit.clear();  // a branch is assessed in its parent's unit
      org.parent = direct_code;
    }
    sink.OnOrganization(org);
  });
}

constexpr std::string_view kCommitteeReasons[] = {
    "班子不健全，书记长期不在岗",
    "组织生活长期不正常，“三会一课”流于形式",
    "党员管理混乱，失联党员较多",
};

void EmitScores(const LargeLayout& layout, std::uint64_t seed, DemoSink& sink) {
  core::ScoreRecord score;
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    score.year = year;
    ForEachSlot(layout, [&](const Slot& slot) {
      SetCode(layout, slot, score.code);
      Rng rng(StreamSeed(seed, kTagYear, slot.index, static_cast<std::uint64_t>(year)));
      // About 5% are weak in a given year; one in a thousand gets a committee grade D.
      const bool weak = rng.Chance(50);
      const int base = weak ? rng.Between(500, 640) : NormalBaseTenths(seed, slot.index, year);
      score.dimensions = DrawDimensions(rng, base, weak ? kWeakSpreadTenths : kNormalSpreadTenths);
      if (rng.Chance(1)) {
        score.committee_grade = core::Grade::kD;
        score.reason = kCommitteeReasons[rng.Below(std::size(kCommitteeReasons))];
      } else {
        score.committee_grade.reset();
        score.reason.clear();
      }
      sink.OnScore(score);
    });
  }
}

}  // namespace

DemoShape LargeShape(const LargeLayout& layout) {
  DemoShape shape;
  shape.units = layout.units;
  ForEachSlot(layout,
              [&](const Slot& slot) { ++(slot.child == 0 ? shape.direct : shape.subordinate); });
  shape.years = {kFirstYear, kLastYear};
  return shape;
}

void GenerateLarge(const LargeLayout& layout, std::uint64_t seed, DemoSink& sink) {
  EmitOrganizations(layout, seed, sink);
  EmitScores(layout, seed, sink);
}

}  // namespace grassroots::demo
