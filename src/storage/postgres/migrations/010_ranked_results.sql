-- 010_ranked_results, PostgreSQL's twin of migrations/010_ranked_results.sql: a year's stored
-- results in the order the assessment page shows them (its ranking groups), so that a page in
-- that order is a range of one index. The terms are those of kResultRankOrder in
-- storage/server_sql.h (PostgreSQL, too, matches an index expression only when the query's is
-- the same); an expression other than a column is parenthesized here.
CREATE INDEX assessment_results_ranked ON assessment_results (
  year,
  unit_code,
  (CASE type WHEN 'village' THEN 0 WHEN 'community' THEN 1 WHEN 'soe' THEN 2
             WHEN 'nonpublic' THEN 3 WHEN 'agency' THEN 4 WHEN 'institution' THEN 5 ELSE 6 END),
  (score_cents IS NULL),
  score_cents,
  org_code);
ANALYZE assessment_results;
