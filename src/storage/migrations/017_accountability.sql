-- 017_accountability: interviews (约谈) and organizational adjustments (组织调整), issue 14.
--
-- Portable SQL like 001. Dates are ISO YYYY-MM-DD in the county's calendar, times ISO 8601 UTC,
-- people who acted are account names (users.name).

-- An interview held with a cadre. `person_key` is how the eligibility question names the person
-- (core::PersonKey): the member id when the interviewee is a member, else the name as written.
-- `member_id` and `org_code` are kept as written (a member or an organization known when
-- recorded); neither is a foreign key, so that the record outlives a change of either.
CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  held_on TEXT NOT NULL,
  person_key TEXT NOT NULL,
  person TEXT NOT NULL,
  member_id TEXT NULL,
  post TEXT NOT NULL DEFAULT '',
  org_code TEXT NULL,
  interviewer TEXT NOT NULL,
  reason TEXT NOT NULL,
  record TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX interviews_person ON interviews (person_key, held_on);
CREATE INDEX interviews_held ON interviews (held_on, id);

-- The decision on a removal a year's assessment proposed (core::ProposedRemovals): one per
-- organization whose secretary it is about. `outcome` 'done' (on `done_on`, with `successor`) or
-- 'not_done' (with `reason`). A decision is final: it is recorded once.
CREATE TABLE adjustment_decisions (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  outcome TEXT NOT NULL,
  done_on TEXT NULL,
  successor TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  UNIQUE (year, org_code)
);

-- Every change of an organization's secretary made here, oldest first: who held the post
-- before, who after, from which day, and the adjustment decision that made it (NULL when none).
CREATE TABLE secretary_changes (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  changed_on TEXT NOT NULL,
  previous TEXT NOT NULL,
  successor TEXT NOT NULL,
  decision_id INTEGER NULL REFERENCES adjustment_decisions (id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX secretary_changes_org ON secretary_changes (org_code, id);
