// Interviews (约谈) as stored (migration 017), reached from a use case's transaction (tx.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/interview_rules.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

// Which interviews a list holds; empty and 0 mean any.
struct InterviewFilter {
  std::string person;  // a person key (core::PersonKey)
  int year = 0;        // held in this calendar year
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

class InterviewRecords {
 public:
  explicit InterviewRecords(Tx& tx) : tx_(tx) {}

  // Stores `interview` (checked by core::CheckInterview) with its audit entry
  // "interview.create", entity "interview:ID", and answers it as stored (id, recorded_by,
  // recorded_at). Write transactions only.
  core::Result<core::InterviewRecord> Add(core::InterviewRecord interview);

  // Newest first (held_on, then id), with the count of all that match. kInvalid for bad paging.
  core::Result<Page<core::InterviewRecord>> List(const InterviewFilter& filter);

  // Every interview of the person with key `person`, oldest first.
  core::Result<std::vector<core::InterviewRecord>> OfPerson(const std::string& person);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
