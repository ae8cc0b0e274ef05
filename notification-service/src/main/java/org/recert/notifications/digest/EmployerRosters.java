package org.recert.notifications.digest;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.contracts.RosterEvent;

/** The service's copy of the employers' rosters: each member's latest place on each roster, as compliance announced it. */
@ApplicationScoped
public class EmployerRosters {

    private final EntityManager entityManager;
    private final Clock clock;

    public EmployerRosters(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Keeps the event's place as the member's latest (events of one learner arrive in order, each once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(RosterEvent event) {
        entityManager.createNativeQuery("""
                insert into employer_roster (organization_id, learner_id, member, consent, staff_ref, organization_name, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (organization_id, learner_id) do update set member = excluded.member, consent = excluded.consent,
                    staff_ref = excluded.staff_ref, organization_name = coalesce(excluded.organization_name, employer_roster.organization_name),
                    updated_at = excluded.updated_at""")
                .setParameter(1, event.organizationId()).setParameter(2, event.learnerId()).setParameter(3, event.member())
                .setParameter(4, event.consent()).setParameter(5, event.staffRef()).setParameter(6, event.organizationName())
                .setParameter(7, clock.instant())
                .executeUpdate();
    }
}
