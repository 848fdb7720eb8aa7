// A quarterly bulletin (core/bulletin.h) as one self-contained HTML page that prints on A4 with
// Chinese typography: the red-headed header of the issuing office, the title, the issue number
// and date (or a 预览稿 mark when not issued), the sections as numbered in an official bulletin,
// tables whose header rows repeat on every printed page, and charts as inline SVG (no script,
// no file beside it). Fonts fall back from Source Han / Noto CJK to SimSun.
#pragma once

#include <string>

#include "core/bulletin.h"

namespace grassroots::exporting {

std::string BulletinHtml(const core::BulletinDocument& doc);

// "2016年7月5日".
std::string ChineseDate(const core::CivilDate& day);

}  // namespace grassroots::exporting
