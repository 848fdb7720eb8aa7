-- 015_login_counts on PostgreSQL: the twin of the SQLite migration of the same number (the
-- login throttle's counts, shared by every server on the database). Integers as BIGINT and text
-- in the "C" collation, as 007_schema.

CREATE TABLE login_counts (
  kind TEXT COLLATE "C" NOT NULL,
  account TEXT COLLATE "C" NOT NULL,
  address TEXT COLLATE "C" NOT NULL,
  failures BIGINT NOT NULL,
  last_at BIGINT NOT NULL,
  PRIMARY KEY (kind, account, address)
);
CREATE INDEX login_counts_age ON login_counts (last_at);
