-- Providers of continuing education and their courses.
create table provider (
    id            uuid        primary key,
    name          text        not null,
    kind          text        not null,
    aama_status   text        not null,
    contact_name  text,
    contact_email text,
    contact_phone text,
    website       text,
    active        boolean     not null,
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index provider_name_unique on provider (lower(name));
create index provider_name_order on provider (name, id);

create table course (
    id                     uuid          primary key,
    provider_id            uuid          not null references provider (id),
    title                  text          not null,
    description            text          not null,
    format                 text          not null,
    scope                  text          not null,
    specialty              text,
    credit_amount          numeric(6, 2) not null check (credit_amount > 0),
    credit_unit            text          not null,
    -- the split, one column per category, so that a category filter is a plain predicate
    credit_administrative  numeric(6, 2) not null default 0,
    credit_clinical        numeric(6, 2) not null default 0,
    credit_general         numeric(6, 2) not null default 0,
    contact_minutes        integer       not null,
    -- the credit in CMA (AAMA) points, for comparing courses by price
    cma_points             numeric(8, 2) not null check (cma_points > 0),
    approval_body          text,
    approval_number        text,
    approval_valid_from    date,
    approval_valid_to      date,
    fee_model              text          not null,
    fee_amount             numeric(8, 2) not null check (fee_amount >= 0),
    fee_currency           text          not null,
    refund_policy          text,
    rationale              text,
    learning_outcomes      jsonb         not null default '[]',
    instructor_credentials text,
    instructional_methods  jsonb         not null default '[]',
    status                 text          not null,
    quality_score          integer       not null check (quality_score between 0 and 100),
    quality_review         jsonb         not null,
    version                bigint        not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    published_at           timestamptz,
    retired_on             date,
    -- points per dollar; a free course is worth the most per dollar
    credit_per_dollar      numeric generated always as (
        case when fee_amount = 0 then 'Infinity'::numeric else round(cma_points / fee_amount, 6) end) stored,
    search_vector          tsvector generated always as (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', description), 'B')
        || setweight(jsonb_to_tsvector('english', learning_outcomes, '["string"]'), 'C')) stored,
    constraint course_approval_complete check (
        (approval_body is null and approval_number is null)
        or (approval_body is not null and approval_number is not null and approval_valid_from is not null and approval_valid_to is not null))
);

create index course_search on course using gin (search_vector);
create index course_provider on course (provider_id, status);
-- one index per sort order of the search, each led by status (every search filters on it)
create index course_by_quality on course (status, quality_score desc, id desc);
create index course_by_fee on course (status, fee_amount, id);
create index course_by_credit_per_dollar on course (status, credit_per_dollar desc, id desc);
