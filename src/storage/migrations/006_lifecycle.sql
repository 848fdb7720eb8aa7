-- 006_lifecycle: accounts disabled and enabled again, organizations dissolved (撤销) or merged
-- (合并) into another from a date, members who left (转出 transferred out, 死亡 died, other) on a
-- date. Nothing is deleted: each is a state of a row that stays, so that every assessment and
-- audit entry that names it still finds it.
--
-- Portable SQL like 001, but for the triggers at the end (PostgreSQL's migration will use a
-- trigger function for the same refusal).

-- When the account was disabled (ISO 8601 UTC); NULL while it may sign in.
ALTER TABLE users ADD COLUMN disabled_at TEXT NULL;

-- The day the organization ended (YYYY-MM-DD), how (dissolved or merged), into which
-- organization when merged, and why. All NULL while it exists.
ALTER TABLE organizations ADD COLUMN ended_on TEXT NULL;
ALTER TABLE organizations ADD COLUMN end_kind TEXT NULL;
ALTER TABLE organizations ADD COLUMN merged_into TEXT NULL REFERENCES organizations (code);
ALTER TABLE organizations ADD COLUMN end_reason TEXT NULL;
-- Few organizations end: this index holds only those.
CREATE INDEX organizations_ended ON organizations (ended_on) WHERE ended_on IS NOT NULL;

-- The day the member left (YYYY-MM-DD), how (transferred_out, died, other) and why. All NULL
-- while the member belongs to the organization.
ALTER TABLE members ADD COLUMN left_on TEXT NULL;
ALTER TABLE members ADD COLUMN left_kind TEXT NULL;
ALTER TABLE members ADD COLUMN left_reason TEXT NULL;

-- What an assessment or the audit log refers to is never deleted, whatever code runs.
CREATE TRIGGER organizations_kept BEFORE DELETE ON organizations
BEGIN SELECT RAISE(ABORT, 'organizations are never deleted: dissolve or merge them'); END;
CREATE TRIGGER members_kept BEFORE DELETE ON members
BEGIN SELECT RAISE(ABORT, 'members are never deleted: record that they left'); END;
CREATE TRIGGER users_kept BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'accounts are never deleted: disable them'); END;
CREATE TRIGGER scores_kept BEFORE DELETE ON scores
BEGIN SELECT RAISE(ABORT, 'scores are never deleted: correct them'); END;
