-- Each plan target's numerator and denominator, written by hand (DOMAIN.md §4), at the date @date of
-- the year @year (@year_start its first day): what `targets | select code, numerator, denominator` must give.
-- T5a leaves out the armed forces' organisations (the plan's caveat); T11 counts the cells directly under a grassroots
-- committee with the committees (the plan's basis). Used by Tests/CosoEndToEndTests/TargetTests.swift and bench/targets.sh, with .parameter set @date ...

SELECT 'T2', (SELECT count(DISTINCT c.member_id) FROM residence_comments c JOIN members m ON m.id = c.member_id WHERE c.year = @year AND m.work_status IN ('civil_servant', 'public_employee', 'enterprise', 'armed_forces') AND m.admitted <= @date AND (m.ended IS NULL OR m.ended > @date) AND (m.exempted IS NULL OR m.exempted > @date)), (SELECT count(*) FROM members m WHERE m.work_status IN ('civil_servant', 'public_employee', 'enterprise', 'armed_forces') AND m.admitted <= @date AND (m.ended IS NULL OR m.ended > @date) AND (m.exempted IS NULL OR m.exempted > @date))
UNION ALL
SELECT 'T3', (SELECT count(DISTINCT i.org_id) FROM innovations i JOIN orgs o ON o.id = i.org_id WHERE i.year = @year AND i.rated_high = 1 AND o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell')), (SELECT count(*) FROM orgs WHERE kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell') AND (founded IS NULL OR founded <= @date) AND (dissolved IS NULL OR dissolved > @date))
UNION ALL
SELECT 'T4', (SELECT count(*) FROM (SELECT c.member_id FROM commitments c JOIN members m ON m.id = c.member_id WHERE c.year = @year AND m.work_status IN ('civil_servant', 'public_employee', 'armed_forces') AND m.admitted <= @date AND (m.ended IS NULL OR m.ended > @date) GROUP BY c.member_id HAVING count(DISTINCT c.kind) = 3)), (SELECT count(*) FROM members m WHERE m.work_status IN ('civil_servant', 'public_employee', 'armed_forces') AND m.admitted <= @date AND (m.ended IS NULL OR m.ended > @date) AND (m.exempted IS NULL OR m.exempted > @date))
UNION ALL
SELECT 'T5a', (SELECT count(*) FROM org_ratings r JOIN orgs o ON o.id = r.org_id WHERE r.year = @year AND r.level IN ('excellent', 'good') AND o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell') AND (o.sector IS NULL OR o.sector NOT IN ('military', 'police'))), (SELECT count(*) FROM org_ratings r JOIN orgs o ON o.id = r.org_id WHERE r.year = @year AND o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell') AND (o.sector IS NULL OR o.sector NOT IN ('military', 'police')))
UNION ALL
SELECT 'T5b', (SELECT count(*) FROM ratings WHERE year = @year AND level IN ('excellent', 'good')), (SELECT count(*) FROM ratings WHERE year = @year)
UNION ALL
SELECT 'T6', (SELECT count(*) FROM member_events WHERE kind = 'admitted' AND happened BETWEEN @year_start AND @date), (SELECT count(*) FROM members WHERE admitted < @year_start AND (ended IS NULL OR ended >= @year_start))
UNION ALL
SELECT 'T7', (SELECT count(*) FROM members WHERE occupation = 'private_business_owner' AND admitted BETWEEN '2020-01-01' AND @date), NULL
UNION ALL
SELECT 'T8', (SELECT count(*) FROM orgs WHERE founded BETWEEN '2020-01-01' AND @date AND sector IN ('private_enterprise', 'fdi', 'coop', 'credit_fund')), NULL
UNION ALL
SELECT 'T9', (SELECT count(*) FROM villages WHERE cell_id IS NOT NULL), (SELECT count(*) FROM villages)
UNION ALL
SELECT 'T10', (SELECT count(*) FROM orgs o WHERE kind = 'village_cell' AND (founded IS NULL OR founded <= @date) AND (dissolved IS NULL OR dissolved > @date) AND coalesce((SELECT t.committee FROM committee_terms t WHERE t.org_id = o.id AND t.started <= @date ORDER BY t.started DESC, t.id DESC LIMIT 1), CASE WHEN EXISTS (SELECT 1 FROM committee_terms t WHERE t.org_id = o.id) THEN 0 ELSE has_committee END) = 1), (SELECT count(*) FROM orgs WHERE kind = 'village_cell' AND (founded IS NULL OR founded <= @date) AND (dissolved IS NULL OR dissolved > @date))
UNION ALL
SELECT 'T11', (SELECT count(DISTINCT ip.org_id) FROM inspection_plans ip JOIN orgs o ON o.id = ip.org_id WHERE ip.year = @year AND (o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell') OR (o.kind IN ('village_cell', 'subordinate_cell') AND (SELECT p.kind FROM orgs p WHERE p.id = o.parent_id) IN ('commune_committee', 'grassroots_committee')))), (SELECT count(*) FROM orgs o WHERE (o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell') OR (o.kind IN ('village_cell', 'subordinate_cell') AND (SELECT p.kind FROM orgs p WHERE p.id = o.parent_id) IN ('commune_committee', 'grassroots_committee'))) AND (o.founded IS NULL OR o.founded <= @date) AND (o.dissolved IS NULL OR o.dissolved > @date))
UNION ALL
SELECT 'T12', (SELECT count(*) FROM positions p JOIN orgs o ON o.id = p.org_id JOIN members m ON m.id = p.member_id WHERE p.role IN ('secretary', 'deputy') AND o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell') AND p.started <= @date AND (p.ended IS NULL OR p.ended > @date) AND m.theory IN ('intermediate', 'advanced', 'bachelor')), (SELECT count(*) FROM positions p JOIN orgs o ON o.id = p.org_id WHERE p.role IN ('secretary', 'deputy') AND o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell') AND p.started <= @date AND (p.ended IS NULL OR p.ended > @date))
UNION ALL
SELECT 'T13a', (SELECT count(*) FROM villages WHERE head_is_member = 0), (SELECT count(*) FROM villages)
UNION ALL
SELECT 'T13b', (SELECT count(*) FROM villages WHERE front_head_is_member = 0), (SELECT count(*) FROM villages)
UNION ALL
SELECT 'T14', (SELECT CASE WHEN count(*) > 0 THEN count(*) END FROM quarter_ratings WHERE year = @year), NULL
UNION ALL
SELECT 'T15', (SELECT count(*) FROM orgs o WHERE o.sector = 'military' AND o.kind = 'subordinate_cell' AND (SELECT p.kind FROM orgs p WHERE p.id = o.parent_id) = 'commune_committee' AND (o.founded IS NULL OR o.founded <= @date) AND (o.dissolved IS NULL OR o.dissolved > @date) AND coalesce((SELECT t.committee FROM committee_terms t WHERE t.org_id = o.id AND t.started <= @date ORDER BY t.started DESC, t.id DESC LIMIT 1), CASE WHEN EXISTS (SELECT 1 FROM committee_terms t WHERE t.org_id = o.id) THEN 0 ELSE o.has_committee END) = 1), (SELECT count(*) FROM orgs o WHERE o.sector = 'military' AND o.kind = 'subordinate_cell' AND (SELECT p.kind FROM orgs p WHERE p.id = o.parent_id) = 'commune_committee' AND (o.founded IS NULL OR o.founded <= @date) AND (o.dissolved IS NULL OR o.dissolved > @date))
UNION ALL
SELECT 'T16', (SELECT count(*) FROM positions p JOIN orgs o ON o.id = p.org_id WHERE p.role = 'secretary' AND p.village_head = 1 AND o.kind = 'village_cell' AND p.started <= @date AND (p.ended IS NULL OR p.ended > @date)), (SELECT count(*) FROM orgs WHERE kind = 'village_cell' AND (founded IS NULL OR founded <= @date) AND (dissolved IS NULL OR dissolved > @date))
UNION ALL
SELECT 'T17', (SELECT count(DISTINCT org_id) FROM recognitions WHERE year = @year AND kind = 'four_good'), (SELECT count(*) FROM orgs WHERE kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell', 'village_cell', 'subordinate_cell') AND (founded IS NULL OR founded <= @date) AND (dissolved IS NULL OR dissolved > @date))
UNION ALL
SELECT 'T18', (SELECT CASE WHEN EXISTS (SELECT 1 FROM admission_plans WHERE year = @year) THEN (SELECT count(*) FROM member_events WHERE kind = 'admitted' AND happened BETWEEN @year_start AND @date) END), (SELECT sum(planned) FROM admission_plans WHERE year = @year);
