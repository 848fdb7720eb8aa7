#include "demo/names.h"

#include <array>
#include <string_view>

namespace grassroots::demo {
namespace {

constexpr std::array<std::string_view, 40> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
    "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
    "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"};

// Given names typical of members born 1940–1995 in the northeast.
constexpr std::array<std::string_view, 64> kGivenNames = {
    "建国", "秀英", "桂英", "伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",   "磊",
    "军",   "洋",   "勇",   "艳",   "杰",   "涛",   "明",   "超",   "秀兰", "霞",   "平",
    "刚",   "桂兰", "玉兰", "淑珍", "志强", "永刚", "海燕", "红梅", "立新", "卫东", "国庆",
    "建华", "春燕", "晓东", "文博", "宏伟", "德明", "长青", "玉梅", "凤霞", "淑华", "振华",
    "凤英", "金凤", "宝山", "广才", "海军", "雪梅", "树林", "玉珍", "国栋", "丽娟", "春生",
    "林海", "兴安", "铁军", "淑琴", "志刚", "晓梅", "永胜", "玉霞", "福林"};

// Characters that combine into plausible village and town names (红旗, 永丰, 新民, ...).
constexpr std::array<std::string_view, 48> kPlaceChars = {
    "红", "旗", "新", "民", "兴", "安", "东", "西", "南", "北", "长", "青", "和", "平", "太", "阳",
    "光", "明", "富", "裕", "永", "丰", "胜", "利", "前", "进", "团", "结", "幸", "福", "星", "火",
    "朝", "向", "双", "河", "山", "林", "江", "源", "华", "金", "宝", "泉", "石", "岭", "沟", "屯"};

template <std::size_t N>
std::string_view Pick(Rng& rng, const std::array<std::string_view, N>& list) {
  return list[rng.Below(static_cast<std::uint32_t>(N))];
}

}  // namespace

void DrawPersonName(Rng& rng, std::string& out) {
  out.assign(Pick(rng, kSurnames));
  out.append(Pick(rng, kGivenNames));
}

void AppendPlaceName(Rng& rng, std::string& out) {
  out.append(Pick(rng, kPlaceChars));
  out.append(Pick(rng, kPlaceChars));
}

}  // namespace grassroots::demo
