package org.recert.credits.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Idempotency keys of credit recording. {@link #claim} inserts under the primary key: of two concurrent
 * requests with one key, the second waits for the first's transaction and then finds the key taken.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What the first request under a key stored: its body's hash and its answer. */
    public record Stored(String requestHash, UUID creditId, String response) {
    }

    private final EntityManager entityManager;

    public IdempotencyStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true when this request is the first under the key (the caller then completes it) */
    public boolean claim(String learnerId, String key, String requestHash) {
        return entityManager.createNativeQuery("""
                insert into idempotency_key (learner_id, idempotency_key, request_hash) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, learnerId).setParameter(2, key).setParameter(3, requestHash)
                .executeUpdate() == 1;
    }

    public Optional<Stored> find(String learnerId, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select request_hash, credit_id, cast(response as text) from idempotency_key
                where learner_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, learnerId).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(r -> new Stored((String) r[0], (UUID) r[1], (String) r[2]));
    }

    public void complete(String learnerId, String key, UUID creditId, String response) {
        entityManager.createNativeQuery("""
                update idempotency_key set credit_id = ?3, response = cast(?4 as jsonb)
                where learner_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, learnerId).setParameter(2, key).setParameter(3, creditId).setParameter(4, response)
                .executeUpdate();
    }

    /** Forgets keys older than {@code before}; returns how many. */
    public int forgetBefore(java.time.Instant before) {
        return entityManager.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, before).executeUpdate();
    }
}
