-- 014_supervision: the weekly reminder (每周一提示) with each user's inbox, and the escalation
-- ladder of overdue items (提醒 → 函询 → 诫勉), issue 13.
--
-- Portable SQL like 001. Weeks are ISO "YYYY-Www" in the county's calendar, dates ISO
-- YYYY-MM-DD, times ISO 8601 UTC, people who acted are account names (users.name). Ids are
-- given by the writer (the largest + 1 inside its write transaction).

-- One digest per week and recipient (core::PersonRecipient / UnitRecipient): recorded once, so
-- a second run of the week adds nothing. `kind` 'person' or 'unit'; `name` the person as the
-- items name them, or the unit's code.
CREATE TABLE reminder_digests (
  id INTEGER PRIMARY KEY,
  week TEXT NOT NULL,
  recipient TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  due_count INTEGER NOT NULL,
  overdue_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (week, recipient)
);

-- What a digest told, as it was when recorded: each item with its list ('due' within the week
-- or 'overdue' at its start), organization, measure, responsible person, deadline and state.
CREATE TABLE reminder_digest_items (
  digest_id INTEGER NOT NULL REFERENCES reminder_digests (id),
  item_id INTEGER NOT NULL REFERENCES rectification_items (id),
  list TEXT NOT NULL,
  org_code TEXT NOT NULL,
  org_name TEXT NOT NULL,
  measure TEXT NOT NULL,
  responsible TEXT NOT NULL,
  deadline TEXT NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (digest_id, item_id)
);
CREATE INDEX reminder_digest_items_item ON reminder_digest_items (item_id);

-- The inbox: a digest delivered to an account (the responsible person's, or each unit_admin of
-- the unit), read at `read_at` (NULL while unread).
CREATE TABLE reminder_deliveries (
  id INTEGER PRIMARY KEY,
  digest_id INTEGER NOT NULL REFERENCES reminder_digests (id),
  user_name TEXT NOT NULL,
  read_at TEXT NULL,
  UNIQUE (digest_id, user_name)
);
CREATE INDEX reminder_deliveries_user ON reminder_deliveries (user_name, id);

-- A confirmed step of an item's escalation ladder (core::EscalationStep names): at most one of
-- each step per item; the days it was overdue when confirmed, who confirmed and when.
CREATE TABLE item_escalations (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES rectification_items (id),
  step TEXT NOT NULL,
  overdue_days INTEGER NOT NULL,
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  UNIQUE (item_id, step)
);
CREATE INDEX item_escalations_item ON item_escalations (item_id, id);
