#include "core/interview_rules.h"

#include "core/field_rules.h"

namespace grassroots::core {

std::string PersonKey(std::string_view member_id, std::string_view name) {
  return std::string(member_id.empty() ? name : member_id);
}

Result<InterviewRecord> CheckInterview(const InterviewInput& input, const CivilDate& today) {
  const Status checks[] = {
      input.on.empty() ? Status(Error::Invalid("on is empty", "on").With("empty"))
                       : CheckDate("on", input.on, today),
      CheckName("person", input.person, true),
      input.member_id.empty() ? Status::Ok() : CheckCode("member_id", input.member_id),
      CheckName("post", input.post, false, kMaxPostLength),
      input.org.empty() ? Status::Ok() : CheckCode("org", input.org),
      CheckName("interviewer", input.interviewer, true),
      input.reason.empty() ? Status(Error::Invalid("reason is empty", "reason").With("empty"))
                           : CheckText("reason", input.reason, kMaxInterviewReason),
      CheckText("record", input.record, kMaxInterviewText),
  };
  for (const Status& status : checks) {
    if (!status.ok()) return status.error();
  }
  InterviewRecord out;
  out.on = *ParseIsoDate(input.on);
  out.person = input.person;
  out.member_id = input.member_id;
  out.post = input.post;
  out.org = input.org;
  out.interviewer = input.interviewer;
  out.reason = input.reason;
  out.record = input.record;
  return out;
}

}  // namespace grassroots::core
