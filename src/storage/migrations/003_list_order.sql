-- 003_list_order: the organization list filtered by unit and type, in code order, read straight
-- from one index instead of sorting the unit's organizations of that type on every page
-- (measured on the province demo: 1,059 villages of one unit sorted per request).
-- The new index starts with the old one's columns, so it serves every query the old one did.
CREATE INDEX organizations_unit_type_code ON organizations (unit_code, type, code);
DROP INDEX organizations_unit_type;
-- The planner needs statistics of the new index to prefer it (see RefreshStatistics).
ANALYZE organizations;
