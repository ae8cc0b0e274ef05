package org.recert.contracts;

/** A revoked credit stays in the ledger, with every version, but counts for nothing. */
public enum CreditStatus {
    ACTIVE,
    REVOKED
}
