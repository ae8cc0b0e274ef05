-- Who vouches for what counts: each credit's verification (from credits.ledger.v1; credits projected before it existed
-- say SELF_REPORTED until a rebuild replays them), whether the learner set their certification date themselves, and,
-- per stored status, the counted points by verification, which employers see on roster rows.
alter table learner_credit add column verification text not null default 'SELF_REPORTED';
alter table certification add column self_reported boolean not null default false;
update certification set self_reported = (recorded_by = learner_id);
alter table learner_status
    add column provider_reported_points numeric(12, 4),
    add column evidence_attached_points numeric(12, 4),
    add column self_reported_points     numeric(12, 4),
    add column certification_self_reported boolean;
