create table test_note (
    id    text primary key,
    owner text not null,
    body  text not null
);
-- what the test handler applied, in arrival order
create table test_applied (
    seq      bigserial primary key,
    event_id text not null,
    note_key text not null,
    body     text not null
);
