-- Employers: organizations, their rosters, learners' consents, webhook subscriptions and the webhook outbox.

create table employer_organization (
    id          uuid primary key,
    name        text        not null,
    created_at  timestamptz not null default now()
);
create index employer_organization_name on employer_organization (name, id);

-- An employer lists a learner on its roster; what it may see of them depends on the learner's consent.
create table roster_member (
    organization_id uuid        not null references employer_organization (id) on delete cascade,
    learner_id      text        not null,
    staff_ref       text,
    added_at        timestamptz not null default now(),
    primary key (organization_id, learner_id)
);
create unique index roster_member_staff_ref on roster_member (organization_id, staff_ref) where staff_ref is not null;
create index roster_member_learner on roster_member (learner_id);

-- A learner's consent for one organization to see their status; withdrawing it deletes the row at once.
create table learner_consent (
    learner_id      text        not null,
    organization_id uuid        not null references employer_organization (id) on delete cascade,
    granted_at      timestamptz not null default now(),
    primary key (organization_id, learner_id)
);
create index learner_consent_learner on learner_consent (learner_id);

-- Who granted or withdrew what, when: consent is kept as an audit trail, not only as current state.
create table learner_consent_log (
    id              bigserial primary key,
    learner_id      text        not null,
    organization_id uuid        not null,
    action          text        not null check (action in ('GRANTED', 'WITHDRAWN')),
    at              timestamptz not null default now()
);
create index learner_consent_log_learner on learner_consent_log (learner_id, id);

create table webhook_subscription (
    id              uuid primary key,
    organization_id uuid        not null references employer_organization (id) on delete cascade,
    url             text        not null,
    events          text        not null,
    secret          text        not null,
    created_at      timestamptz not null default now()
);
create index webhook_subscription_org on webhook_subscription (organization_id);

-- The webhook outbox: one row per event and subscription, written in the transaction of the status change.
-- The worker delivers a learner's rows of one subscription strictly in seq order.
create table webhook_delivery (
    id              uuid primary key,
    seq             bigserial   not null unique,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    organization_id uuid        not null,
    learner_id      text        not null,
    message_id      text        not null,
    event_type      text        not null,
    payload         text        not null,
    state           text        not null check (state in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    lease_until     timestamptz,
    first_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status_code integer,
    last_error      text,
    delivered_at    timestamptz,
    replay_of       uuid,
    created_at      timestamptz not null default now()
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, seq) where state = 'PENDING';
create index webhook_delivery_lane on webhook_delivery (subscription_id, learner_id, seq) where state = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, seq desc);
create index webhook_delivery_member on webhook_delivery (organization_id, learner_id) where state = 'PENDING';
