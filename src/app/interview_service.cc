#include "app/interview_service.h"

#include <algorithm>

#include "storage/organization_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

core::Status CheckReferences(storage::Store& store, const core::InterviewRecord& interview) {
  if (!interview.member_id.empty()) {
    auto member = storage::ReadValue(
        store, [&](storage::Tx& t) { return storage::MemberRecords(t).Find(interview.member_id); });
    if (!member.ok()) return member.error();
    if (!member.value()) {
      return core::Error::NotFound("no member with id " + interview.member_id, "member_id")
          .With("member_not_found", {{"id", interview.member_id}});
    }
  }
  if (!interview.org.empty()) {
    auto org = storage::ReadValue(store, [&](storage::Tx& t) {
      return storage::OrganizationRecords(t).Detail(interview.org);
    });
    if (!org.ok()) return org.error();
    if (!org.value()) {
      return core::Error::NotFound("no organization with code " + interview.org, "org")
          .With("organization_not_found", {{"code", interview.org}});
    }
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<core::InterviewRecord> RecordInterview(storage::Store& store,
                                                    const core::InterviewInput& input,
                                                    const core::CivilDate& today,
                                                    const storage::Actor& actor) {
  core::Result<core::InterviewRecord> checked = core::CheckInterview(input, today);
  if (!checked.ok()) return checked.error();
  if (core::Status s = CheckReferences(store, checked.value()); !s.ok()) return s.error();
  core::InterviewRecord stored;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    auto added = storage::InterviewRecords(tx).Add(checked.value());
    if (!added.ok()) return added.error();
    stored = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<storage::Page<core::InterviewRecord>> ListInterviews(
    storage::Store& store, const storage::InterviewFilter& filter) {
  storage::Page<core::InterviewRecord> page;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto listed = storage::InterviewRecords(tx).List(filter);
    if (!listed.ok()) return listed.error();
    page = std::move(listed).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return page;
}

core::Result<PersonEligibility> EligibilityOf(storage::Store& store, const std::string& person,
                                              int year) {
  PersonEligibility out;
  out.person = person;
  out.year = year;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto all = storage::InterviewRecords(tx).OfPerson(person);
    if (!all.ok()) return all.error();
    out.interviews = std::move(all).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  std::vector<core::Interview> held;
  for (const core::InterviewRecord& i : out.interviews) held.push_back({i.id, i.on});
  const core::Eligibility answer = core::EligibilityIn(year, held);
  out.eligible = answer.eligible;
  for (const core::Interview& blocking : answer.blocking) {
    auto it = std::find_if(out.interviews.begin(), out.interviews.end(),
                           [&](const core::InterviewRecord& i) { return i.id == blocking.id; });
    if (it != out.interviews.end()) out.blocking.push_back(*it);
  }
  return out;
}

}  // namespace grassroots::app
