-- Test scaffold until the compliance core lands its learner_status table: the columns the roster reads.
create table learner_status (
    learner_id      text        not null,
    credential      text        not null,
    status          text        not null,
    cycle_start     date,
    due_date        date,
    total_shortfall numeric(8, 2),
    evaluation      jsonb,
    evaluated_at    timestamptz not null default now(),
    next_change_on  date,
    primary key (learner_id, credential)
);
