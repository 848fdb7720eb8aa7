#include "export/bulletin_json.h"

namespace grassroots::exporting {
namespace {

using nlohmann::json;

json UnitJson(const core::UnitFigures& u) {
  json out = {{"unit", u.unit_code},  {"unit_name", u.unit_name},
              {"items", u.items},     {"closed_in_quarter", u.closed_in_quarter},
              {"closed", u.closed},   {"open", u.open},
              {"due", u.due},         {"due_closed", u.due_closed},
              {"overdue", u.overdue}, {"rank", nullptr},
              {"progress", nullptr}};
  if (u.rank) out["rank"] = *u.rank;
  if (u.HasProgress()) out["progress"] = u.ProgressBasisPoints() / 10000.0;
  return out;
}

core::UnitFigures ReadUnit(const json& j) {
  core::UnitFigures u;
  u.unit_code = j.at("unit").get<std::string>();
  u.unit_name = j.at("unit_name").get<std::string>();
  u.items = j.at("items").get<int>();
  u.closed_in_quarter = j.at("closed_in_quarter").get<int>();
  u.closed = j.at("closed").get<int>();
  u.open = j.at("open").get<int>();
  u.due = j.at("due").get<int>();
  u.due_closed = j.at("due_closed").get<int>();
  u.overdue = j.at("overdue").get<int>();
  if (!j.at("rank").is_null()) u.rank = j.at("rank").get<int>();
  return u;
}

core::CivilDate DateOf(const json& j) {
  return core::ParseIsoDate(j.get<std::string>()).value_or(core::CivilDate{});
}

}  // namespace

json BulletinContentJson(const core::BulletinDocument& doc) {
  const core::BulletinFigures& f = doc.figures;
  json units = json::array();
  for (const core::UnitFigures& u : f.units) units.push_back(UnitJson(u));
  json overdue = json::array();
  for (const core::OverdueItem& o : f.overdue) {
    overdue.push_back({{"unit", o.unit_code},
                       {"unit_name", o.unit_name},
                       {"org_code", o.org_code},
                       {"org_name", o.org_name},
                       {"measure", o.measure},
                       {"responsible", o.responsible},
                       {"deadline", core::FormatIsoDate(o.deadline)},
                       {"overdue_days", o.overdue_days}});
  }
  json findings = json::array();
  for (const core::BulletinFinding& x : doc.findings) {
    findings.push_back({{"unit", x.unit_code},
                        {"org_code", x.org_code},
                        {"org_name", x.org_name},
                        {"on", core::FormatIsoDate(x.on)},
                        {"problem", x.problem},
                        {"text", x.text}});
  }
  return {{"quarter", core::FormatQuarter(f.quarter)},
          {"as_of", core::FormatIsoDate(f.as_of)},
          {"unit", doc.unit_code},
          {"unit_name", doc.unit_name},
          {"office", doc.office},
          {"total", UnitJson(f.total)},
          {"units", std::move(units)},
          {"overdue", std::move(overdue)},
          {"findings", std::move(findings)}};
}

core::Status ParseBulletinContent(std::string_view text, core::BulletinDocument& doc) {
  try {
    const json j = json::parse(text);
    auto quarter = core::ParseQuarter("quarter", j.at("quarter").get<std::string>());
    if (!quarter.ok()) return core::Error::Internal("stored bulletin: bad quarter");
    core::BulletinFigures f;
    f.quarter = quarter.value();
    f.as_of = DateOf(j.at("as_of"));
    f.total = ReadUnit(j.at("total"));
    for (const json& u : j.at("units")) f.units.push_back(ReadUnit(u));
    for (const json& o : j.at("overdue")) {
      f.overdue.push_back({o.at("unit").get<std::string>(), o.at("unit_name").get<std::string>(),
                           o.at("org_code").get<std::string>(), o.at("org_name").get<std::string>(),
                           o.at("measure").get<std::string>(),
                           o.at("responsible").get<std::string>(), DateOf(o.at("deadline")),
                           o.at("overdue_days").get<int>()});
    }
    doc.findings.clear();
    for (const json& x : j.at("findings")) {
      doc.findings.push_back({x.at("unit").get<std::string>(), x.at("org_code").get<std::string>(),
                              x.at("org_name").get<std::string>(), DateOf(x.at("on")),
                              x.at("problem").get<bool>(), x.at("text").get<std::string>()});
    }
    doc.figures = std::move(f);
    doc.unit_code = j.at("unit").get<std::string>();
    doc.unit_name = j.at("unit_name").get<std::string>();
    doc.office = j.at("office").get<std::string>();
    return core::Status::Ok();
  } catch (const json::exception& e) {
    return core::Error::Internal(std::string("stored bulletin figures do not read back: ") +
                                 e.what());
  }
}

json BulletinJson(const core::BulletinDocument& doc) {
  json out = BulletinContentJson(doc);
  out["status"] = std::string(core::ToString(doc.status));
  out["title"] = core::BulletinTitle(doc);
  const bool issued = doc.status == core::BulletinDocument::Status::kIssued;
  out["number"] = issued ? json(doc.number) : json(nullptr);
  out["issued_by"] = issued ? json(doc.issued_by) : json(nullptr);
  out["issued_at"] = issued ? json(doc.issued_at) : json(nullptr);
  out["audit_head"] = issued ? json(doc.audit_head) : json(nullptr);
  return out;
}

}  // namespace grassroots::exporting
