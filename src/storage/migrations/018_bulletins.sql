-- 018_bulletins: quarterly bulletins as issued (每季一通报, issue 13). An issued bulletin keeps
-- the figures it was issued with, so that asking for that quarter again answers what was stored
-- then, whatever the items have become since (core/bulletin.h says how figures are counted).
--
-- Portable SQL like 001. Times ISO 8601 UTC, people who acted are account names (users.name).

-- One per quarter ("2016-Q2") and scope: `unit_code` '' for the county, else the direct
-- organization reported on. `number` is the issue number within `year` (第N期), `figures` the
-- bulletin's figures as JSON (app/bulletin_json.h), `audit_head` the audit chain's head
-- ("ID:HASH") just before the issue was recorded: what the figures were read at.
CREATE TABLE bulletins (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  quarter TEXT NOT NULL,
  unit_code TEXT NOT NULL DEFAULT '',
  number INTEGER NOT NULL,
  figures TEXT NOT NULL,
  audit_head TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  UNIQUE (quarter, unit_code)
);
CREATE INDEX bulletins_year ON bulletins (year, number);

-- An issued bulletin is what the department published: never changed, never removed.
CREATE TRIGGER bulletins_no_update BEFORE UPDATE ON bulletins
BEGIN SELECT RAISE(ABORT, 'an issued bulletin is never changed'); END;
CREATE TRIGGER bulletins_no_delete BEFORE DELETE ON bulletins
BEGIN SELECT RAISE(ABORT, 'an issued bulletin is never changed'); END;
