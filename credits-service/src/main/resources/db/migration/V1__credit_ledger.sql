-- The credit ledger. A credit is an identity (credit) plus every version of its content (credit_version);
-- versions are only ever inserted. credit carries the current version and the columns that must be unique
-- or filtered fast, and changes only by a guarded update that moves it to the next version.

create table credit (
    id           uuid        primary key,
    learner_id   text        not null,
    version      integer     not null check (version >= 1),
    status       text        not null check (status in ('ACTIVE', 'REVOKED')),
    course_id    uuid,
    completed_on date        not null,
    source       text        not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index credit_learner_listing on credit (learner_id, completed_on desc, id desc);
-- one active credit per learner, course and completion date: a provider's report and the learner's own entry
-- of the same completion never count twice
create unique index credit_one_per_course_completion on credit (learner_id, course_id, completed_on)
    where course_id is not null and status = 'ACTIVE';

create table credit_version (
    credit_id                   uuid          not null references credit (id),
    version                     integer       not null check (version >= 1),
    learner_id                  text          not null,
    activity_type               text          not null,
    title                       text          not null,
    provider_name               text,
    course_id                   uuid,
    completed_on                date          not null,
    amount_value                numeric(8, 2) not null check (amount_value > 0),
    amount_unit                 text          not null,
    administrative_value        numeric(8, 2) not null default 0 check (administrative_value >= 0),
    clinical_value              numeric(8, 2) not null default 0 check (clinical_value >= 0),
    general_value               numeric(8, 2) not null default 0 check (general_value >= 0),
    approval                    text          not null check (approval in ('AAMA', 'NON_AAMA')),
    contact_minutes             integer       check (contact_minutes >= 0),
    evidence_issuer             text,
    evidence_certificate_number text,
    evidence_file_name          text,
    evidence_sha256             text check (evidence_sha256 ~ '^[0-9a-f]{64}$'),
    source                      text          not null,
    status                      text          not null check (status in ('ACTIVE', 'REVOKED')),
    reason                      text,
    recorded_at                 timestamptz   not null default now(),
    recorded_by                 text          not null,
    primary key (credit_id, version),
    check (administrative_value + clinical_value + general_value = amount_value)
);

-- append-only, enforced by the database and not only by the code
create function credit_version_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'credit_version is append-only: % is not allowed', tg_op;
end;
$$;
create trigger credit_version_append_only
    before update or delete or truncate on credit_version
    for each statement execute function credit_version_is_append_only();

-- Idempotency-Key of POST .../credits: the first request under a key wins (primary key, not check-then-insert);
-- a retry with the same body gets the stored answer, one with another body a 422.
create table idempotency_key (
    learner_id      text        not null,
    idempotency_key text        not null,
    request_hash    char(64)    not null,
    credit_id       uuid,
    response        jsonb,
    created_at      timestamptz not null default now(),
    primary key (learner_id, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- The courses of the catalog as catalog.course.v1 told us, latest version per course.
create table course (
    id                   uuid          primary key,
    provider_id          uuid          not null,
    provider_name        text,
    title                text          not null,
    format               text          not null,
    amount_value         numeric(8, 2) not null,
    amount_unit          text          not null,
    administrative_value numeric(8, 2) not null default 0,
    clinical_value       numeric(8, 2) not null default 0,
    general_value        numeric(8, 2) not null default 0,
    contact_minutes      integer,
    approval_body        text,
    approval_number      text,
    approval_valid_from  date,
    approval_valid_to    date,
    status               text          not null,
    retired_on           date,
    version              bigint        not null,
    updated_at           timestamptz   not null default now()
);

-- Provider completion reports: one row per reported completion, so the same row sent twice never makes two
-- credits. Natural key provider + course + learner + completion date; the provider's own row id, when it
-- sends one, is a second key.
create table completion_report (
    id          uuid        primary key,
    -- null when an admin reported for several providers at once
    provider_id uuid,
    reported_by text        not null,
    received    integer     not null,
    accepted    integer     not null,
    duplicates  integer     not null,
    rejected    integer     not null,
    received_at timestamptz not null default now()
);

create table completion_row (
    provider_id  uuid        not null,
    course_id    uuid        not null,
    learner_id   text        not null,
    completed_on date        not null,
    row_id       text,
    -- checked at commit: a report links its rows first, to learn which are new, then writes their credits
    credit_id    uuid        not null references credit (id) deferrable initially deferred,
    report_id    uuid        not null references completion_report (id) deferrable initially deferred,
    created_at   timestamptz not null default now(),
    primary key (provider_id, course_id, learner_id, completed_on)
);
create unique index completion_row_by_row_id on completion_row (provider_id, row_id) where row_id is not null;
