-- 034_change_records_by_year: the change records' entity index files a score's records under
-- their year first, so that a new year's import appends to the index instead of inserting
-- beside each record of the year before (the SQLite migration of the same name says why, with
-- the figures). The rule, "the year of a score's record, 0 for any other", is
-- storage::EntityYear (audited_rows.h); written here in PostgreSQL's SQL. A stored generated
-- column: adding it rewrites the table once, which fires no trigger (the trail stays
-- append-only).
DROP INDEX audit_changes_entity;
ALTER TABLE audit_changes ADD COLUMN entity_year INTEGER NOT NULL GENERATED ALWAYS AS (
  CASE WHEN entity ~ '^score:.+:[0-9]{4}$' THEN CAST(right(entity, 4) AS INTEGER) ELSE 0 END
) STORED;
CREATE INDEX audit_changes_entity ON audit_changes (entity_year, entity, entry_id);
