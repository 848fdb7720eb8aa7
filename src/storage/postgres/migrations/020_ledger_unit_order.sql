-- 020_ledger_unit_order: PostgreSQL twin of the SQLite migration of the same number — a unit's
-- organizations in code order for the ledger's walk from a unit's organizations.
CREATE INDEX organizations_unit_code ON organizations (unit_code, code);
ANALYZE organizations;
