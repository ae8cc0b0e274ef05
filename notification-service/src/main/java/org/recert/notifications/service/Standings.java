package org.recert.notifications.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.notifications.domain.Missing;
import org.recert.notifications.store.MissingColumn;

/** A learner's current standing as this service projects it: what is missing now, in one credential's cycle. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Standings {

    private final EntityManager entityManager;

    public Standings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What is missing now in this cycle; empty when the learner is in another cycle or the projection predates the codes. */
    public Optional<List<Missing>> missingNow(String learnerId, String credential, LocalDate cycleStart) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("""
                select missing_codes from learner_status
                where learner_id = ?1 and credential = ?2 and cycle_start = ?3 and missing_codes is not null""")
                .setParameter(1, learnerId).setParameter(2, credential).setParameter(3, cycleStart)
                .getResultList();
        return rows.stream().findFirst().map(MissingColumn::read);
    }
}
