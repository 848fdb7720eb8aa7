#include "core/password_rules.h"

#include <array>
#include <string>

#include "core/text.h"

namespace grassroots::core {
namespace {

// Runs a guesser tries first; a password that walks one of them, forwards or backwards, is no
// secret. Digits go round (…7890123), as keyboards and habits do; letters stop at their ends.
struct Run {
  std::string_view characters;
  bool wraps;
};
constexpr std::array<Run, 5> kRuns = {{{"0123456789", true},
                                       {"abcdefghijklmnopqrstuvwxyz", false},
                                       {"qwertyuiop", false},
                                       {"asdfghjkl", false},
                                       {"zxcvbnm", false}}};

// The code points of UTF-8 text; ASCII letters lower-cased. A byte that starts no well-formed
// sequence stands for itself.
std::u32string Folded(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80    ? 1
                         : lead >= 0xF0 ? 4
                         : lead >= 0xE0 ? 3
                         : lead >= 0xC0 ? 2
                                        : 1;
    if (i + length > text.size()) length = 1;
    char32_t point = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    if (point >= U'A' && point <= U'Z') point += U'a' - U'A';
    out.push_back(point);
    i += length;
  }
  return out;
}

bool OneCharacter(const std::u32string& text) {
  return text.find_first_not_of(text.front()) == std::u32string::npos;
}

// True when every character of `text` is the next one of `run` after the one before it (step
// +1), or every one the previous (step -1).
bool Walks(const std::u32string& text, const Run& run) {
  const auto size = static_cast<std::ptrdiff_t>(run.characters.size());
  std::ptrdiff_t previous = -1;
  std::ptrdiff_t step = 0;
  for (char32_t c : text) {
    const std::size_t at =
        c < 0x80 ? run.characters.find(static_cast<char>(c)) : std::string_view::npos;
    if (at == std::string_view::npos) return false;
    const auto position = static_cast<std::ptrdiff_t>(at);
    if (previous >= 0) {
      std::ptrdiff_t difference = position - previous;
      if (run.wraps && difference == 1 - size) difference = 1;
      if (run.wraps && difference == size - 1) difference = -1;
      if ((difference != 1 && difference != -1) || (step != 0 && difference != step)) return false;
      step = difference;
    }
    previous = position;
  }
  return true;
}

bool InRun(const std::u32string& text) {
  for (const Run& run : kRuns) {
    if (Walks(text, run)) return true;
  }
  return false;
}

bool ContainsName(const std::u32string& password, const std::u32string& name) {
  if (name.empty()) return false;
  if (name.size() < 3) return password == name;
  return password.find(name) != std::u32string::npos;
}

Error Refused(std::string message, std::string reason, Params params = {}) {
  return Error::Invalid(std::move(message), "password").With(std::move(reason), std::move(params));
}

}  // namespace

Status CheckPassword(std::string_view password, std::string_view account_name) {
  if (CharacterCount(password) < kPasswordMinCharacters) {
    return Refused("the password is too short: use at least " +
                       std::to_string(kPasswordMinCharacters) + " characters",
                   "password_too_short", {{"min", std::to_string(kPasswordMinCharacters)}});
  }
  if (password.size() > kPasswordMaxBytes) {
    return Refused(
        "the password is too long: use at most " + std::to_string(kPasswordMaxBytes) + " bytes",
        "password_too_long", {{"max", std::to_string(kPasswordMaxBytes)}});
  }
  const std::u32string folded = Folded(password);
  if (OneCharacter(folded)) {
    return Refused("the password is one character repeated", "password_one_character");
  }
  if (InRun(folded)) {
    return Refused("the password is a run of digits or letters (1234..., abcd..., qwer...)",
                   "password_sequence");
  }
  if (ContainsName(folded, Folded(account_name))) {
    return Refused("the password contains the account's name", "password_contains_name");
  }
  return Status::Ok();
}

}  // namespace grassroots::core
