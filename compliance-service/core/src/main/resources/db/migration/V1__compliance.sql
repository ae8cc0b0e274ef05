-- Certifications: one current row per (learner, credential); a new certification date supersedes it, kept as history.
create table certification (
    id            bigserial   primary key,
    learner_id    text        not null,
    credential    text        not null,
    certified_on  date        not null,
    cycle_start   date        not null,
    due_date      date        not null,
    grace_end     date        not null,
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    superseded_at timestamptz
);
create unique index certification_current on certification (learner_id, credential) where superseded_at is null;
create index certification_history on certification (learner_id, credential, id);

-- The credits projection: the latest version of each credit, from credits.ledger.v1.
create table learner_credit (
    credit_id       text          primary key,
    learner_id      text          not null,
    version         integer       not null,
    status          text          not null,
    activity_type   text          not null,
    title           text,
    course_id       text,
    completed_on    date          not null,
    amount          numeric(12,4) not null,
    unit            text          not null,
    categories      jsonb         not null,
    approval        text          not null,
    contact_minutes integer,
    updated_at      timestamptz   not null
);
create index learner_credit_learner on learner_credit (learner_id);

-- The course read model for plans: the highest version of each course, from catalog.course.v1.
create table catalog_course (
    course_id         text          primary key,
    version           integer       not null,
    title             text          not null,
    provider_id       text          not null,
    provider_name     text,
    format            text          not null,
    status            text          not null,
    fee_model         text          not null,
    fee               numeric(12,2) not null,
    currency          text          not null,
    amount            numeric(12,4) not null,
    unit              text          not null,
    categories        jsonb         not null,
    approval_body     text,
    approval_number   text,
    approval_valid_to date,
    contact_minutes   integer       not null,
    retired_on        date,
    updated_at        timestamptz   not null
);
create index catalog_course_current on catalog_course (status);

-- The stored status of each certified learner per credential, kept true by credit events and the daily sweep.
-- Nothing here depends on the day it is read: daysRemaining is derived from due_date by readers.
create table learner_status (
    learner_id       text          not null,
    credential       text          not null,
    status           text          not null,
    certified_on     date,
    cycle_start      date,
    due_date         date,
    grace_end        date,
    requirements_met boolean       not null,
    total_shortfall  numeric(12,4) not null,
    evaluation       jsonb         not null,
    evaluated_on     date          not null,
    evaluated_at     timestamptz   not null,
    next_change_on   date,
    status_since     timestamptz   not null,
    primary key (learner_id, credential)
);
create index learner_status_next_change on learner_status (next_change_on) where next_change_on is not null;
create index learner_status_by_status on learner_status (credential, status);

-- A projection rebuild in progress: the end offsets the replay must reach before learners are re-evaluated.
create table projection_rebuild (
    id           bigserial   primary key,
    requested_at timestamptz not null,
    requested_by text        not null,
    completed_at timestamptz
);
create table projection_rebuild_partition (
    rebuild_id  bigint  not null references projection_rebuild (id) on delete cascade,
    topic       text    not null,
    partition   integer not null,
    end_offset  bigint  not null,
    reached     boolean not null,
    primary key (rebuild_id, topic, partition)
);
-- Learners whose credits changed during a rebuild: evaluated once, when the replay has caught up.
create table projection_rebuild_learner (
    learner_id text primary key
);
