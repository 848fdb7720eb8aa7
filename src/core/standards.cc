#include "core/standards.h"

#include <set>

#include "core/field_rules.h"

namespace grassroots::core {
namespace {

Status CheckOn(const std::string& on, const CivilDate& earliest, const CivilDate& today) {
  if (on.empty()) return Error::Invalid("on is empty", "on").With("empty");
  if (Status s = CheckDate("on", on, today); !s.ok()) return s;
  const CivilDate day = *ParseIsoDate(on);
  if (day < earliest) {
    return Error::Invalid("on must not be before " + FormatIsoDate(earliest), "on")
        .With("date_out_of_range",
              {{"value", on}, {"min", FormatIsoDate(earliest)}, {"max", FormatIsoDate(today)}});
  }
  return Status::Ok();
}

LineError Refusal(int line, std::string message, std::string reason, Params params) {
  return LineError(line, std::move(message), "codes", std::move(reason), std::move(params));
}

}  // namespace

Result<StandardBatch> CheckBatch(const StandardBatchInput& input, const CivilDate& today) {
  if (Status s = CheckYear("year", input.year); !s.ok()) return s.error();
  if (Status s = CheckName("name", input.name, true, kMaxBatchNameLength); !s.ok()) {
    return s.error();
  }
  if (Status s = CheckOn(input.on, kEarliestDate, today); !s.ok()) return s.error();
  if (input.codes.empty()) {
    return Error::Invalid("codes is empty: a batch names at least one organization", "codes")
        .With("empty");
  }
  if (input.codes.size() > kMaxBatchCodes) {
    return Error::Invalid(
               "a batch names at most " + std::to_string(kMaxBatchCodes) + " organizations",
               "codes")
        .With("too_many", {{"max", std::to_string(kMaxBatchCodes)}});
  }
  for (const std::string& code : input.codes) {
    if (Status s = CheckCode("codes", code); !s.ok()) return s.error();
  }
  StandardBatch out;
  out.year = static_cast<int>(input.year);
  out.name = input.name;
  out.on = *ParseIsoDate(input.on);
  out.codes = input.codes;
  return out;
}

std::vector<LineError> RefusedCodes(int year, const std::vector<DesignationFacts>& facts) {
  std::vector<LineError> refused;
  std::set<std::string> named;
  const std::string y = std::to_string(year);
  int line = 0;
  for (const DesignationFacts& f : facts) {
    ++line;
    if (!named.insert(f.code).second) {
      refused.push_back(Refusal(line, f.code + " is named twice in the batch", "duplicate_code",
                                {{"code", f.code}}));
    } else if (!f.exists) {
      refused.push_back(Refusal(line, "no organization with code " + f.code,
                                "organization_not_found", {{"code", f.code}}));
    } else if (f.ended) {
      refused.push_back(Refusal(line, f.code + " has been dissolved or merged",
                                "organization_ended", {{"code", f.code}}));
    } else if (f.selected) {
      refused.push_back(Refusal(line,
                                f.code + " is selected for rectification in the assessment of " +
                                    y + " and cannot be a standardized branch that year",
                                "selected_for_rectification", {{"code", f.code}, {"year", y}}));
    } else if (f.holds_title) {
      refused.push_back(Refusal(line, f.code + " already holds the title of " + y,
                                "already_standardized", {{"code", f.code}, {"year", y}}));
    }
  }
  return refused;
}

Result<Revocation> CheckRevocation(const RevocationInput& input, bool already_revoked,
                                   const CivilDate& designated_on, const CivilDate& today) {
  if (already_revoked) {
    return Error::Conflict("the designation has already been revoked").With("already_revoked");
  }
  if (Status s = CheckOn(input.on, designated_on, today); !s.ok()) return s.error();
  if (input.reason.empty()) {
    return Error::Invalid("reason is empty: a revocation says why", "reason").With("empty");
  }
  if (Status s = CheckText("reason", input.reason, kMaxRevokeReasonLength); !s.ok()) {
    return s.error();
  }
  return Revocation{*ParseIsoDate(input.on), input.reason};
}

bool MayManageStandards(const Principal& who) { return who.role == Role::kAdmin; }

}  // namespace grassroots::core
