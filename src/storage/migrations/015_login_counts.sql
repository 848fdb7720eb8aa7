-- 015_login_counts: the login throttle's counts (auth/login_throttle.h: the rule) kept in the
-- database instead of each server's memory (issue 11), so that every server on one database
-- slows the same guesser: failures on one server delay the next attempt on another.
--
-- One row per count: `kind` pair (an account from an address), address (all accounts from an
-- address) or account (an account from all addresses), each with its failures and the time of
-- the last; and trusted (a pair that signed in successfully, `last_at` the time it did,
-- `failures` 0). An address count has account '', an account count address ''. Rows are
-- forgotten (deleted) once the rule no longer reads them.
--
-- Portable SQL like 001.

CREATE TABLE login_counts (
  kind TEXT NOT NULL,            -- pair, address, account, trusted
  account TEXT NOT NULL,
  address TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_at INTEGER NOT NULL,      -- Unix seconds
  PRIMARY KEY (kind, account, address)
);
CREATE INDEX login_counts_age ON login_counts (last_at);
