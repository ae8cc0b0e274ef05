package org.recert.credits.domain;

/** Who put the credit in the ledger. */
public enum CreditSource {
    LEARNER_REPORTED,
    PROVIDER_REPORTED,
    ADMIN_RECORDED
}
