// A spot check, its verification and its findings as the JSON the API answers and
// `grassroots spotcheck --format json` prints (one document for both). Codes and numbers, never
// a sentence: the UI words them. The seed is a string (a 64-bit unsigned number is beyond the
// integers JSON readers keep exactly).
#pragma once

#include <nlohmann/json.hpp>

#include "app/spot_check_service.h"

namespace grassroots::http {

// {"month", "seed", "seed_source", "audit_head", "ratio_ppm", "min_selected",
//  "assessment_year" (or null), "candidate_count", "candidates_digest", "run_by", "run_at"}
nlohmann::ordered_json SpotCheckHeaderToJson(const storage::SpotCheckRecord& check);
// The header and "drawn": [{"seq", "org_code", "org_name", "type", "unit",
// "under_rectification", "number", "may_record"}], "drawn_total" (null unless the caller sees the
// county), "findings": [FindingToJson].
nlohmann::ordered_json SpotCheckToJson(const app::SpotCheckView& view);
// {"month", "identical", "difference" ("" when identical: seed, digest, candidates, draw),
//  "candidate": {"code" (null when out of scope), "what", "stored", "now"} or null,
//  "draw_same", "position" (null when draw_same), "stored_count", "now_count"}
nlohmann::ordered_json SpotVerificationToJson(const app::SpotVerification& verification);
// {"id", "month", "org_code", "org_name", "outcome", "note", "checked_on", "item_id" (or null),
//  "recorded_by", "recorded_at"}
nlohmann::ordered_json FindingToJson(const storage::FindingRecord& finding);

}  // namespace grassroots::http
