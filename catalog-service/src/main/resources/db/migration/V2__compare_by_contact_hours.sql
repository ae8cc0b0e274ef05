-- The catalog compares courses by a measure every course has, contact time per dollar; each credential's points come
-- from compliance's rule sets only, so the catalog keeps no conversion of its own (the CMA points column goes).
drop index course_by_credit_per_dollar;
alter table course drop column credit_per_dollar;
alter table course drop column cma_points;
-- contact hours per dollar; a free course is worth the most per dollar
alter table course add column hours_per_dollar numeric generated always as (
    case when fee_amount = 0 then 'Infinity'::numeric else round(contact_minutes / 60.0 / fee_amount, 6) end) stored;
create index course_by_hours_per_dollar on course (status, hours_per_dollar desc, id desc);
