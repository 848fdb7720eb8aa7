#include "core/lifecycle.h"

#include <algorithm>
#include <unordered_map>

#include "core/org_table.h"

namespace grassroots::core {
namespace {

struct EndName {
  OrgEndKind kind;
  std::string_view name;
  std::string_view chinese;
};
constexpr EndName kEndNames[] = {{OrgEndKind::kDissolved, "dissolved", "撤销"},
                                 {OrgEndKind::kMerged, "merged", "合并"}};

struct LeaveName {
  LeaveKind kind;
  std::string_view name;
  std::string_view chinese;
};
constexpr LeaveName kLeaveNames[] = {{LeaveKind::kTransferredOut, "transferred_out", "转出"},
                                     {LeaveKind::kDied, "died", "死亡"},
                                     {LeaveKind::kOther, "other", "其他"}};

template <typename Entry, std::size_t N, typename Kind>
const Entry& Named(const Entry (&names)[N], Kind kind) {
  for (const Entry& entry : names) {
    if (entry.kind == kind) return entry;
  }
  return names[N - 1];  // unreachable for a valid enumerator
}

template <typename Entry, std::size_t N>
auto Parsed(const Entry (&names)[N], std::string_view text)
    -> std::optional<decltype(Entry::kind)> {
  for (const Entry& entry : names) {
    if (text == entry.name || text == entry.chinese) return entry.kind;
  }
  return std::nullopt;
}

Status CheckReason(const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::Invalid("give a reason", "reason").With("reason_required");
  }
  if (reason.size() > kMaxLifecycleReasonBytes) {
    return Error::Invalid(
               "the reason is longer than " + std::to_string(kMaxLifecycleReasonBytes) + " bytes",
               "reason")
        .With("reason_too_long", {{"max", std::to_string(kMaxLifecycleReasonBytes)}});
  }
  return Status::Ok();
}

}  // namespace

std::string_view ToString(OrgEndKind kind) { return Named(kEndNames, kind).name; }
std::string_view ChineseLabel(OrgEndKind kind) { return Named(kEndNames, kind).chinese; }
std::optional<OrgEndKind> ParseOrgEndKind(std::string_view text) { return Parsed(kEndNames, text); }
std::string_view ToString(LeaveKind kind) { return Named(kLeaveNames, kind).name; }
std::string_view ChineseLabel(LeaveKind kind) { return Named(kLeaveNames, kind).chinese; }
std::optional<LeaveKind> ParseLeaveKind(std::string_view text) { return Parsed(kLeaveNames, text); }

bool AssessedIn(const std::optional<CivilDate>& ended_on, int year) {
  return !ended_on || year < ended_on->year;
}

OrgTable OrganizationsAssessedIn(const OrgTable& all,
                                 const std::vector<std::pair<std::string, CivilDate>>& ended,
                                 int year) {
  std::unordered_map<std::string_view, CivilDate> end_of;
  for (const auto& [code, on] : ended) end_of.emplace(code, on);
  // The new position of each kept organization, kNoParent for those left out.
  std::vector<std::int32_t> kept_at(all.size(), kNoParent);
  OrgTable out;
  out.unit_codes = all.unit_codes;
  out.Reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto end = end_of.find(all.code[i]);
    if (end != end_of.end() && !AssessedIn(end->second, year)) continue;
    kept_at[i] = static_cast<std::int32_t>(out.size());
    out.Add(all.code[i], all.type[i], all.unit[i], kNoParent);
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (kept_at[i] == kNoParent || all.parent[i] == kNoParent) continue;
    out.parent[kept_at[i]] = kept_at[all.parent[i]];
  }
  return out;
}

Status CheckOrgEnd(const std::string& code, const OrgEnd& end, const EndContext& context) {
  if (context.already_ended) {
    return Error::Conflict("organization " + code + " has already ended", "code")
        .With("organization_ended", {{"code", code}});
  }
  if (end.on > context.today) {
    return Error::Invalid("the end date " + FormatIsoDate(end.on) + " is after today", "on")
        .With("end_date_in_future", {{"date", FormatIsoDate(end.on)}});
  }
  if (end.kind == OrgEndKind::kMerged) {
    if (end.merged_into.empty()) {
      return Error::Invalid("name the organization it merges into", "merged_into")
          .With("merge_target_missing");
    }
    if (end.merged_into == code) {
      return Error::Invalid("an organization cannot merge into itself", "merged_into")
          .With("merge_into_itself");
    }
    if (!context.target_known) {
      return Error::Invalid("no organization " + end.merged_into, "merged_into")
          .With("merge_target_unknown", {{"code", end.merged_into}});
    }
    if (context.target_ended) {
      return Error::Invalid("organization " + end.merged_into + " has ended", "merged_into")
          .With("merge_target_ended", {{"code", end.merged_into}});
    }
  } else if (!end.merged_into.empty()) {
    return Error::Invalid("only a merge names another organization", "merged_into")
        .With("merge_target_not_allowed");
  }
  std::vector<std::string> open;
  for (const auto& [child, on] : context.children) {
    if (!on || *on > end.on) open.push_back(child);
  }
  if (!open.empty()) {
    std::sort(open.begin(), open.end());
    return Error::Conflict(std::to_string(open.size()) + " organizations below it (first " +
                               open.front() + ") have not ended by then: move or end them first",
                           "code")
        .With("organization_has_children",
              {{"count", std::to_string(open.size())}, {"first", open.front()}});
  }
  return CheckReason(end.reason);
}

Status CheckMemberLeave(const MemberLeave& leave, const std::optional<CivilDate>& joined,
                        bool already_left, const CivilDate& today) {
  if (already_left) return Error::Conflict("the member has already left", "id").With("member_left");
  if (leave.on > today) {
    return Error::Invalid("the date " + FormatIsoDate(leave.on) + " is after today", "on")
        .With("leave_date_in_future", {{"date", FormatIsoDate(leave.on)}});
  }
  if (joined && leave.on < *joined) {
    return Error::Invalid("the member joined on " + FormatIsoDate(*joined) + ", after that date",
                          "on")
        .With("leave_before_joined", {{"joined", FormatIsoDate(*joined)}});
  }
  return CheckReason(leave.reason);
}

}  // namespace grassroots::core
