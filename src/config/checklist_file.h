// Reading the checklists TOML file (policy/checklists-mohe-2016.toml, docs/checklists.md) into
// core::ChecklistSet, the way policy_file.h reads the policy: the Mohe file is built into the
// binary as the default, another is picked with --checklists FILE. Every error names the file,
// the line when the file has one, and the key (`field`), e.g.
// `mine.toml:14: key "checklist[2].feeds": unknown dimension "venu"`.
#pragma once

#include <string>
#include <string_view>

#include "core/checklist.h"
#include "core/error.h"

namespace grassroots::config {

struct LoadedChecklists {
  core::ChecklistSet set;
  std::string source;  // the file it came from, or "built-in checklists-mohe-2016"
};

// Parses TOML text: `name` and [[checklist]] tables of id, name, types (optional), feeds
// (optional) and items ({key, text}); unknown keys refused; then core::ValidateChecklistSet.
// kInvalid, reason checklist_file_invalid {file, line, key, problem} (line "" when unknown).
core::Result<LoadedChecklists> ParseChecklists(std::string_view toml_text, std::string_view source);

// Reads and parses a file; kUnavailable when it cannot be read.
core::Result<LoadedChecklists> LoadChecklistsFile(const std::string& path);

// The built-in Mohe 2016 checklists.
const LoadedChecklists& BuiltInChecklists();

}  // namespace grassroots::config
