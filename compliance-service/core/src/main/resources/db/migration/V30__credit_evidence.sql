-- What a learner submits with a recertification application: who issued each credit and the evidence of it,
-- from credits.ledger.v1 (providerName, evidence). Filled as credit events arrive; a projection rebuild fills old rows.
alter table learner_credit add column provider_name text;
alter table learner_credit add column evidence jsonb;
