-- Transactional outbox: a change and its events commit together; the relay publishes them in order per key.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    event_key     text        not null,
    event_type    text        not null,
    payload       jsonb       not null,
    traceparent   text,
    -- keys hash to a lane; a relay holds a lane's lock while it publishes, so order per key survives replicas
    lane          smallint    not null,
    created_at    timestamptz not null default now(),
    sent_at       timestamptz
);
create index outbox_event_pending on outbox_event (lane, id) where sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

create table outbox_lane (
    lane smallint primary key
);
insert into outbox_lane (lane) select generate_series(0, 15);
