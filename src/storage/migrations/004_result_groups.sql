-- 004_result_groups: each assessment result keeps the unit and type its organization had when it
-- was assessed. The assessment list of one unit is then read from one index in code order (a
-- type filter on top reads the unit's rows in order and stops at the page), instead of joining
-- the unit's organizations and sorting them per page (a province's unit list was 1,200 requests
-- a second with p99 140 ms). It is also the right history: an organization moved to another
-- unit later was ranked in the old one that year.
ALTER TABLE assessment_results ADD COLUMN unit_code TEXT NULL;
ALTER TABLE assessment_results ADD COLUMN type TEXT NULL;
UPDATE assessment_results SET
  unit_code = (SELECT o.unit_code FROM organizations o WHERE o.code = assessment_results.org_code),
  type = (SELECT o.type FROM organizations o WHERE o.code = assessment_results.org_code);
CREATE INDEX assessment_results_unit ON assessment_results (year, unit_code, org_code);
ANALYZE assessment_results;
