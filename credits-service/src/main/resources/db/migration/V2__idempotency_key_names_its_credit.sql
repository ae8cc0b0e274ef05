-- An idempotency key names the credit its first request made, in the same insert that claims the key; the first
-- answer is that credit's version 1 in the ledger, so the key row is never updated and keeps no copy of the answer.
-- Every committed key already names its credit (claim and completion shared one transaction).
alter table idempotency_key drop column response;
alter table idempotency_key alter column credit_id set not null;
