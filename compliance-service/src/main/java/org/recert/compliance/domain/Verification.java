package org.recert.compliance.domain;

/**
 * Who vouches for a credit, as credits.ledger.v1 says: the course's provider, evidence the learner attached, or the
 * learner's word alone. It does not change what counts; it tells an employer how far to trust what does.
 */
public enum Verification {
    PROVIDER_REPORTED,
    EVIDENCE_ATTACHED,
    SELF_REPORTED
}
