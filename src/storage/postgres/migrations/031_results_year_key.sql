-- 031_results_year_key on PostgreSQL: assessment_results no longer carries a foreign key on
-- assessments (year). On PostgreSQL such a key is an after-row trigger per inserted row, each an
-- SPI query (SELECT 1 ... FOR KEY SHARE): at country scale 40% of the server's work when a
-- first run stores two years of 5.2 million rows (docs/performance.md). It guarded nothing the code does not: a
-- run's rows are written only by AssessmentRecords::Save, in the transaction that writes their
-- year's header first, and a year is deleted by deleting its rows before its header
-- (assessment_records.cc), so the cascade never had anything left to delete. The quota groups
-- (about 10,000 a year) keep theirs. SQLite keeps the key (a seek per row inside its VDBE).
ALTER TABLE assessment_results DROP CONSTRAINT assessment_results_year_fkey;
