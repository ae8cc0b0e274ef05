-- A learner's address that the relay refused: marked, so that the learner sees it and their other reminders wait for
-- the one retry (no hammering); cleared by the next successful send or by saving preferences (which retries at once).
alter table preference add column email_refused_at timestamptz;
alter table preference add column email_refusal varchar(500);
alter table preference add column email_retry_at timestamptz;
