package org.recert.compliance.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Whether the credits projection may be published from. Not while a rebuild replays the topics (a half-rebuilt
 * projection would announce false statuses and webhooks), nor after a rebuild failed (credits may be missing), until a
 * later rebuild completes and evaluates every certified learner once.
 */
@ApplicationScoped
public class ProjectionTrust {

    private final EntityManager entityManager;

    public ProjectionTrust(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True unless the latest rebuild is running or failed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean trusted() {
        return entityManager.createNativeQuery("""
                select 1 from projection_rebuild where completed_at is null and id = (select max(id) from projection_rebuild)""")
                .getResultList().isEmpty();
    }
}
