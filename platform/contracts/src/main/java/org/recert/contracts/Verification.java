package org.recert.contracts;

/** Who vouches for a credit, which an employer weighs: the course's provider, evidence the learner attached, or the learner's word alone. */
public enum Verification {
    PROVIDER_REPORTED,
    EVIDENCE_ATTACHED,
    SELF_REPORTED
}
