-- 035_scores_without_rowid: the scores become one B-tree keyed by (year, org_code). Before, they
-- were a rowid table beside an index of that key, so each score written went into two B-trees
-- and each read by the key went through the index to the table. At country scale (10.4 million
-- scores, both years) `import scores` wrote 3.50 GB instead of 3.73 and took a median of 31.2 s
-- against 33.8 s with the rowid, interleaved (docs/performance.md, "Imports: the stored codes
-- without an index, and the scores without a rowid"). A score's row is small (six numbers, a
-- grade and its reason), as a table without rowid wants. SQLite only: PostgreSQL keeps its tables
-- apart from their indexes.
--
-- The rows are copied as they are. The table's trigger goes with it and is made again; nothing
-- refers to a score's rowid. Statistics of the old index go with it too: the next bulk write of
-- scores computes them (RefreshStatisticsAfterBulkWrite), and reads by the key need none.
-- Once, on a country's file: 27 s and 1.2 GiB; the old table's pages (1.1 GB) are left free in
-- the file, and later writes fill them before it grows.
DROP TRIGGER scores_kept;
CREATE TABLE scores_by_key (
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  team REAL NOT NULL,
  leader REAL NOT NULL,
  venue REAL NOT NULL,
  routine REAL NOT NULL,
  service REAL NOT NULL,
  members REAL NOT NULL,
  grade TEXT NULL,   -- the committee's grade: A, B, C or D
  reason TEXT NULL,  -- and why
  PRIMARY KEY (year, org_code)
) WITHOUT ROWID;
INSERT INTO scores_by_key (org_code, year, team, leader, venue, routine, service, members, grade,
                           reason)
  SELECT org_code, year, team, leader, venue, routine, service, members, grade, reason
  FROM scores ORDER BY year, org_code;
DROP TABLE scores;
ALTER TABLE scores_by_key RENAME TO scores;
CREATE TRIGGER scores_kept BEFORE DELETE ON scores
BEGIN SELECT RAISE(ABORT, 'scores are never deleted: correct them'); END;
