// Errors as values: every fallible call in Grassroots returns Result<T> or Status.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace grassroots::core {

// A domain error code. Adapters map these to exit codes or HTTP statuses in one place each.
enum class ErrorCode {
  kInvalid,      // the input breaks a rule (bad value, unknown name, cycle, ...)
  kNotFound,     // a named thing does not exist
  kConflict,     // the request contradicts stored state
  kForbidden,    // the caller may not do this
  kUnavailable,  // a resource (file, database) cannot be reached
  kInternal,     // a bug or an unexpected library failure
};

// The values an error's wording needs, by name, in order ({"min", "0"}, {"max", "100"}).
using Params = std::vector<std::pair<std::string, std::string>>;

// What went wrong, for a person to act on. `field` names the parameter, column, key or
// FILE:LINE the error is about; it may be empty. `reason` is a stable, language-free name of
// the rule that failed ("score_out_of_range") and `params` the values its wording needs: a
// user interface words the error from these two (in Chinese or English), never from
// `message`, which is English for logs, the CLI and API clients. An empty reason means only
// `code` is known.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;
  std::string reason;
  Params params;

  // The same error with its stable reason and parameters attached.
  Error&& With(std::string why, Params values = {}) && {
    reason = std::move(why);
    params = std::move(values);
    return std::move(*this);
  }

  static Error Invalid(std::string message, std::string field = {}) {
    return {ErrorCode::kInvalid, std::move(message), std::move(field), {}, {}};
  }
  static Error NotFound(std::string message, std::string field = {}) {
    return {ErrorCode::kNotFound, std::move(message), std::move(field), {}, {}};
  }
  static Error Conflict(std::string message, std::string field = {}) {
    return {ErrorCode::kConflict, std::move(message), std::move(field), {}, {}};
  }
  static Error Forbidden(std::string message, std::string field = {}) {
    return {ErrorCode::kForbidden, std::move(message), std::move(field), {}, {}};
  }
  static Error Unavailable(std::string message, std::string field = {}) {
    return {ErrorCode::kUnavailable, std::move(message), std::move(field), {}, {}};
  }
  static Error Internal(std::string message, std::string field = {}) {
    return {ErrorCode::kInternal, std::move(message), std::move(field), {}, {}};
  }
};

// Either a value or an Error. Check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// The result of an operation that returns nothing on success.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design
  static Status Ok() { return {}; }

  bool ok() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace grassroots::core
