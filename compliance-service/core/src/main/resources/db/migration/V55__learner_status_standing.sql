-- What a stored status tells the learner they must still do and by when (cycle, due and grace dates, apply-by,
-- requirements), as one comparable text, so a re-evaluation sees whether the standing moved without parsing the stored
-- evaluation. Null on rows stored before it: their next re-evaluation publishes the standing once and fills it.
alter table learner_status add column standing text;
