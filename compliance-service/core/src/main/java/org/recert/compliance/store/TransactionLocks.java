package org.recert.compliance.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises writers of one thing (a learner's certification in a credential, an organization's roster) with a
 * PostgreSQL advisory lock held until the transaction ends: two requests racing to create the same row then run one
 * after the other, and the second sees what the first committed instead of hitting a unique violation. The two-key
 * form keeps these locks apart from the single-key locks of the sweep.
 */
@ApplicationScoped
public class TransactionLocks {

    private final EntityManager entityManager;

    public TransactionLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits until no other transaction holds ({@code space}, {@code key}), then holds it until this one ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(String space, String key) {
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1), hashtext(?2))) as held")
                .setParameter(1, space).setParameter(2, key).getSingleResult();
    }
}
