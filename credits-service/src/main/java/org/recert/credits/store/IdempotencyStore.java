package org.recert.credits.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Idempotency keys of credit recording. {@link #claim} inserts under the primary key, naming the credit the
 * request will make: of two concurrent requests with one key, the second waits for the first's transaction and
 * then finds the key taken. The first answer is that credit's first version, kept in the ledger, so a key is
 * written once and never updated.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What the first request under a key stored: its body's hash and the credit it made. */
    public record Stored(String requestHash, UUID creditId) {
    }

    private final EntityManager entityManager;

    public IdempotencyStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true when this request is the first under the key; it must then make {@code creditId} in its transaction */
    public boolean claim(String learnerId, String key, String requestHash, UUID creditId) {
        return entityManager.createNativeQuery("""
                insert into idempotency_key (learner_id, idempotency_key, request_hash, credit_id) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, learnerId).setParameter(2, key).setParameter(3, requestHash).setParameter(4, creditId)
                .executeUpdate() == 1;
    }

    public Optional<Stored> find(String learnerId, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select request_hash, credit_id from idempotency_key
                where learner_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, learnerId).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(r -> new Stored((String) r[0], (UUID) r[1]));
    }

    /** Forgets keys older than {@code before}; returns how many. */
    public int forgetBefore(java.time.Instant before) {
        return entityManager.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, before).executeUpdate();
    }
}
