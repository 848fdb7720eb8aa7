-- 025_member_status_changes: a member's changes of status (regular, mobile 流动, lost_contact
-- 失联, pocket 口袋, retired), each with the day it took effect, issue 14. Portable SQL like 001.
--
-- `members.status` stays the current status; every change made since this migration is a row
-- here, written in the same transaction as the member's new status. The status a member had
-- on a day is the `to_status` of their last change on or before it, else the `from_status` of
-- their first change, else their current status (core/member_status.h). Rows are never
-- changed or deleted: the history is kept.
CREATE TABLE member_status_changes (
  id INTEGER PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (id),
  changed_on TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX member_status_changes_member ON member_status_changes (member_id, changed_on, id);
CREATE TRIGGER member_status_changes_no_update BEFORE UPDATE ON member_status_changes
BEGIN SELECT RAISE(ABORT, 'a member''s status history is kept: record a new change'); END;
CREATE TRIGGER member_status_changes_no_delete BEFORE DELETE ON member_status_changes
BEGIN SELECT RAISE(ABORT, 'a member''s status history is kept: record a new change'); END;
