-- 011_accounts on PostgreSQL: the twin of the SQLite migration of the same number (who holds an
-- account, a password an administrator gave that must be changed first, why a session ended;
-- the roster's index). Integers as BIGINT and text in the "C" collation, as 007_schema.

ALTER TABLE users ADD COLUMN real_name TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;

CREATE TABLE ended_sessions (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  reason TEXT COLLATE "C" NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX ended_sessions_expiry ON ended_sessions (expires_at);

CREATE INDEX members_status ON members (status, org_code);
