package org.recert.credits.domain;

/**
 * Who vouches for a credit, which an employer weighs: the course's provider, evidence the learner attached, or the
 * learner's word alone. Unlike {@link CreditSource} (who first put the credit in the ledger), it follows every change.
 */
public enum Verification {
    /** Reported by the course's provider from its completion records, and not changed since by anyone else. */
    PROVIDER_REPORTED,
    /** Entered or changed by the learner (or an admin) with evidence: a certificate's issuer, number, file or hash. */
    EVIDENCE_ATTACHED,
    /** Entered or changed by the learner (or an admin) with nothing that proves it. */
    SELF_REPORTED;

    /** A new credit: a provider's report vouches for itself; anyone else's entry is worth its evidence. */
    public static Verification of(CreditSource source, Evidence evidence) {
        if (source == CreditSource.PROVIDER_REPORTED) {
            return PROVIDER_REPORTED;
        }
        return attached(evidence) ? EVIDENCE_ATTACHED : SELF_REPORTED;
    }

    /**
     * After a correction: the provider no longer vouches for what someone else changed, whatever evidence it had given;
     * only evidence sent with the correction counts then. Otherwise the credit is worth its evidence after the change.
     */
    public Verification corrected(Evidence sentWithCorrection, Evidence afterCorrection) {
        if (this == PROVIDER_REPORTED) {
            return attached(sentWithCorrection) ? EVIDENCE_ATTACHED : SELF_REPORTED;
        }
        return attached(afterCorrection) ? EVIDENCE_ATTACHED : SELF_REPORTED;
    }

    private static boolean attached(Evidence evidence) {
        return evidence != null && !evidence.isEmpty();
    }
}
