// Answers that cost much to compute and are read often (the dashboard's summary and trend: every
// row of a year, aggregated), kept and given again while the database has not changed.
//
// Each worker thread reads through its own connection, and whether the data changed is told by
// that connection's data version (storage::Store::DataVersion), so each thread keeps its own
// answers and needs no lock. An answer is computed at most once per thread and change; a
// change made anywhere (this server, the CLI, another server on the same file) is seen by the
// next request.
#pragma once

#include <functional>
#include <string>

#include "http/route.h"

namespace grassroots::http {

// Gives call.res the remembered body of `key` if it was computed from the data as it is now;
// otherwise runs `answer`, which writes call.res, and remembers the body if it is a 200. `key`
// must name everything the answer depends on besides the data (route, parameters, scope).
void AnswerRemembered(Call& call, const std::string& key, const std::function<void()>& answer);

// The part of a key that stands for what the caller may see: role and scope.
std::string ScopeKey(const core::Principal& who);

}  // namespace grassroots::http
