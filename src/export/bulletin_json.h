// A quarterly bulletin (core/bulletin.h) as JSON: the API's body and, for an issued bulletin,
// the `figures` column of migration 018, read back exactly as written (ParseBulletinContent of
// BulletinContentJson gives the same figures, findings, unit and office).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/bulletin.h"
#include "core/error.h"

namespace grassroots::exporting {

// What an issue stores: figures, findings, unit and office (status and issue data aside).
nlohmann::json BulletinContentJson(const core::BulletinDocument& doc);
// Fills doc's figures, findings, unit and office from a stored content; kInternal when it is not
// one BulletinContentJson wrote.
core::Status ParseBulletinContent(std::string_view text, core::BulletinDocument& doc);

// The API's answer: the content, the status ("issued", "draft", "preview"), the title, and for
// an issued one its number, issuer, time and audit head.
nlohmann::json BulletinJson(const core::BulletinDocument& doc);

}  // namespace grassroots::exporting
