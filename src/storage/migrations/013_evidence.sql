-- 013_evidence: the files that show a rectification item was done (issue 12): photos, scans,
-- PDFs and office documents, each attached to one item. The row names the file as uploaded
-- (for display and download only: never a path), the type its bytes were found to be, their
-- size and SHA-256. On SQLite the bytes live under the data directory, beside the database,
-- by their hash (`<db>.evidence/ab/abcd...`, storage/evidence_store.h): `content` stays NULL
-- and the database stays small enough to back up and copy quickly.
CREATE TABLE rectification_evidence (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES rectification_items (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX rectification_evidence_item ON rectification_evidence (item_id, id);
