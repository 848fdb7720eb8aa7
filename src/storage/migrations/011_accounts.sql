-- 011_accounts: who holds an account (a real name and a phone number), accounts that must
-- change the password an administrator gave them before they may do anything else, and why a
-- session ended, so that its holder is told (issue 10).
--
-- Portable SQL like 001.

ALTER TABLE users ADD COLUMN real_name TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
-- 1 from an administrator's creating the account or resetting its password until its holder
-- sets a password of their own.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- Sessions ended by a change to their account (another device changed the password, an
-- administrator reset it, changed the role or scope, or disabled the account), by the hash of
-- their token: a request that still carries one is told why it was signed out. Kept until the
-- session would have expired anyway.
CREATE TABLE ended_sessions (
  token_hash TEXT PRIMARY KEY,
  reason TEXT NOT NULL,         -- password_changed, account_disabled, account_changed
  expires_at INTEGER NOT NULL   -- Unix seconds, the ended session's own expiry
);
CREATE INDEX ended_sessions_expiry ON ended_sessions (expires_at);

-- The member roster lists members on the roll by status across organizations (issue 10).
CREATE INDEX members_status ON members (status, org_code);
