-- processed_event ids are forgotten after a retention (ProcessedEventRetention): find the old ones without a full scan
create index processed_event_processed_at on processed_event (processed_at);
