-- 024_training_classes: training classes (进修班) and who attended them, issue 14. Portable SQL
-- like 001. Dates are ISO YYYY-MM-DD in the county's calendar, times ISO 8601 UTC, people who
-- acted are account names (users.name).

-- A class: its name, first and last day, who organized it and where, and a note.
CREATE TABLE training_classes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  organizer TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX training_classes_start ON training_classes (starts_on, id);

-- A secretary on a class's list: named by their name and their organization (a secretary's
-- training history is read by both), attended (1) or absent (0), with a note. One row per
-- person and organization in a class; removing someone from the list deletes the row (audited).
CREATE TABLE training_attendees (
  id INTEGER PRIMARY KEY,
  class_id INTEGER NOT NULL REFERENCES training_classes (id),
  person TEXT NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  attended INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (class_id, org_code, person)
);
CREATE INDEX training_attendees_person ON training_attendees (org_code, person, class_id);
