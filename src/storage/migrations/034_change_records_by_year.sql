-- 034_change_records_by_year: the change records' entity index files a score's records under
-- their year first. Before, "score:V01:2016" sorted beside "score:V01:2015", so a new year's
-- import inserted each of its records into the middle of a full index, touching (and
-- journalling) every page of the year before: at country scale it wrote 3.9 GB, against 1.9 GB
-- with the year first (docs/performance.md, "Imports: scores and members read once, ... and
-- the change records' index by year"). With the year first, a new year's records are appended
-- at the end of the index, in the order the import writes them.
--
-- The year is a generated column, computed from the entity the record names, so no stored
-- record is rewritten (the trail is append-only) and no writer names it. The rule, "the year of
-- a score's record, 0 for any other", is storage::EntityYear (audited_rows.h), which lookups use
-- to name the index's first column; PostgreSQL's migration 034 writes it in its own SQL.
-- A score's entity is "score:CODE:YEAR", the code never empty and the year four digits
-- (core::kMinYear..kMaxYear); a code may hold ':' itself, so the year is read from the end.
DROP INDEX audit_changes_entity;
ALTER TABLE audit_changes ADD COLUMN entity_year INTEGER GENERATED ALWAYS AS (
  CASE WHEN entity GLOB 'score:?*:[0-9][0-9][0-9][0-9]' THEN CAST(substr(entity, -4) AS INTEGER)
  ELSE 0 END
) VIRTUAL;
CREATE INDEX audit_changes_entity ON audit_changes (entity_year, entity, entry_id);
