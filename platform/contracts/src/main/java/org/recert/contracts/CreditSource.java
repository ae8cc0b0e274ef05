package org.recert.contracts;

/** Who first put a credit in the ledger. */
public enum CreditSource {
    LEARNER_REPORTED,
    PROVIDER_REPORTED,
    ADMIN_RECORDED
}
