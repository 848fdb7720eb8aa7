#include "app/bulletin_service.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/bulletin_findings.h"
#include "export/bulletin_html.h"
#include "export/bulletin_json.h"
#include "export/bulletin_pdf.h"
#include "export/bulletin_xlsx.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using Status = core::BulletinDocument::Status;

struct Target {
  core::Quarter quarter;
  std::string unit;
};

core::Result<Target> TargetOf(const core::Principal& who, const BulletinQuery& query) {
  auto quarter = core::ParseQuarter("quarter", query.quarter);
  if (!quarter.ok()) return quarter.error();
  auto unit = core::BulletinUnitFor(who, query.unit);
  if (!unit.ok()) return unit.error();
  return Target{quarter.value(), unit.value()};
}

// The unit's name; UnitNotFound when it is no direct organization. "" for the county.
core::Result<std::string> UnitName(storage::BulletinRecords& records, const std::string& unit) {
  if (unit.empty()) return std::string();
  auto name = records.DirectOrganizationName(unit);
  if (!name.ok()) return name.error();
  if (!name.value()) return core::UnitNotFound(unit);
  return *name.value();
}

core::Status FromIssued(const storage::IssuedBulletin& issued, core::BulletinDocument& doc) {
  if (core::Status s = exporting::ParseBulletinContent(issued.figures, doc); !s.ok()) return s;
  doc.status = Status::kIssued;
  doc.number = issued.number;
  doc.issued_by = issued.issued_by;
  doc.issued_at = issued.issued_at;
  doc.audit_head = issued.audit_head;
  return core::Status::Ok();
}

// The stored bulletin of (quarter, unit), else the county's narrowed to the unit; false when
// neither was issued.
core::Result<bool> ReadIssued(storage::BulletinRecords& records, const Target& target,
                              const std::string& unit_name, core::BulletinDocument& doc) {
  const std::string quarter = core::FormatQuarter(target.quarter);
  auto own = records.Find(quarter, target.unit);
  if (!own.ok()) return own.error();
  if (own.value()) {
    if (core::Status s = FromIssued(*own.value(), doc); !s.ok()) return s.error();
    return true;
  }
  if (target.unit.empty()) return false;
  auto county = records.Find(quarter, "");
  if (!county.ok()) return county.error();
  if (!county.value()) return false;
  if (core::Status s = FromIssued(*county.value(), doc); !s.ok()) return s.error();
  doc.figures = core::NarrowToUnit(doc.figures, target.unit);
  std::erase_if(doc.findings,
                [&](const core::BulletinFinding& f) { return f.unit_code != target.unit; });
  doc.unit_code = target.unit;
  doc.unit_name = unit_name;
  return true;
}

// Counts the bulletin now (nothing stored), findings aside.
core::Status Count(storage::BulletinRecords& records, const Target& target,
                   const core::CivilDate& as_of, core::BulletinDocument& doc) {
  auto items = records.Items(target.quarter.year, target.unit);
  if (!items.ok()) return items.error();
  doc.figures = core::ComputeBulletin(target.quarter, as_of, items.value());
  return core::Status::Ok();
}

core::Status AddFindings(storage::Store& store, const Target& target, core::BulletinDocument& doc) {
  core::DayRange days = core::DaysOf(target.quarter);
  days.last = std::min(days.last, doc.figures.as_of);
  auto findings = QuarterFindings(store, days, target.unit);
  if (!findings.ok()) return findings.error();
  doc.findings = std::move(findings).value();
  return core::Status::Ok();
}

}  // namespace

core::Result<core::BulletinDocument> ReadBulletin(storage::Store& store, const core::Principal& who,
                                                  const BulletinQuery& query,
                                                  const std::string& office,
                                                  core::UnixSeconds now) {
  auto target = TargetOf(who, query);
  if (!target.ok()) return target.error();
  core::BulletinDocument doc;
  bool issued = false;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::BulletinRecords records(tx);
    auto name = UnitName(records, target.value().unit);
    if (!name.ok()) return name.error();
    auto stored = ReadIssued(records, target.value(), name.value(), doc);
    if (!stored.ok()) return stored.error();
    issued = stored.value();
    if (issued) return core::Status::Ok();
    auto as_of = core::BulletinAsOf(target.value().quarter, now);
    if (!as_of.ok()) return as_of.error();
    doc.unit_code = target.value().unit;
    doc.unit_name = name.value();
    doc.office = office;
    doc.status =
        core::QuarterFinished(target.value().quarter, now) ? Status::kDraft : Status::kPreview;
    return Count(records, target.value(), as_of.value(), doc);
  });
  if (!status.ok()) return status.error();
  if (!issued) {
    if (core::Status s = AddFindings(store, target.value(), doc); !s.ok()) return s.error();
  }
  return doc;
}

