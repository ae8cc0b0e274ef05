-- Webhook signing secrets encrypted at rest (AES-GCM, see WebhookSecrets): secret holds the ciphertext and
-- secret_key_id the id of the key that sealed it; null means a secret from before encryption, still plain, which the
-- service seals at its next start. A rotation keeps the previous secret signing until previous_secret_until.
alter table webhook_subscription
    add column secret_key_id          text,
    add column previous_secret        text,
    add column previous_secret_key_id text,
    add column previous_secret_until  timestamptz,
    add column secret_rotated_at      timestamptz;
