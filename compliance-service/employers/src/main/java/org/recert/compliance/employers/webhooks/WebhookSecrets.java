package org.recert.compliance.employers.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.recert.compliance.employers.WebhooksConfig;

/**
 * Webhook signing secrets at rest: sealed with the first configured key ({@link SecretCipher}), opened with whichever
 * key sealed them. At start the service refuses to run without a key, and seals every secret still stored in plain
 * text (from before encryption) or sealed with another listed key (a key rotation), so an old key can then go.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    private final Optional<List<String>> keys;
    private final EntityManager entityManager;
    private volatile SecretCipher cipher;

    public WebhookSecrets(WebhooksConfig config, EntityManager entityManager) {
        this.keys = config.secretKeys();
        this.entityManager = entityManager;
    }

    /** The cipher of the configured keys; without any, the reason the service does not start. */
    static SecretCipher required(Optional<List<String>> keys) {
        List<String> given = keys.orElse(List.of()).stream().filter(key -> !key.isBlank()).toList();
        if (given.isEmpty()) {
            throw new IllegalStateException("recert.webhooks.secret-keys (RECERT_WEBHOOKS_SECRET_KEYS) is not set: webhook signing "
                    + "secrets are stored encrypted, with a key given to the service (docs/operations.md)");
        }
        return new SecretCipher(given);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        cipher();
        int sealed = QuarkusTransaction.requiringNew().call(this::sealAll);
        if (sealed > 0) {
            LOG.infof("webhook secrets: %d subscriptions sealed with key %s", sealed, cipher().activeKeyId());
        }
    }

    public SecretCipher.Sealed seal(UUID subscriptionId, String secret) {
        return cipher().seal(subscriptionId, secret);
    }

    /** The secret in clear; {@code keyId} null: stored before encryption (sealed at the next start), so plain already. */
    public String open(UUID subscriptionId, String keyId, String stored) {
        return keyId == null ? stored : cipher().open(subscriptionId, new SecretCipher.Sealed(keyId, stored));
    }

    /**
     * Seals, with the first key, every current or previous secret that is plain or sealed with another known key; rows
     * another replica is sealing are skipped. Runs in the caller's transaction; returns the subscriptions changed.
     */
    @SuppressWarnings("unchecked")
    public int sealAll() {
        String active = cipher().activeKeyId();
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, secret, secret_key_id, previous_secret, previous_secret_key_id from webhook_subscription
                where secret_key_id is distinct from ?1 or (previous_secret is not null and previous_secret_key_id is distinct from ?1)
                for update skip locked""").setParameter(1, active).getResultList();
        int sealed = 0;
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            String currentKey = (String) row[2];
            String previousKey = (String) row[4];
            if ((currentKey != null && !cipher().knows(currentKey)) || (row[3] != null && previousKey != null && !cipher().knows(previousKey))) {
                LOG.warnf("webhook subscription %s: secret sealed with a key that is not configured; deliveries to it fail until it is", id);
                continue;
            }
            SecretCipher.Sealed current = seal(id, open(id, currentKey, (String) row[1]));
            SecretCipher.Sealed previous = row[3] == null ? null : seal(id, open(id, previousKey, (String) row[3]));
            entityManager.createNativeQuery("""
                    update webhook_subscription set secret = ?2, secret_key_id = ?3, previous_secret = ?4, previous_secret_key_id = ?5
                    where id = ?1""")
                    .setParameter(1, id).setParameter(2, current.ciphertext()).setParameter(3, current.keyId())
                    .setParameter(4, previous == null ? null : previous.ciphertext())
                    .setParameter(5, previous == null ? null : previous.keyId())
                    .executeUpdate();
            sealed++;
        }
        return sealed;
    }

    private SecretCipher cipher() {
        SecretCipher current = cipher;
        if (current == null) {
            current = required(keys);
            cipher = current;
        }
        return current;
    }
}