core::Result<core::BulletinDocument> IssueBulletin(
    storage::Store& store, const core::Principal& who, const BulletinQuery& query,
    const std::string& office, const storage::Actor& actor, core::UnixSeconds now) {
  if (!core::MayIssueBulletin(who)) {
    return core::Error::Forbidden("only the organization department (admin) issues a bulletin")
        .With("bulletin_issue_not_permitted");
  }
  auto target = TargetOf(who, query);
  if (!target.ok()) return target.error();
  const std::string quarter = core::FormatQuarter(target.value().quarter);
  if (!core::QuarterFinished(target.value().quarter, now)) {
    return core::Error::Conflict(
               "the quarter " + quarter + " has not ended: it can be previewed, not issued",
               "quarter")
        .With("quarter_not_finished", {{"quarter", quarter}});
  }
  core::BulletinDocument doc;
  doc.office = office;
  doc.unit_code = target.value().unit;
  doc.figures.quarter = target.value().quarter;
  doc.figures.as_of = core::DaysOf(target.value().quarter).last;
  if (core::Status s = AddFindings(store, target.value(), doc); !s.ok()) return s.error();
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::BulletinRecords records(tx);
    auto name = UnitName(records, target.value().unit);
    if (!name.ok()) return name.error();
    doc.unit_name = name.value();
    if (core::Status s = Count(records, target.value(), doc.figures.as_of, doc); !s.ok()) return s;
    storage::IssuedBulletin issued;
    issued.year = target.value().quarter.year;
    issued.quarter = quarter;
    issued.unit_code = target.value().unit;
    issued.figures = exporting::BulletinContentJson(doc).dump();
    auto added = records.Add(std::move(issued));
    if (!added.ok()) return added.error();
    doc.status = Status::kIssued;
    doc.number = added.value().number;
    doc.issued_by = added.value().issued_by;
    doc.issued_at = added.value().issued_at;
    doc.audit_head = added.value().audit_head;
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return doc;
}

core::Result<std::vector<storage::IssuedBulletin>> ListBulletins(storage::Store& store,
                                                                 const core::Principal& who) {
  if (auto allowed = core::BulletinUnitFor(
          who, who.role == core::Role::kUnitAdmin && !who.scope.empty() ? who.scope.front()
                                                                        : std::string());
      !allowed.ok()) {
    return allowed.error();
  }
  std::vector<storage::IssuedBulletin> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto listed = storage::BulletinRecords(tx).List();
    if (!listed.ok()) return listed.error();
    out = std::move(listed).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  if (who.role == core::Role::kUnitAdmin) {
    std::erase_if(out, [&](const storage::IssuedBulletin& b) {
      return !b.unit_code.empty() &&
             std::find(who.scope.begin(), who.scope.end(), b.unit_code) == who.scope.end();
    });
  }
  return out;
}

core::Status WriteBulletin(const core::BulletinDocument& doc, std::string_view format,
                           const std::string& path) {
  namespace fs = std::filesystem;
  core::Status status = core::Status::Ok();
  if (format == "html") {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << exporting::BulletinHtml(doc);
    out.close();
    if (!out) status = core::Error::Unavailable("cannot write " + path, "out");
  } else if (format == "xlsx") {
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec);
    status = exporting::WriteBulletinXlsx(doc, path, ec ? std::string() : temp.string());
  } else if (format == "pdf") {
    const std::string html = path + ".html";
    status = WriteBulletin(doc, "html", html);
    if (status.ok()) status = exporting::HtmlToPdf(html, path);
    std::error_code ec;
    fs::remove(html, ec);
  } else {
    return core::Error::Invalid("format must be html, xlsx or pdf", "format")
        .With("not_one_of", {{"allowed", "html, xlsx, pdf"}});
  }
  if (!status.ok()) {
    std::error_code ec;
    fs::remove(path, ec);
  }
  return status;
}

std::string BulletinFileStem(const core::BulletinDocument& doc) {
  std::string stem = core::FormatQuarter(doc.figures.quarter) + "-bulletin";
  if (!doc.unit_code.empty()) stem += "-" + doc.unit_code;
  return stem;
}

}  // namespace grassroots::app
