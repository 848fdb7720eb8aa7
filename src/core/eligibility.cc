#include "core/eligibility.h"

#include <algorithm>

namespace grassroots::core {

Eligibility EligibilityIn(int year, std::span<const Interview> interviews) {
  Eligibility answer;
  for (const Interview& interview : interviews) {
    if (interview.on.year == year) answer.blocking.push_back(interview);
  }
  std::sort(answer.blocking.begin(), answer.blocking.end(),
            [](const Interview& a, const Interview& b) {
              return a.on != b.on ? a.on < b.on : a.id < b.id;
            });
  answer.eligible = answer.blocking.empty();
  return answer;
}

}  // namespace grassroots::core
