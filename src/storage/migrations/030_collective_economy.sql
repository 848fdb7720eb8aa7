-- 030_collective_economy: a village's collective economy (村集体经济, issue 14) per year: its
-- income in whole fen (exact; the UI shows 万元) and its model (core/collective_economy.h).
-- One row per village and year; recording it again replaces it (audited with before and after).
CREATE TABLE collective_economy (
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  income_fen INTEGER NOT NULL CHECK (income_fen >= 0),
  model TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (org_code, year)
);
CREATE INDEX collective_economy_year ON collective_economy (year, model);
