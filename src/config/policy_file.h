// Reading a policy TOML file into core::Policy, and naming its version. The Mohe rules
// (policy/mohe-2016.toml) are built into the binary as the default.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/policy.h"

namespace grassroots::config {

struct LoadedPolicy {
  core::Policy policy;
  std::string version;  // hash of the canonical text: equal values give equal versions
  std::string source;   // the file it came from, or "built-in mohe-2016"
};

// Parses TOML text. Every key must be present and of the right type; unknown keys are refused.
// Errors name the key in `field` (and `source` in the message).
core::Result<LoadedPolicy> ParsePolicy(std::string_view toml_text, std::string_view source);

// Reads and parses a file; kUnavailable when it cannot be read.
core::Result<LoadedPolicy> LoadPolicyFile(const std::string& path);

// The built-in Mohe 2016 policy.
LoadedPolicy BuiltInPolicy();

// The version string of a policy: "sha256:" and the first 16 hex digits of the SHA-256 of
// core::CanonicalPolicyText.
std::string PolicyVersion(const core::Policy& policy);

}  // namespace grassroots::config
