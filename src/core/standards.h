// Standardized Party branches (标准化党支部, issue 14): what a batch of designations and a
// revocation must say, and the one rule of the title — an organization selected for
// rectification in a year's stored assessment cannot hold the title of that year. A batch is
// all or nothing: every code it names that cannot be designated is refused with its reason.
// An organization that already holds the year's title when the year's assessment selects it is
// not revoked by the program: the list flags it `in_conflict` (reason selected_for_rectification)
// so that the department revokes it with a reason of its own, audited like every revocation.
// Who designates and revokes: the organization department (admin). Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/import_rows.h"

namespace grassroots::core {

inline constexpr std::size_t kMaxBatchNameLength = 100;  // "2016年第一批标准化党支部"
inline constexpr std::size_t kMaxRevokeReasonLength = 2000;
inline constexpr std::size_t kMaxBatchCodes = 1000;

// A batch as sent: the title's year, its name, the day it was decided and the codes.
struct StandardBatchInput {
  std::int64_t year = 0;
  std::string name;
  std::string on;  // YYYY-MM-DD
  std::vector<std::string> codes;
};

struct StandardBatch {
  std::int64_t id = 0;  // 0 until stored
  int year = 0;
  std::string name;
  CivilDate on;
  std::vector<std::string> codes;
};

// The first rule of the batch's own fields that `input` breaks (year, name, on — not after
// `today` —, codes: at least one, at most kMaxBatchCodes, each a valid code), as an Invalid
// error naming the field; else the batch. Codes named twice are refused by RefusedCodes.
Result<StandardBatch> CheckBatch(const StandardBatchInput& input, const CivilDate& today);

// What is known of one code of a batch, read by the use case from the stored data in its write
// transaction.
struct DesignationFacts {
  std::string code;
  bool exists = false;       // an organization with this code
  bool ended = false;        // dissolved or merged
  bool selected = false;     // selected in the stored assessment of the batch's year
  bool holds_title = false;  // already holds the year's title (a current designation)
};

// Every code of the batch that cannot be designated, in the batch's order, at its 1-based
// position ("line") in field "codes": organization_not_found {code}, organization_ended {code},
// selected_for_rectification {code, year} (the rule above), already_standardized {code, year},
// duplicate_code {code} (named twice in the batch). Empty: the whole batch may be designated.
std::vector<LineError> RefusedCodes(int year, const std::vector<DesignationFacts>& facts);

// Whether a designation of `year` that is current stands against the year's selection: the
// list's `in_conflict`.
inline bool InConflict(bool current, bool selected) { return current && selected; }

// A revocation as sent.
struct RevocationInput {
  std::string on;  // YYYY-MM-DD
  std::string reason;
};
struct Revocation {
  CivilDate on;
  std::string reason;
};

// The revocation of a designation made on `designated_on`: `already_revoked` (kConflict) when
// it was; the day a real one from `designated_on` to `today` (date_out_of_range else); a reason
// is required (empty) and bounded.
Result<Revocation> CheckRevocation(const RevocationInput& input, bool already_revoked,
                                   const CivilDate& designated_on, const CivilDate& today);

// Who designates and revokes: the organization department (admin). Everyone reads the
// designations of the organizations their scope covers.
bool MayManageStandards(const Principal& who);

}  // namespace grassroots::core
