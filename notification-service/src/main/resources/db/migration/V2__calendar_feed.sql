-- The secret address of each learner's private calendar feed; rotating it replaces the secret, so the old address stops.
create table calendar_feed (
    learner_id varchar(64) primary key,
    secret     varchar(64) not null unique,
    created_at timestamptz not null
);
