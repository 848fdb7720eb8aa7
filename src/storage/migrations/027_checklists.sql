-- 027_checklists: checklists filled per organization and year (issue 14, standards). The
-- checklists themselves (their items, which organization types they apply to, which dimension
-- they feed) are data in a TOML file beside the policy (policy/checklists-mohe-2016.toml); the
-- database keeps only the answers, their evidence and each application to a score as it was.
CREATE TABLE checklist_answers (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  checklist TEXT NOT NULL,
  item TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('met', 'not_met', 'not_applicable')),
  note TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (org_code, year, checklist, item)
);
-- An answer's evidence files, kept as rectification_evidence keeps its files
-- (storage/evidence_store.h: on SQLite the bytes beside the database by hash, `content` NULL).
CREATE TABLE checklist_evidence (
  id INTEGER PRIMARY KEY,
  answer_id INTEGER NOT NULL REFERENCES checklist_answers (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX checklist_evidence_answer ON checklist_evidence (answer_id, id);
-- A checklist applied to a dimension's score, as it was then: the items met and applicable, the
-- score written, the mapping's text and the items' states (JSON), who applied it and when. The
-- score page shows the newest of a dimension from these rows, never recomputed.
CREATE TABLE checklist_applications (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  dimension TEXT NOT NULL,
  checklist TEXT NOT NULL,
  checklist_name TEXT NOT NULL,
  met INTEGER NOT NULL,
  applicable INTEGER NOT NULL,
  score_cents INTEGER NOT NULL,
  mapping TEXT NOT NULL,
  items TEXT NOT NULL,
  applied_by TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
CREATE INDEX checklist_applications_org ON checklist_applications (org_code, year, dimension, id);
