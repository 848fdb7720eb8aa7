-- 033_result_row_digest: each result row carries a digest of its values (a 64-bit SipHash,
-- storage/assessment_rows.cc), so that a run replacing a year compares the stored rows by
-- code and digest instead of reading all twenty-one columns of a country's 5.2 million rows.
-- Rows stored before have none (NULL) and are rewritten, with one, by the next run of their
-- year.
ALTER TABLE assessment_results ADD COLUMN row_digest BIGINT NULL;
