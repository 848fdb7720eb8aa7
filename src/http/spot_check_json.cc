#include "http/spot_check_json.h"

#include <algorithm>

namespace grassroots::http {

using Json = nlohmann::ordered_json;

Json SpotCheckHeaderToJson(const storage::SpotCheckRecord& check) {
  Json out;
  out["month"] = check.month;
  out["seed"] = std::to_string(check.seed);
  out["seed_source"] = check.seed_source;
  out["audit_head"] = check.audit_head;
  out["ratio_ppm"] = check.ratio_ppm;
  out["min_selected"] = check.min_selected;
  out["assessment_year"] = check.assessment_year ? Json(*check.assessment_year) : Json(nullptr);
  out["candidate_count"] = check.candidate_count;
  out["candidates_digest"] = check.candidates_digest;
  out["run_by"] = check.run_by;
  out["run_at"] = check.run_at;
  return out;
}

Json FindingToJson(const storage::FindingRecord& f) {
  Json out;
  out["id"] = f.id;
  out["month"] = f.month;
  out["org_code"] = f.org_code;
  out["org_name"] = f.org_name;
  out["outcome"] = f.outcome;
  out["note"] = f.note;
  out["checked_on"] = f.checked_on;
  out["item_id"] = f.item_id ? Json(*f.item_id) : Json(nullptr);
  out["recorded_by"] = f.recorded_by;
  out["recorded_at"] = f.recorded_at;
  return out;
}

Json SpotCheckToJson(const app::SpotCheckView& view) {
  Json out = SpotCheckHeaderToJson(view.check);
  Json drawn = Json::array();
  for (const storage::DrawnRecord& d : view.drawn) {
    const bool may_record = std::find(view.may_record.begin(), view.may_record.end(), d.org_code) !=
                            view.may_record.end();
    drawn.push_back(Json{{"seq", d.seq},
                         {"org_code", d.org_code},
                         {"org_name", d.org_name},
                         {"type", d.type},
                         {"unit", d.unit},
                         {"under_rectification", d.under_rectification},
                         {"number", d.number},
                         {"may_record", may_record}});
  }
  out["drawn"] = std::move(drawn);
  out["drawn_total"] = view.drawn_total > 0 ? Json(view.drawn_total) : Json(nullptr);
  Json findings = Json::array();
  for (const storage::FindingRecord& f : view.findings) findings.push_back(FindingToJson(f));
  out["findings"] = std::move(findings);
  return out;
}

Json SpotVerificationToJson(const app::SpotVerification& v) {
  Json out;
  out["month"] = v.month;
  out["identical"] = v.identical;
  out["difference"] = v.difference;
  if (v.candidate) {
    out["candidate"] =
        Json{{"code", v.candidate->code.empty() ? Json(nullptr) : Json(v.candidate->code)},
             {"what", v.candidate->what},
             {"stored", v.candidate->stored},
             {"now", v.candidate->now}};
  } else {
    out["candidate"] = nullptr;
  }
  out["draw_same"] = v.draw_same;
  out["position"] = v.draw_same ? Json(nullptr) : Json(v.position);
  out["stored_count"] = v.stored_count;
  out["now_count"] = v.now_count;
  return out;
}

}  // namespace grassroots::http
