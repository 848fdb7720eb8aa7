#include "demo/accountability.h"

#include <algorithm>
#include <array>

namespace grassroots::demo {
namespace {

constexpr std::array<const char*, 4> kInterviewDays = {"2016-03-15", "2016-05-20", "2016-08-09",
                                                       "2016-10-26"};
constexpr std::array<const char*, 3> kSuccessors = {"赵文博", "孙丽娟", "周海涛"};

core::InterviewInput InterviewOf(const DemoRemoval& removal, const char* day) {
  core::InterviewInput in;
  in.on = day;
  in.person = removal.secretary;
  in.post = "党组织书记";
  in.org = removal.org;
  in.interviewer = "县委组织部 李振华";
  in.reason = "连续两年综合得分排名靠后, 党建工作责任落实不力";
  in.record = "指出班子建设、组织生活和服务群众方面的问题, 要求一个月内报送整改措施.";
  return in;
}

}  // namespace

constexpr std::size_t kMaxDecided = 3;

AccountabilityDemo AccountabilityFor2016(const std::vector<DemoRemoval>& removals) {
  AccountabilityDemo demo;
  for (std::size_t i = 0; i < removals.size() && i < kInterviewDays.size(); ++i) {
    demo.interviews.push_back(InterviewOf(removals[i], kInterviewDays[i]));
  }
  if (!removals.empty()) {
    core::InterviewInput again = InterviewOf(removals[0], "2016-11-30");
    again.reason = "整改措施落实不到位, 再次约谈";
    demo.interviews.push_back(again);
  }
  if (removals.size() > 1) {
    core::InterviewInput earlier = InterviewOf(removals[1], "2015-12-10");
    earlier.reason = "年度考核排名靠后, 提醒谈话";
    demo.interviews.push_back(earlier);
  }
  // At most three: a province's queue holds thousands, and each decision reads the year's
  // stored rows again (the queue), which made the province demo take many minutes.
  const std::size_t decided = std::min<std::size_t>(removals.size() / 2, kMaxDecided);
  for (std::size_t i = 0; i < decided; ++i) {
    core::AdjustmentDecisionInput d;
    if (i < 2) {
      d.outcome = "done";
      d.on = i == 0 ? "2017-02-08" : "2017-02-20";
      d.successor = kSuccessors[i];
    } else {
      d.outcome = "not_done";
      d.reason = "原书记已于2016年底调离, 经县委组织部研究不再作免职处理";
    }
    demo.decisions.emplace_back(removals[i].org, std::move(d));
  }
  return demo;
}

}  // namespace grassroots::demo
