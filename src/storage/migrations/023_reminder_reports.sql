-- 023_reminder_reports: the weekly reminder (issue 13) tells of first secretaries' reports
-- (issue 14) still missing when its week begins. Portable SQL like 001.
--
-- What a digest told of a missing report, as it was when recorded: the village, the month
-- ("YYYY-MM") and kind ('work_plan' or 'duty_ledger') of the report, its due date and the first
-- secretary who owed it (their account, "" when they have none, and their name). The rows are
-- the answer to "was X told?"; nothing recomputes them.
CREATE TABLE reminder_digest_reports (
  digest_id INTEGER NOT NULL REFERENCES reminder_digests (id),
  org_code TEXT NOT NULL,
  org_name TEXT NOT NULL,
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  due TEXT NOT NULL,
  user_name TEXT NOT NULL,
  person TEXT NOT NULL,
  PRIMARY KEY (digest_id, org_code, month, kind)
);
CREATE INDEX reminder_digest_reports_village ON reminder_digest_reports (org_code, month, kind);
