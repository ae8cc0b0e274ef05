-- Consent audit: who granted or withdrew, and why; the log only grows.
alter table learner_consent_log
    add column reason     text,
    add column actor_role text,
    add column actor_id   text;

-- Until now only learners granted and withdrew.
update learner_consent_log
   set reason = 'BY_LEARNER', actor_role = 'learner', actor_id = learner_id
 where reason is null;

alter table learner_consent_log
    alter column reason set not null,
    alter column actor_role set not null,
    alter column actor_id set not null,
    add constraint learner_consent_log_reason
        check (reason in ('BY_LEARNER', 'BY_ADMIN', 'REMOVED_FROM_ROSTER')),
    add constraint learner_consent_log_actor_role
        check (actor_role in ('learner', 'employer', 'admin'));

-- Append-only: an audit that can be edited proves nothing.
create function learner_consent_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'learner_consent_log is append-only (% refused)', tg_op;
end
$$;

create trigger learner_consent_log_append_only
    before update or delete on learner_consent_log
    for each row execute function learner_consent_log_append_only();

-- Consents outlived membership before this release: a consent of a learner no organization lists any more
-- stays (a learner may consent before being listed); nothing here can tell the two apart.
