-- 028_standardized_branches: standardized Party branches (标准化党支部), issue 14.
--
-- Portable SQL like 001. Dates are ISO YYYY-MM-DD in the county's calendar, times ISO 8601 UTC,
-- people who acted are account names (users.name).

-- A batch of designations: the department names a batch (e.g. "2016年第一批") on a day, for the
-- title of one year.
CREATE TABLE standard_batches (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  name TEXT NOT NULL,
  designated_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

-- One organization's title of a year, from its batch; revoked (on a day, with a reason) or
-- current. An organization holds at most one current title a year: app/standards_service.cc
-- checks it inside the write transaction (a partial unique index is not portable to every
-- SQLite the county may run).
CREATE TABLE standard_designations (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES standard_batches (id),
  year INTEGER NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  revoked_on TEXT NULL,
  revoke_reason TEXT NULL,
  revoked_at TEXT NULL,
  revoked_by TEXT NULL
);
CREATE INDEX standard_designations_year ON standard_designations (year, org_code);
CREATE INDEX standard_designations_org ON standard_designations (org_code, year);
