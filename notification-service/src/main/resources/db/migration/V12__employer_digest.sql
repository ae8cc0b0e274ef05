-- The employer digest: the service's projection of compliance.roster.v1 (who is on which roster, and whether they share
-- their status with it), each organization's opt-in, and one row per organization and ISO week whose digest was decided.

create table employer_roster (
    organization_id   uuid         not null,
    learner_id        varchar(64)  not null,
    member            boolean      not null,
    consent           boolean      not null,
    staff_ref         varchar(64),
    organization_name varchar(200),
    updated_at        timestamptz  not null,
    primary key (organization_id, learner_id)
);
-- the digest reads an organization's members who share their status
create index employer_roster_visible on employer_roster (organization_id) where member and consent;

create table employer_digest (
    organization_id uuid          primary key,
    enabled         boolean       not null,
    -- addresses, one per line
    recipients      text          not null,
    language        varchar(8)    not null,
    updated_at      timestamptz   not null
);

-- At most one digest per organization and ISO week (the unique key, written with the decision); the row is also the
-- mail's outbox: PENDING until the digest worker sends it (SENT), finds nobody left to report (SKIPPED) or gives up (FAILED).
create table digest_mail (
    id              bigserial     primary key,
    organization_id uuid          not null,
    iso_week        varchar(8)    not null,
    state           varchar(16)   not null,
    members         integer,
    email_to        text,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    note            varchar(500),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    constraint digest_mail_once unique (organization_id, iso_week)
);
create index digest_mail_pending on digest_mail (next_attempt_at) where state = 'PENDING';
