-- 026_party_meetings: Party life (三会一课, issue 14): the meetings a branch logs — the members'
-- meeting, the committee, a Party group, a Party lecture (core/party_life.h) — with the day held,
-- members present and expected (NULL when not given) and the topic. The same meeting is logged
-- once: a branch, kind, day and topic appear once (a file imported twice is refused, not
-- counted twice). `created_at` is UTC, ISO 8601.
CREATE TABLE party_meetings (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  kind TEXT NOT NULL,
  held_on TEXT NOT NULL,
  attended INTEGER NOT NULL,
  expected INTEGER NULL,
  topic TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (org_code, kind, held_on, topic)
);
CREATE INDEX party_meetings_org_day ON party_meetings (org_code, held_on);
CREATE INDEX party_meetings_day ON party_meetings (held_on);
