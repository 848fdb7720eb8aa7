-- 032_selected_results: the organizations a year's assessment selected, found without reading
-- the year's other rows. The next year's consecutive rule, spot checks, standards and the plans
-- to be made each ask for them ("year = ? AND selected = 1"); about one row in thirteen is
-- selected, so without this index a country's 5.2 million rows of the year were read to find
-- 400,000. The same index on both backends.
CREATE INDEX assessment_results_selected ON assessment_results (year, org_code) WHERE selected = 1;
