-- 002_server: users and sessions of the web server (issue 3), and indexes for its lists.
--
-- Portable SQL like 001. A user's scope is organization codes joined by ','; codes contain
-- no ','. Sessions are keyed by the SHA-256 of the cookie's token, never the token itself.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT UNIQUE NOT NULL,
  role TEXT NOT NULL,   -- core::ToString(core::Role): admin, unit_admin, ...
  scope TEXT NOT NULL,  -- organization codes joined by ','
  password_hash TEXT NOT NULL,  -- argon2id encoded
  created_at TEXT
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  expires_at INTEGER NOT NULL  -- Unix seconds
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The organization list filters by type alone and walks children by parent in code order.
CREATE INDEX organizations_type ON organizations (type, code);
DROP INDEX organizations_parent;  -- superseded by the next, which also gives code order
CREATE INDEX organizations_parent_code ON organizations (parent_code, code);
