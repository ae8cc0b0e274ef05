-- The notification service's own state: its projection of compliance.status.v1, the reminders it decided on
-- (each at most once: the unique key), and each learner's choices.

create table learner_status (
    learner_id       varchar(64)  not null,
    credential       varchar(64)  not null,
    credential_name  varchar(200),
    status           varchar(32)  not null,
    cycle_start      date,
    due_date         date,
    grace_end        date,
    apply_by         date,
    requirements_met boolean      not null,
    -- the unmet requirements in words, one per line (empty when all are met)
    missing          text         not null,
    as_of            date         not null,
    updated_at       timestamptz  not null,
    primary key (learner_id, credential)
);

create table notification (
    id              bigserial     primary key,
    learner_id      varchar(64)   not null,
    credential      varchar(64)   not null,
    cycle_start     date          not null,
    -- DUE_<days> for the schedule, or the status it reports: AT_RISK, GRACE, LAPSED, COMPLIANT
    kind            varchar(32)   not null,
    status          varchar(32)   not null,
    act_by          date,
    subject         varchar(300)  not null,
    body            text          not null,
    missing         text          not null,
    created_at      timestamptz   not null,
    read_at         timestamptz,
    -- PENDING until the delivery worker sends it (SENT), finds no channel (SKIPPED) or gives up (FAILED)
    email_state     varchar(16)   not null,
    email_to        varchar(320),
    email_note      varchar(500),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    sent_at         timestamptz,
    constraint notification_once unique (learner_id, credential, cycle_start, kind)
);

create index notification_pending on notification (next_attempt_at) where email_state = 'PENDING';
create index notification_feed on notification (learner_id, id desc);

create table preference (
    learner_id    varchar(64)  primary key,
    email         varchar(320),
    email_enabled boolean      not null,
    -- days before the act-by date, comma separated, descending
    offsets       varchar(100) not null,
    language      varchar(8)   not null,
    updated_at    timestamptz  not null
);
