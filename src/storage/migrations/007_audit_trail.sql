-- 007_audit_trail: the audit trail cannot be quietly rewound (issue 9). See
-- src/storage/audit_chain.h for how entries chain and src/storage/audit_verify.h for what
-- `grassroots audit verify` checks.

-- What each row of a bulk write or import changed: one row per organization, member or score
-- whose stored values changed, named as a single write names it ("organization:CODE",
-- "member:ID", "score:CODE:YEAR") with the row before (NULL when it was new) and after, as
-- the same JSON a single write records. The entry of the write (entry_id) holds how many
-- there are and a digest over them, and its hash covers both: a change record edited, removed
-- or added breaks the chain at that entry.
CREATE TABLE audit_changes (
  entry_id INTEGER NOT NULL,  -- audit_log.id of the write
  seq INTEGER NOT NULL,       -- 1, 2, ... within the entry, the order the digest covers
  entity TEXT NOT NULL,
  before_json TEXT NULL,
  after_json TEXT NULL,
  PRIMARY KEY (entry_id, seq)
) WITHOUT ROWID;
-- "What happened to score:V01:2016 after entry N": explanations look changes up by name.
CREATE INDEX audit_changes_entity ON audit_changes (entity, entry_id);

-- NULL on an entry without change records (single writes, logins, assessments, old entries);
-- the canonical text of an entry with change records ends with these two values.
ALTER TABLE audit_log ADD COLUMN change_count INTEGER NULL;
ALTER TABLE audit_log ADD COLUMN change_digest TEXT NULL;

-- 0 for events that change no data (logins, logouts, failed logins): Store::DataVersion, on
-- which remembered answers are keyed, skips them. Not covered by the hash: it steers caching
-- only.
ALTER TABLE audit_log ADD COLUMN data_change INTEGER NOT NULL DEFAULT 1;
UPDATE audit_log SET data_change = 0
  WHERE action IN ('login', 'logout', 'login_failed', 'password_change_failed');
-- MAX(id) over the data changes is one seek in this index.
CREATE INDEX audit_log_data_changes ON audit_log (id) WHERE data_change = 1;

-- The chain's head as it was at moments worth remembering (every 1,000th entry, every
-- assessment run): `audit verify` checks that each is still in the chain, so entries cut from
-- the end are caught even by someone who kept no copy of the head (unless the cut went through
-- this table too: the head file beside the database and heads written down are the anchors
-- outside the file).
CREATE TABLE audit_checkpoints (
  entry_id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL  -- "every 1000 entries", "assessment/2016", ...
);

-- Append-only, enforced by the database: an UPDATE or DELETE of the trail fails and rolls its
-- statement back. Someone with write access to the file can still drop these triggers; the
-- hash chain and the anchors outside the file are what catches that.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_changes_no_delete BEFORE DELETE ON audit_changes
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
