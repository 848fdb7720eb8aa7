-- 029_pairing: 百局联百村, issue 14: the problems a village is tagged with in a year, the county's
-- partner agencies (机关单位) and the pairings of agencies with villages. Portable SQL like 001.

-- A village's problems in a year (core/pairing.h: weak_org 软, poor 穷, disorderly 乱,
-- specialized 专业), one row per tag.
CREATE TABLE village_tags (
  year INTEGER NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  tag TEXT NOT NULL,
  PRIMARY KEY (year, org_code, tag)
);

-- A partner agency: its category (party_gov 党政, economic 经济, political_legal 政法,
-- agriculture 涉农) and how many villages it can take in a year.
CREATE TABLE partner_agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

-- An agency paired with a village for a year; once per (year, village, agency).
CREATE TABLE pairings (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  agency_id INTEGER NOT NULL REFERENCES partner_agencies (id),
  paired_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (year, org_code, agency_id)
);
CREATE INDEX pairings_agency ON pairings (agency_id, year);
