package org.recert.notifications.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One replica at a time for a scheduled pass (the reminder sweep, the employer digest): a PostgreSQL advisory lock held
 * by the pass's transaction, so a replica that dies mid-pass lets go of it with its connection.
 */
@ApplicationScoped
public class PassLocks {

    private final EntityManager entityManager;

    public PassLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True when this transaction now holds the pass {@code key}; false when another replica's pass holds it (skip this round). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryHold(long key) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, key).getSingleResult();
    }
}
