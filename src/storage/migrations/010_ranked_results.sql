-- 010_ranked_results: a year's stored results in the order the assessment page shows them (its
-- ranking groups): by assessing unit, then type in core::kAllOrgTypes order, lowest composite
-- first, the unscored last, then code. With this index a page of a province's 300,000 results
-- in that order is read as a range of one index instead of sorting the year per request, and a
-- group's rows are contiguous, so its cut line can be drawn page by page.
-- SQLite uses an index on an expression only for the identical expression: kResultRankOrder in
-- storage/server_sql.h must order by exactly these terms (a storage test checks
-- that the ordered query uses this index and no sort).
CREATE INDEX assessment_results_ranked ON assessment_results (
  year,
  unit_code,
  (CASE type WHEN 'village' THEN 0 WHEN 'community' THEN 1 WHEN 'soe' THEN 2
             WHEN 'nonpublic' THEN 3 WHEN 'agency' THEN 4 WHEN 'institution' THEN 5 ELSE 6 END),
  score_cents IS NULL,
  score_cents,
  org_code);
ANALYZE assessment_results;
