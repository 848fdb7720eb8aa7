-- 023_reminder_reports on PostgreSQL: the twin of the SQLite migration of the same number. Keys
-- are BIGINT, text in the "C" collation, as 007_schema.
--
-- What a weekly reminder's digest told of a first secretary's report still missing when its
-- week began, as it was when recorded (village, month "YYYY-MM", kind, due date, who owed it).
CREATE TABLE reminder_digest_reports (
  digest_id BIGINT NOT NULL REFERENCES reminder_digests (id),
  org_code TEXT COLLATE "C" NOT NULL,
  org_name TEXT COLLATE "C" NOT NULL,
  month TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  due TEXT COLLATE "C" NOT NULL,
  user_name TEXT COLLATE "C" NOT NULL,
  person TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (digest_id, org_code, month, kind)
);
CREATE INDEX reminder_digest_reports_village ON reminder_digest_reports (org_code, month, kind);
