-- 005_stored_inputs: a stored assessment keeps the inputs it was computed from, so that it is
-- explained and recomputed (`grassroots verify`) from the record alone, never from today's
-- organizations and scores.
--
-- The inputs are extra columns of assessment_results, not a table of their own: each row
-- already holds one organization of one run, keyed (year, org_code), so a second table would
-- store every key again (5.2 million codes a country run, and the index over them) and cost a
-- second insert per row, while its rows could never exist without the result row beside them.
-- The lists and the dashboard read a few columns of these rows through their indexes; the
-- inputs (all NULL but the dimensions for most organizations) are read only by explain and
-- verify.

-- 1 when the run kept its inputs (every run from this version on): verify recomputes only those.
ALTER TABLE assessments ADD COLUMN inputs_stored INTEGER NOT NULL DEFAULT 0;
-- The run's own audit entry (written in the same transaction): its id marks "after the run"
-- for the changes an explanation lists, its hash is the head of the chain when it was stored.
ALTER TABLE assessments ADD COLUMN audit_id INTEGER NULL;
ALTER TABLE assessments ADD COLUMN audit_hash TEXT NULL;

-- What the engine read for the organization, exactly: its parent (the actions name it); the six
-- dimensions as the doubles it read (NULL when it had no score that year); the committee's grade
-- and its reason; the committee's hand decision (1 include, 0 exclude, NULL none) and its reason;
-- and the previous years' selection the consecutive rule read (bit k: selected in year - 1 - k).
ALTER TABLE assessment_results ADD COLUMN parent_code TEXT NULL;
ALTER TABLE assessment_results ADD COLUMN team REAL NULL;
ALTER TABLE assessment_results ADD COLUMN leader REAL NULL;
ALTER TABLE assessment_results ADD COLUMN venue REAL NULL;
ALTER TABLE assessment_results ADD COLUMN routine REAL NULL;
ALTER TABLE assessment_results ADD COLUMN service REAL NULL;
ALTER TABLE assessment_results ADD COLUMN members REAL NULL;
ALTER TABLE assessment_results ADD COLUMN committee_grade TEXT NULL;
ALTER TABLE assessment_results ADD COLUMN committee_reason TEXT NULL;
ALTER TABLE assessment_results ADD COLUMN manual_include INTEGER NULL;
ALTER TABLE assessment_results ADD COLUMN manual_reason TEXT NULL;
ALTER TABLE assessment_results ADD COLUMN previous_selected INTEGER NULL;

-- Runs stored before this migration keep no inputs (inputs_stored stays 0). Their parent is taken
-- from the organizations as they are now, as 004 did for unit and type: the closest record there
-- is of the parent their proposed actions named. Their audit entry is found by its entity.
UPDATE assessment_results SET parent_code =
  (SELECT o.parent_code FROM organizations o WHERE o.code = assessment_results.org_code);
UPDATE assessments SET audit_id =
  (SELECT MAX(a.id) FROM audit_log a WHERE a.entity = 'assessment/' || assessments.year
     AND a.action IN ('assessment.run', 'assessment.rerun'));
UPDATE assessments SET audit_hash =
  (SELECT a.hash FROM audit_log a WHERE a.id = assessments.audit_id);

-- An explanation lists the entries about one organization after its run ("score:CODE:YEAR",
-- "manual:CODE:YEAR", "organization:CODE"): found by entity, not by reading the whole trail.
CREATE INDEX audit_log_entity ON audit_log (entity, id);
