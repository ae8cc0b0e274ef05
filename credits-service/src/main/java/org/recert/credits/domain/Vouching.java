package org.recert.credits.domain;

import org.recert.contracts.CreditSource;
import org.recert.contracts.Verification;

/**
 * Who vouches for a credit. Unlike its {@link CreditSource} (who first put it in the ledger), the {@link Verification}
 * follows every change.
 */
public final class Vouching {

    private Vouching() {
    }

    /** A new credit: a provider's report vouches for itself; anyone else's entry is worth its evidence. */
    public static Verification of(CreditSource source, Evidence evidence) {
        if (source == CreditSource.PROVIDER_REPORTED) {
            return Verification.PROVIDER_REPORTED;
        }
        return attached(evidence) ? Verification.EVIDENCE_ATTACHED : Verification.SELF_REPORTED;
    }

    /**
     * After a correction: the provider no longer vouches for what someone else changed, whatever evidence it had given;
     * only evidence sent with the correction counts then. Otherwise the credit is worth its evidence after the change.
     */
    public static Verification corrected(Verification before, Evidence sentWithCorrection, Evidence afterCorrection) {
        if (before == Verification.PROVIDER_REPORTED) {
            return attached(sentWithCorrection) ? Verification.EVIDENCE_ATTACHED : Verification.SELF_REPORTED;
        }
        return attached(afterCorrection) ? Verification.EVIDENCE_ATTACHED : Verification.SELF_REPORTED;
    }

    private static boolean attached(Evidence evidence) {
        return evidence != null && !evidence.isEmpty();
    }
}
