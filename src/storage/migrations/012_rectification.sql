-- 012_rectification: the year-round work on each selected organization (issue 12, SPEC §3):
-- its plan (个性整顿方案) of problems and items moving to sign-off (销号) with the history of each
-- step, and its five-level support (五级包扶): who supports it, their visits and on-site
-- sessions, work teams and special funds. Evidence files come in their own migration.
--
-- Portable SQL like 001. Dates are ISO YYYY-MM-DD in the county's calendar, times ISO 8601 UTC,
-- people who acted are account names (users.name), amounts are whole fen (0.01 yuan) so that
-- sums are exact.

-- One plan per organization and year of its selection. `outcome` is set at the year's end:
-- 'upgraded' (转化升级) or 'not_upgraded', with the reason; NULL until then.
CREATE TABLE rectification_plans (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  outcome TEXT NULL,
  outcome_reason TEXT NOT NULL DEFAULT '',
  outcome_at TEXT NULL,
  outcome_by TEXT NULL,
  UNIQUE (year, org_code)
);
CREATE INDEX rectification_plans_org ON rectification_plans (org_code, year);

-- A problem found, tied to one of the six dimensions (team, leader, venue, routine, service,
-- members). `proposed` = 1 when the plan's creation proposed it from the weakest dimensions.
CREATE TABLE rectification_problems (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES rectification_plans (id),
  dimension TEXT NOT NULL,
  description TEXT NOT NULL,
  proposed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rectification_problems_plan ON rectification_problems (plan_id, id);

-- An item: a measure against a problem, its responsible person (a name as written, and the
-- account when the person has one: their "my items"), the level of five-level support that
-- backs it ('' or a support role), its deadline and state (core::ItemState names).
-- `submitted_by` is the account id of the last submit (0 when none): who may not close it.
-- `year` and `org_code` repeat the plan's so that the ledgers filter without a join.
CREATE TABLE rectification_items (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES rectification_plans (id),
  problem_id INTEGER NULL REFERENCES rectification_problems (id),
  year INTEGER NOT NULL,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  measure TEXT NOT NULL,
  responsible TEXT NOT NULL,
  responsible_user TEXT NULL,
  support_role TEXT NOT NULL DEFAULT '',
  deadline TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open',
  submitted_by INTEGER NOT NULL DEFAULT 0,
  closed_on TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX rectification_items_plan ON rectification_items (plan_id, id);
CREATE INDEX rectification_items_ledger ON rectification_items (year, org_code, id);
CREATE INDEX rectification_items_due ON rectification_items (year, state, deadline);
CREATE INDEX rectification_items_responsible ON rectification_items (responsible_user, state);

-- Every step an item took (core::ItemStep names), who took it and why (a rejection's reason).
CREATE TABLE rectification_item_steps (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES rectification_items (id),
  step TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX rectification_item_steps_item ON rectification_item_steps (item_id, id);

-- Five-level support: per organization and year, who holds each role —
-- contact_leader (处级领导主管联系), org_guide (组织部门业务指导), partner_agency (机关单位共建帮扶),
-- supervisor (直属党委专人督办), first_secretary (第一书记, villages only) —, a person or an agency,
-- with the account when they have one (what they support is theirs to see), from a start date.
-- A replaced holder keeps their row with `ended_on` set: the history stays.
CREATE TABLE support_assignments (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  role TEXT NOT NULL,
  person TEXT NOT NULL,
  agency TEXT NOT NULL DEFAULT '',
  user_name TEXT NULL,
  phone TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  ended_on TEXT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX support_assignments_org ON support_assignments (org_code, year, role);
CREATE INDEX support_assignments_user ON support_assignments (user_name, year);

-- Visits ('visit') and on-site sessions ('on_site', 现场办公): when, who, in which role, what
-- was solved.
CREATE TABLE support_visits (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  visit_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  visitor TEXT NOT NULL,
  visitor_role TEXT NOT NULL DEFAULT '',
  solved TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX support_visits_org ON support_visits (org_code, year, visit_date);
CREATE INDEX support_visits_visitor ON support_visits (visitor, year);

-- Work teams posted to a village (驻村工作队).
CREATE TABLE work_teams (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  leader TEXT NOT NULL,
  members TEXT NOT NULL DEFAULT '',
  agency TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date TEXT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX work_teams_org ON work_teams (org_code, year);

-- Special funds (专项经费) granted to an organization under rectification.
CREATE TABLE special_funds (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organizations (code),
  year INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  purpose TEXT NOT NULL,
  granted_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX special_funds_org ON special_funds (org_code, year);
