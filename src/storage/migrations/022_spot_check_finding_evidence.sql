-- 022_spot_check_finding_evidence: the evidence files of a spot-check finding (issue 13: findings
-- recorded "with evidence"), kept as rectification_evidence keeps its files (storage/
-- evidence_store.h: on SQLite the bytes beside the database by hash and `content` NULL).
CREATE TABLE spot_check_finding_evidence (
  id INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES spot_check_findings (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX spot_check_finding_evidence_finding ON spot_check_finding_evidence (finding_id, id);
