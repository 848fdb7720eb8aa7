#include "app/import_stream.h"

#include <algorithm>
#include <atomic>
#include <concepts>
#include <exception>
#include <future>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/chunk_handoff.h"
#include "core/clock.h"
#include "core/import_checks.h"
#include "csv/import_files.h"
#include "storage/import_writer.h"

namespace grassroots::app {
namespace {

// Rows written per chunk: large enough that a chunk's lookups and statements cost little
// beside its rows, small enough to stay a few MiB.
constexpr std::size_t kChunkRows = 8192;

void Report(const StreamOptions& options, std::string_view stage) {
  if (options.progress) options.progress(stage);
}

void Consumed(const StreamOptions& options, std::size_t offset) {
  if (options.consumed) options.consumed(offset);
}

// The parse errors followed by the cross-row ones, stably by line (a row's own errors first).
void Merge(std::vector<core::LineError>& errors, std::vector<core::LineError> more) {
  if (more.empty()) return;
  errors.insert(errors.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
  std::ranges::stable_sort(errors, {}, &core::LineError::line);
}

// How each kind is read, checked and written. Each has a State made in Prepare(tx) from the
// store, Stream(state, content, errors, fn), Add(state, row) for each row of the first pass (on
// the reader's thread: it checks the row and may complete it) and Finish(state) for the checks
// across rows. Every row is written as soon as it is checked (CheckAll) while
// WritableAsRead(state) holds, and the rows so written are kept when WrittenAsResolved(state)
// holds after Finish; else the file is read twice (organizations whose units came from a parent
// further on): checked, then read again and written (WriteAll), completed by Fill(state, row,
// index).
struct OrgKind {
  using Row = core::Organization;
  using Check = core::OrgBatchCheck;
  static constexpr storage::ImportTable kTable = storage::ImportTable::kOrganizations;
  static constexpr std::string_view kName = "organizations";
  struct State {
    Check check;
    // Set on the reader's thread at the first row whose unit waits for a parent further on.
    std::atomic<bool> unit_unknown{false};
  };
  static core::Status Prepare(storage::Tx& tx, State& state) {
    return storage::ReadStoredOrganizations(tx, state.check);
  }
  static void Stream(const State&, std::string_view content, std::vector<core::LineError>& errors,
                     const csv::RowFn<Row>& fn) {
    csv::StreamOrganizationsCsv(content, errors, fn);
  }
  // An empty unit is completed from the rows before (Check::UnitSoFar), so that a file whose
  // parents come before their children is written as it is read.
  static void Add(State& state, csv::StreamedRow<Row>& row) {
    // A row that failed still makes its code known, so that its children are not told their
    // parent does not exist.
    if (row.failed) {
      state.check.AddFailedRow(row.value.code, row.value.parent);
      return;
    }
    state.check.AddRow(row.line, row.value.code, row.value.parent, row.value.unit);
    if (!row.value.unit.empty()) return;
    if (const std::optional<std::string_view> unit =
            state.check.UnitSoFar(state.check.rows() - 1)) {
      row.value.unit = *unit;
    } else {
      state.unit_unknown = true;
    }
  }
  static std::vector<core::LineError> Finish(State& state) { return state.check.Finish(); }
  static bool WritableAsRead(const State& state) { return !state.unit_unknown; }
  // A parent after its child (its unit unknown so far), or a stored parent after its children
  // with another unit: the units written are not all those the whole file gives.
  static bool WrittenAsResolved(const State& state) { return state.check.UnitsAsSoFar(); }
  static void Fill(const State& state, Row& row, std::size_t index) {
    if (row.unit.empty()) row.unit = state.check.UnitOf(index);
  }
};

struct MemberKind {
  using Row = core::Member;
  static constexpr storage::ImportTable kTable = storage::ImportTable::kMembers;
  static constexpr std::string_view kName = "members";
  struct State {
    core::CodeSet orgs;
    core::MemberBatchCheck check{orgs};
    // Both passes read the joined dates against the same day.
    core::CivilDate today = core::CountyDate(core::DefaultClock().Now());
  };
  static core::Status Prepare(storage::Tx& tx, State& state) {
    return storage::ReadOrganizationCodes(tx, state.orgs);
  }
  static void Stream(const State& state, std::string_view content,
                     std::vector<core::LineError>& errors, const csv::RowFn<Row>& fn) {
    csv::StreamMembersCsv(content, state.today, errors, fn);
  }
  static void Add(State& state, csv::StreamedRow<Row>& row) {
    if (!row.failed) state.check.AddRow(row.line, row.value.id, row.value.org);
  }
  static std::vector<core::LineError> Finish(State& state) { return state.check.Finish(); }
  static bool WritableAsRead(const State&) { return true; }
  static bool WrittenAsResolved(const State&) { return true; }
  // What the write refuses beyond each row's checks (a change of status the rules do not
  // allow), asked of the store without writing: a dry run's answer is the import's.
  static core::Status CheckWrite(storage::Tx& tx, const std::vector<Row>& rows) {
    return storage::CheckMemberWrites(tx, rows);
  }
};

struct ScoreKind {
  using Row = core::ScoreRecord;
  static constexpr storage::ImportTable kTable = storage::ImportTable::kScores;
  static constexpr std::string_view kName = "scores";
  struct State {
    core::CodeSet orgs;
    core::ScoreBatchCheck check{orgs};
  };
  static core::Status Prepare(storage::Tx& tx, State& state) {
    return storage::ReadOrganizationCodes(tx, state.orgs);
  }
  static void Stream(const State&, std::string_view content, std::vector<core::LineError>& errors,
                     const csv::RowFn<Row>& fn) {
    csv::StreamScoresCsv(content, errors, fn);
  }
  static void Add(State& state, csv::StreamedRow<Row>& row) {
    if (!row.failed) state.check.AddRow(row.line, row.value.code, row.value.year);
  }
  static std::vector<core::LineError> Finish(State& state) { return state.check.Finish(); }
  // A score needs nothing from the rest of the file to be written.
  static bool WritableAsRead(const State&) { return true; }
  static bool WrittenAsResolved(const State&) { return true; }
};

std::string Counted(std::string_view what, std::size_t rows) {
  return std::string(what) + " " + std::to_string(rows) + " rows";
}

// A chunk of parsed rows, and how far into the text its last row ended.
template <typename Item>
struct ParsedChunk {
  std::vector<Item> rows;
  std::size_t offset = 0;
};

// Chunks parsed ahead of the one being checked or written: enough for the parser to keep going
// while the other thread works, few enough to stay a few MiB.
constexpr std::size_t kChunksAhead = 2;

// Thrown from the parser's callback to leave the rest of the file unread once the consumer
// stopped.
struct ParsingStopped {};

// Each pass parses the file on a thread of its own and hands the rows over a chunk at a time
// to the thread that holds the transaction, so that on two cores the parsing costs no time of
// its own beside the checks (first pass) or the writes (second pass). `read(emit)` streams the
// file, calling emit(item, offset) for each row in order; it runs on the reader's thread and
// may throw ParsingStopped to end early. However the reader is left (the consumer's exception
// included), its destructor stops the parsing and waits for it, never leaving it blocked on a
// full handoff.
template <typename Item>
class ReaderThread {
 public:
  template <typename Read>
  ReaderThread(std::size_t end, Read read)
      : thread_([this, end, read = std::move(read)] { Run(end, read); }) {}
  ~ReaderThread() {
    handoff_.Stop();
    if (thread_.joinable()) thread_.join();
  }
  ReaderThread(const ReaderThread&) = delete;
  ReaderThread& operator=(const ReaderThread&) = delete;

  std::optional<ParsedChunk<Item>> Next() { return handoff_.Pop(); }
  // Takes no more chunks (the parser stops at its next one).
  void Stop() { handoff_.Stop(); }
  // Waits for the parser to end and rethrows what it threw, ParsingStopped aside.
  void Join() {
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  template <typename Read>
  void Run(std::size_t end, const Read& read) {
    try {
      ParsedChunk<Item> chunk;
      chunk.rows.reserve(kChunkRows);
      read([&](Item item, std::size_t offset) {
        chunk.rows.push_back(std::move(item));
        if (chunk.rows.size() < kChunkRows) return;
        chunk.offset = offset;
        if (!handoff_.Push(std::exchange(chunk, {}))) throw ParsingStopped{};
        chunk.rows.reserve(kChunkRows);
      });
      if (!chunk.rows.empty()) {
        chunk.offset = end;
        handoff_.Push(std::move(chunk));
      }
    } catch (const ParsingStopped&) {
    } catch (...) {
      failure_ = std::current_exception();
    }
    handoff_.Close();
  }

  // Declared before the thread, which uses them from its first instruction.
  ChunkHandoff<ParsedChunk<Item>> handoff_{kChunksAhead};
  std::exception_ptr failure_;
  std::thread thread_;
};

// Moves a chunk's rows into `rows` when every one of them parsed; false when one did not (the
// import then writes nothing, so no later chunk needs writing either).
template <typename Streamed, typename Row>
bool TakeParsed(std::vector<Streamed>& chunk, std::vector<Row>& rows) {
  rows.clear();
  for (Streamed& row : chunk) {
    if (row.failed) return false;
    rows.push_back(std::move(row.value));
  }
  return true;
}

// Writes the chunks of the first pass as they are checked, while every row so far parsed and
// could be completed: the transaction's thread then writes while the file is parsed once,
// instead of waiting for a whole first pass before a second (at country scale the first pass of
// `import scores` was 9 s of about 40). The checks that need the whole file (a key repeated
// further on) come after the last chunk: when they or any row fail, the caller rolls the write
// back, so nothing is written all the same.
template <typename Row>
class WriteAsChecked {
 public:
  WriteAsChecked(storage::Tx& tx, storage::ImportTable table) : writer_(tx, table) {}

  // Writes the rows of a chunk whose rows all parsed, until a chunk did not or a write failed
  // (a row the checks will reject, such as a repeated key in one statement).
  template <typename Streamed>
  void Chunk(std::vector<Streamed>& chunk, const StreamOptions& options) {
    if (!writing_) return;
    if (!TakeParsed(chunk, rows_)) {
      writing_ = false;
      return;
    }
    status_ = writer_.Write(rows_);
    if (!status_.ok()) {
      writing_ = false;
      return;
    }
    written_ += rows_.size();
    if (written_ % (kChunkRows * 64) == 0)
      Report(options, Counted("checked and written", written_));
  }
  // Writes no more (a row could not be completed from the rows before it).
  void Stop() { writing_ = false; }
  // Once every row passed every check: the write's error, if any, else the import's entry.
  core::Result<storage::WriteSummary> Finish(std::size_t rows) {
    if (!status_.ok()) return status_.error();
    return writer_.Finish(rows);
  }

 private:
  storage::ImportWriter writer_;
  std::vector<Row> rows_;  // a chunk's rows, moved out of the parsed ones
  core::Status status_ = core::Status::Ok();
  bool writing_ = true;
  std::size_t written_ = 0;
};

// The dry run's stand-in for WriteAsChecked: each chunk whose rows all parsed is asked what the
// write would refuse of it beyond the rows' own checks (Kind::CheckWrite), and nothing is
// written; it stops where WriteAsChecked would.
template <typename Kind>
class CheckAsWritten {
 public:
  explicit CheckAsWritten(storage::Tx& tx) : tx_(tx) {}

  template <typename Streamed>
  void Chunk(std::vector<Streamed>& chunk, const StreamOptions&) {
    if (!checking_) return;
    if (!TakeParsed(chunk, rows_)) {
      checking_ = false;
      return;
    }
    status_ = Kind::CheckWrite(tx_, rows_);
    if (!status_.ok()) checking_ = false;
  }
  void Stop() { checking_ = false; }
  // The first refusal, if any.
  const core::Status& status() const { return status_; }

 private:
  storage::Tx& tx_;
  std::vector<typename Kind::Row> rows_;
  core::Status status_ = core::Status::Ok();
  bool checking_ = true;
};

// The kinds whose write refuses more than each row's checks do (CheckWrite): members.
template <typename Kind>
concept ChecksItsWrites = requires(storage::Tx& tx, const std::vector<typename Kind::Row>& rows) {
  { Kind::CheckWrite(tx, rows) } -> std::same_as<core::Status>;
};

// Tells the reader that the stored rows its checks need are read: when Set, or on the way out
// whatever the way (declared after the reader, it is destroyed before the reader is stopped and
// joined, which would otherwise wait for a reader that waits for this).
class PreparedSignal {
 public:
  explicit PreparedSignal(std::promise<void>& promise) : promise_(promise) {}
  PreparedSignal(const PreparedSignal&) = delete;
  PreparedSignal& operator=(const PreparedSignal&) = delete;
  ~PreparedSignal() { Set(); }
  void Set() {
    if (!set_) promise_.set_value();
    set_ = true;
  }

 private:
  std::promise<void>& promise_;
  bool set_ = false;
};

// The first pass: parses and checks every row on the reader's thread, and hands each checked
// chunk to `write` here when not null. The checks run beside the parsing rather than here, where
// they were the whole of this thread's work in a pass that wrote nothing (at country scale 4 s
// of `import scores`' lookups of 10.4 million codes): this thread reads the stored rows the
// checks need (Prepare) meanwhile, and the reader waits for them before its first check.
// `outcome` gets the rows that parsed and every error.
template <typename Kind, typename Sink = WriteAsChecked<typename Kind::Row>>
core::Status CheckAll(storage::Tx& tx, std::string_view content, typename Kind::State& state,
                      ImportOutcome& outcome, const StreamOptions& options, Sink* write = nullptr) {
  using Streamed = csv::StreamedRow<typename Kind::Row>;
  // Written by the reader's thread only, read here once it has ended.
  std::vector<core::LineError> parse_errors;
  std::promise<void> prepared;
  const std::shared_future<void> ready = prepared.get_future().share();
  ReaderThread<Streamed> reader(content.size(), [&](const auto& emit) {
    bool waited = false;
    Kind::Stream(state, content, parse_errors, [&](Streamed& row) {
      if (!waited) {
        ready.wait();
        waited = true;
      }
      Kind::Add(state, row);
      const std::size_t offset = row.offset;
      emit(std::move(row), offset);
    });
  });
  PreparedSignal signal(prepared);
  core::Status read = Kind::Prepare(tx, state);
  signal.Set();
  if (!read.ok()) return read;
  while (std::optional<ParsedChunk<Streamed>> chunk = reader.Next()) {
    for (const Streamed& row : chunk->rows) {
      if (!row.failed) ++outcome.rows;
    }
    if (write != nullptr) {
      // The reader stops the writing before it hands over the chunk of the row that stopped it.
      if (!Kind::WritableAsRead(state)) write->Stop();
      write->Chunk(chunk->rows, options);
    }
    Consumed(options, chunk->offset);
  }
  reader.Join();
  Report(options, Counted("parsed", outcome.rows));
  // The parse errors as the file gave them, then the cross-row ones merged in by line.
  outcome.errors.insert(outcome.errors.end(), std::make_move_iterator(parse_errors.begin()),
                        std::make_move_iterator(parse_errors.end()));
  Merge(outcome.errors, Kind::Finish(state));
  return core::Status::Ok();
}

// The second pass (when the first could not write them): the rows parsed again on the reader's
// thread (all of them parse: the first pass found no error), completed there (Kind::Fill), and
// written here a chunk at a time.
template <typename Kind>
core::Status WriteAll(storage::Tx& tx, std::string_view content, const typename Kind::State& state,
                      ImportOutcome& outcome, const StreamOptions& options) {
  using Row = typename Kind::Row;
  storage::ImportWriter writer(tx, Kind::kTable);
  int failed_line = 0;  // written by the reader's thread, read here once it has ended
  ReaderThread<Row> reader(content.size(), [&](const auto& emit) {
    std::vector<core::LineError> errors;
    std::size_t index = 0;
    Kind::Stream(state, content, errors, [&](csv::StreamedRow<Row>& row) {
      if (row.failed) {
        failed_line = row.line;
        throw ParsingStopped{};
      }
      Kind::Fill(state, row.value, index++);
      emit(std::move(row.value), row.offset);
    });
  });
  core::Status status = core::Status::Ok();
  std::size_t written = 0;
  while (std::optional<ParsedChunk<Row>> chunk = reader.Next()) {
    status = writer.Write(chunk->rows);
    if (!status.ok()) {
      reader.Stop();
      break;
    }
    written += chunk->rows.size();
    Consumed(options, chunk->offset);
    if (written % (kChunkRows * 64) == 0) Report(options, Counted("written", written));
  }
  reader.Join();
  if (failed_line != 0) {
    return core::Error::Internal("line " + std::to_string(failed_line) +
                                 " failed on the second reading of the file");
  }
  if (!status.ok()) return status;
  auto summary = writer.Finish(outcome.rows);
  if (!summary.ok()) return summary.error();
  outcome.written = summary.value();
  return core::Status::Ok();
}

// The file read once, each chunk written as soon as it is checked. With errors the caller rolls
// back what was written; so it does when the rows written were not all completed as the whole
// file completes them (`reread`: the file is to be read twice).
template <typename Kind>
core::Status CheckAndWrite(storage::Tx& tx, std::string_view content, typename Kind::State& state,
                           ImportOutcome& outcome, const StreamOptions& options, bool& reread) {
  WriteAsChecked<typename Kind::Row> write(tx, Kind::kTable);
  if (core::Status checked = CheckAll<Kind>(tx, content, state, outcome, options, &write);
      !checked.ok() || !outcome.errors.empty()) {
    return checked;
  }
  if (!Kind::WrittenAsResolved(state)) {
    reread = true;
    return core::Error::Invalid("rows were written before the rows that complete them");
  }
  auto summary = write.Finish(outcome.rows);
  if (!summary.ok()) return summary.error();
  outcome.written = summary.value();
  return core::Status::Ok();
}

// The whole file checked, then read again and written: organizations whose units come from a
// parent further on.
template <typename Kind>
core::Status CheckThenWrite(storage::Tx& tx, std::string_view content, typename Kind::State& state,
                            ImportOutcome& outcome, const StreamOptions& options) {
  if (core::Status checked = CheckAll<Kind>(tx, content, state, outcome, options);
      !checked.ok() || !outcome.errors.empty()) {
    return checked;
  }
  Report(options, "validated; writing");
  return WriteAll<Kind>(tx, content, state, outcome, options);
}

// A dry run: the first pass, and for the kinds whose write refuses more (ChecksItsWrites), what
// it would refuse of the rows, asked chunk by chunk. The rows' errors come first, as in the
// import, where they roll the write back before its refusal is answered.
template <typename Kind>
core::Status DryRun(storage::Tx& tx, std::string_view content, typename Kind::State& state,
                    ImportOutcome& outcome, const StreamOptions& options) {
  if constexpr (ChecksItsWrites<Kind>) {
    CheckAsWritten<Kind> check(tx);
    if (core::Status checked = CheckAll<Kind>(tx, content, state, outcome, options, &check);
        !checked.ok() || !outcome.errors.empty()) {
      return checked;
    }
    return check.status();
  } else {
    return CheckAll<Kind>(tx, content, state, outcome, options);
  }
}

// The kinds whose rows may need the whole file to be completed (Fill): organizations.
template <typename Kind>
concept CompletedByTheWholeFile = requires(const typename Kind::State& state,
                                           typename Kind::Row& row) {
  Kind::Fill(state, row, std::size_t{0});
};

template <typename Kind>
core::Result<ImportOutcome> Run(storage::Store& store, std::string_view content,
                                const storage::Actor* actor, const StreamOptions& options) {
  ImportOutcome outcome;
  // Set when a write is rolled back because rows of the file failed their checks: the outcome's
  // errors are the answer.
  bool rejected = false;
  // Set when the write read once is rolled back to be done again reading twice.
  bool reread = false;
  bool read_twice = false;
  // Write may run `fn` again (a serialization failure on PostgreSQL): each run starts afresh.
  auto fn = [&](storage::Tx& tx) -> core::Status {
    outcome = ImportOutcome{};
    rejected = false;
    reread = false;
    typename Kind::State state;
    if (actor == nullptr) return DryRun<Kind>(tx, content, state, outcome, options);
    core::Status status = core::Status::Ok();
    if constexpr (CompletedByTheWholeFile<Kind>) {
      status = read_twice ? CheckThenWrite<Kind>(tx, content, state, outcome, options)
                          : CheckAndWrite<Kind>(tx, content, state, outcome, options, reread);
    } else {
      status = CheckAndWrite<Kind>(tx, content, state, outcome, options, reread);
    }
    if (status.ok() && !outcome.errors.empty()) {
      rejected = true;
      return core::Error::Invalid("rows of the file failed their checks");
    }
    return status;
  };
  const auto run = [&] {
    return actor == nullptr ? store.Read(fn)
                            : store.Write(*actor, fn, storage::Store::WriteSize::kBulk);
  };
  core::Status status = run();
  if (reread) {
    Report(options, "a parent comes after its children: undone, reading the file twice");
    read_twice = true;
    status = run();
  }
  if (rejected) return outcome;
  if (!status.ok()) {
    core::Error error = status.error();
    error.message =
        "importing " + std::string(Kind::kName) + " (nothing was written): " + error.message;
    return error;
  }
  return outcome;
}

}  // namespace

core::Result<ImportOutcome> StreamImport(storage::Store& store, ImportKind kind,
                                         std::string_view content, const storage::Actor* actor,
                                         const StreamOptions& options) {
  switch (kind) {
    case ImportKind::kOrganizations:
      return Run<OrgKind>(store, content, actor, options);
    case ImportKind::kMembers:
      return Run<MemberKind>(store, content, actor, options);
    case ImportKind::kScores:
      return Run<ScoreKind>(store, content, actor, options);
  }
  return core::Error::Internal("unknown import kind");
}

}  // namespace grassroots::app
