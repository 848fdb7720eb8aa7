-- 021_first_secretary_reports: a first secretary's monthly reports (第一书记, issue 14): the work
-- plan of a month (due by the 5th) and its duty ledger (due by its last day), per posted village.
-- Who owes a report is the five-level support's first_secretary holder on its due day
-- (support_assignments, core::PostingOwes): `user_name` and `person` are that holder as filed.
-- One report per village, month and kind: filed once, never replaced (the time it came in is
-- what the on-time rate counts). `submitted_at` is UTC, ISO 8601.
CREATE TABLE first_secretary_reports (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,
  kind TEXT NOT NULL,
  user_name TEXT NOT NULL,
  person TEXT NOT NULL,
  text TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  UNIQUE (org_code, year, month, kind)
);
CREATE INDEX first_secretary_reports_user ON first_secretary_reports (user_name, year, month);

-- The photos of a report, kept as rectification_evidence keeps its files (storage/
-- evidence_store.h: on SQLite the bytes beside the database by hash and `content` NULL).
CREATE TABLE first_secretary_report_photos (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES first_secretary_reports (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX first_secretary_report_photos_report ON first_secretary_report_photos (report_id, id);
