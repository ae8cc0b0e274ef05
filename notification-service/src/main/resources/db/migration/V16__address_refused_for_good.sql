-- An address the receiving server refused for good (a 5xx reply to RCPT TO): no more mail is sent to it, the reminders
-- wait PENDING, until the learner saves their preferences again (a new address); a 4xx refusal is retried with backoff.
alter table preference add column email_refusal_permanent boolean not null default false;
