-- 020_ledger_unit_order: a unit's organizations in code order, read straight from one index.
-- The ledger (storage/ledger_records.cc) walks a unit's organizations and then each one's items;
-- with organizations_unit_type_code it met them ordered by type, so every page sorted the whole
-- unit's items (2,820 of them for a province's unit of 3,000 organizations) to give 50. In code
-- order the items come out in the page's order and the walk stops after the page.
CREATE INDEX organizations_unit_code ON organizations (unit_code, code);
-- The planner needs statistics of the new index to prefer it (see RefreshStatistics).
ANALYZE organizations;
