-- Reminders are worded when they are shown or mailed, in the learner's language: the projection and each reminder keep
-- the unmet requirements as codes and numbers (JSON) and the dates the words need. Rows written before keep their
-- English words (missing_codes null), and are shown in them.
alter table learner_status add column missing_codes text;
alter table notification add column credential_name varchar(200);
alter table notification add column due_date date;
alter table notification add column grace_end date;
alter table notification add column decided_on date;
alter table notification add column missing_codes text;
-- the language the mail went out in (null until it is sent)
alter table notification add column language varchar(8);
-- no language chosen (null): the locale of the learner's sign-in, kept here when they save, else English
alter table preference alter column language drop not null;
alter table preference add column token_locale varchar(35);
-- learner_status.missing (the English words) gives way to missing_codes and is written empty from now on
