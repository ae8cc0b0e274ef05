package org.recert.compliance.status;

import org.recert.contracts.ComplianceStatus;

/**
 * Fired (CDI, synchronously, inside the transaction that updates {@code learner_status}) when a learner's stored status
 * in a credential changes. Observe with {@code @Observes} to act in the same transaction, or
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act once it committed. Not fired when nothing changed.
 *
 * @param oldStatus {@code NO_CERTIFICATION} when the learner had no stored status in this credential before
 * @param evaluation the evaluation that produced {@code newStatus}, as of the day it was made
 * @param provenance who vouches for what the evaluation counted, and for the certification date
 */
public record LearnerStatusChanged(String learnerId, String credential, ComplianceStatus oldStatus, ComplianceStatus newStatus,
        StatusView evaluation, Provenance provenance) {
}
