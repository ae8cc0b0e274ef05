-- A rebuild that did not reach the topics' ends in time fails, with the reason, instead of completing on partial data;
-- statuses stay unpublished until a later rebuild completes.
alter table projection_rebuild add column failed_at timestamptz, add column failure text;
