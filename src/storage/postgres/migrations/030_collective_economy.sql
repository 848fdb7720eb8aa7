-- 030_collective_economy on PostgreSQL: the twin of the SQLite migration of the same number.
CREATE TABLE collective_economy (
  org_code TEXT COLLATE "C" NOT NULL REFERENCES organizations (code),
  year BIGINT NOT NULL,
  income_fen BIGINT NOT NULL CHECK (income_fen >= 0),
  model TEXT COLLATE "C" NOT NULL,
  recorded_by TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_code, year)
);
CREATE INDEX collective_economy_year ON collective_economy (year, model);
