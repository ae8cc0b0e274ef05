package org.recert.compliance.employers;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.compliance.store.TransactionLocks;
import org.recert.contracts.RosterEvent;
import org.recert.contracts.Topics;
import org.recert.platform.events.Outbox;

/**
 * Announces on compliance.roster.v1 a learner's place on an organization's roster after a membership or consent change,
 * in the change's transaction (through the outbox), so that other services (the employer digest) learn who an employer
 * may see without asking compliance.
 */
@ApplicationScoped
public class RosterEvents {

    private final Outbox outbox;
    private final TransactionLocks locks;
    private final EntityManager entityManager;

    public RosterEvents(Outbox outbox, TransactionLocks locks, EntityManager entityManager) {
        this.outbox = outbox;
        this.locks = locks;
        this.entityManager = entityManager;
    }

    /** Publishes the member's place as this transaction leaves it; call after the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(UUID organizationId, String learnerId) {
        entityManager.flush();
        // racing changes of one member (a grant and a removal) read and enqueue one after the other, so the last event is the truth
        locks.hold("roster-member", organizationId + "/" + learnerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select o.name, m.learner_id is not null, m.staff_ref, c.learner_id is not null
                from employer_organization o
                left join roster_member m on m.organization_id = o.id and m.learner_id = ?2
                left join learner_consent c on c.organization_id = o.id and c.learner_id = ?2
                where o.id = ?1""")
                .setParameter(1, organizationId).setParameter(2, learnerId).getResultList();
        Object[] row = rows.get(0);
        RosterEvent event = new RosterEvent(organizationId, learnerId, (Boolean) row[1], (Boolean) row[3], (String) row[2], (String) row[0]);
        outbox.publish(Topics.COMPLIANCE_ROSTER, learnerId, RosterEvent.CHANGED, event);
    }
}
