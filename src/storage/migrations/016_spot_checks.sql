-- 016_spot_checks: the monthly spot check (每月一抽查, issue 13). One draw per month, kept with
-- everything needed to draw it again (core/spot_check.h, docs/spot-check.md): the seed and where
-- it came from, the audit chain head it was drawn at, the policy values, the candidates exactly
-- as they stood (code, type, under rectification, drawn last month) with their digest, and the
-- drawn list in order with the generator's numbers. Then what the inspectors found.
--
-- Portable SQL like 001. Months are YYYY-MM, days YYYY-MM-DD in the county's calendar, times
-- ISO 8601 UTC, people who acted are account names. Nothing here is updated but a finding's
-- item (set once, when a problem opens a rectification item).

-- `seed` is decimal text: a 64-bit unsigned number does not fit a signed INTEGER column.
-- `seed_source` 'given' (an operator chose it) or 'derived' (from the month and `audit_head`).
-- `assessment_year` is the stored assessment whose selection said "under rectification"
-- (NULL when none was stored yet). `candidates_digest` is the SHA-256 of the candidate lines
-- (docs/spot-check.md), so a copy of the list can be checked against the draw.
CREATE TABLE spot_checks (
  month TEXT PRIMARY KEY,
  seed TEXT NOT NULL,
  seed_source TEXT NOT NULL,
  audit_head TEXT NOT NULL,
  ratio_ppm INTEGER NOT NULL,
  min_selected INTEGER NOT NULL,
  assessment_year INTEGER NULL,
  candidate_count INTEGER NOT NULL,
  candidates_digest TEXT NOT NULL,
  run_by TEXT NOT NULL,
  run_at TEXT NOT NULL
);

-- The candidates as they stood at the draw. `org_code` is not a foreign key: the record is
-- history and outlives a change of the organization.
CREATE TABLE spot_check_candidates (
  month TEXT NOT NULL REFERENCES spot_checks (month),
  org_code TEXT NOT NULL,
  type TEXT NOT NULL,
  under_rectification INTEGER NOT NULL,
  drawn_last_month INTEGER NOT NULL,
  PRIMARY KEY (month, org_code)
);

-- The drawn organizations in the order drawn (seq from 1) with the generator's number that drew
-- each.
CREATE TABLE spot_check_draws (
  month TEXT NOT NULL REFERENCES spot_checks (month),
  seq INTEGER NOT NULL,
  org_code TEXT NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (month, seq)
);
CREATE INDEX spot_check_draws_org ON spot_check_draws (org_code, month);

-- What an inspection of a drawn organization found: 'fine' or 'problem_found', a note, the
-- county day it was checked on, and the rectification item a problem opened (NULL until then).
CREATE TABLE spot_check_findings (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL REFERENCES spot_checks (month),
  org_code TEXT NOT NULL,
  outcome TEXT NOT NULL,
  note TEXT NOT NULL,
  checked_on TEXT NOT NULL,
  item_id INTEGER NULL REFERENCES rectification_items (id),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX spot_check_findings_month ON spot_check_findings (month, org_code, id);
CREATE INDEX spot_check_findings_day ON spot_check_findings (checked_on, id);
