// Delivering a recorded digest of the weekly reminder beyond the inbox. Nothing leaves the
// machine (no mail or SMS gateway is reachable): the one sender writes each digest as a UTF-8
// text file for an operator to forward. DigestSender is the seam for a real sender later (mail,
// SMS, a messaging app): it gets the digest as stored, never the live items.
#pragma once

#include <string>

#include "core/error.h"
#include "storage/reminder_records.h"

namespace grassroots::app {

class DigestSender {
 public:
  virtual ~DigestSender() = default;
  virtual core::Status Send(const storage::DigestRecord& digest) = 0;
};

// The digest as a person reads it: a heading naming the week and recipient, then the items due
// within the week and those overdue, one line each (organization, measure, responsible person,
// deadline, state), then the first secretaries' reports missing (village, month and kind, first
// secretary, due date), in Chinese.
std::string DigestText(const storage::DigestRecord& digest);

// A file name that cannot be a path: "WEEK-KIND-SAFE-ID.txt", where SAFE keeps only the ASCII
// letters, digits, '-' and '_' of the recipient's name (at most 40; a Chinese name leaves none)
// and ID, the digest's, keeps names unique. Never the raw text of a user.
std::string DigestFileName(const storage::DigestRecord& digest);

// Writes each digest to DIR/DigestFileName, replacing a file of that name (the same digest
// written again). kUnavailable naming "--out" when the directory cannot be written.
class DigestFileWriter : public DigestSender {
 public:
  explicit DigestFileWriter(std::string dir) : dir_(std::move(dir)) {}
  core::Status Send(const storage::DigestRecord& digest) override;

 private:
  std::string dir_;
};

}  // namespace grassroots::app
