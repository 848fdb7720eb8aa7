-- 001_initial: organizations, members, scores, policies, stored assessments and the audit log.
--
-- Portable SQL, kept to what SQLite and PostgreSQL both accept: TEXT, INTEGER and REAL
-- columns, codes as keys, upserts written by the code as INSERT ... ON CONFLICT (...) DO
-- UPDATE. Vocabularies (type, kind, status, grade) hold the English names of src/core and are
-- written only through core::ToString; they have no CHECK (... IN (...)) because SQLite pays
-- about 1.3 us a row for one, a third of the time of a 5-million-row import.

-- Settings of the deployment; 'demo' = '1' marks a database written by `grassroots demo`.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Assessing units: the county (or other unit) that ranks an organization.
CREATE TABLE units (
  code TEXT PRIMARY KEY
);

-- The parent key is deferred: an import may list children before their parents, and the
-- check runs at COMMIT, where a violation rolls the whole import back.
CREATE TABLE organizations (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,  -- village, community, soe, nonpublic, agency, institution
  kind TEXT NOT NULL,  -- committee, general_branch, branch
  parent_code TEXT NULL REFERENCES organizations (code) DEFERRABLE INITIALLY DEFERRED,
  secretary TEXT NOT NULL,
  unit_code TEXT NOT NULL REFERENCES units (code)
);
CREATE INDEX organizations_parent ON organizations (parent_code);
CREATE INDEX organizations_unit_type ON organizations (unit_code, type);

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  status TEXT NOT NULL,  -- regular, mobile, lost_contact, pocket, retired
  joined TEXT NULL
);
CREATE INDEX members_org ON members (org_code);

-- Keyed by year first: an assessment reads one year's scores, in code order.
CREATE TABLE scores (
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  team REAL NOT NULL,
  leader REAL NOT NULL,
  venue REAL NOT NULL,
  routine REAL NOT NULL,
  service REAL NOT NULL,
  members REAL NOT NULL,
  grade TEXT NULL,   -- the committee's grade: A, B, C or D
  reason TEXT NULL,  -- and why
  PRIMARY KEY (year, org_code)
);

-- Every policy an assessment used, by version, as core::CanonicalPolicyText.
CREATE TABLE policies (
  version TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE assessments (
  year INTEGER PRIMARY KEY,
  policy_version TEXT NOT NULL REFERENCES policies (version),
  run_at TEXT NOT NULL,
  selected_count INTEGER NOT NULL
);

-- One row per organization assessed; NULL score, grade and rank when it had no score.
-- org_code has no foreign key: a result is history and outlives the organization.
CREATE TABLE assessment_results (
  year INTEGER NOT NULL REFERENCES assessments (year) ON DELETE CASCADE,
  org_code TEXT NOT NULL,
  score_cents INTEGER NULL,
  grade TEXT NULL,  -- A, B, C or D
  rank_in_type INTEGER NULL,
  selected INTEGER NOT NULL,
  reasons INTEGER NOT NULL,  -- core::Reason bits: 1 bottom quota, 2 grade D, 4 manual
  consecutive INTEGER NOT NULL,
  PRIMARY KEY (year, org_code)
);

-- The quota arithmetic of each (unit, type) group, so that a past list can be explained.
CREATE TABLE assessment_quotas (
  year INTEGER NOT NULL REFERENCES assessments (year) ON DELETE CASCADE,
  unit_code TEXT NOT NULL,
  type TEXT NOT NULL,
  count INTEGER NOT NULL,
  ratio_ppm INTEGER NOT NULL,
  quota INTEGER NOT NULL,
  cut_cents INTEGER NULL,
  taken INTEGER NOT NULL,
  PRIMARY KEY (year, unit_code, type)
);

-- The committee adds or removes an organization by hand, always with a reason.
CREATE TABLE manual_decisions (
  year INTEGER NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  include INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (year, org_code)
);

-- Append-only; see src/storage/audit_chain.h for how hash and prev_hash chain the entries.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  origin TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  before_json TEXT NULL,
  after_json TEXT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
