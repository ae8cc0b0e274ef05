package org.recert.contracts;

/** The Kafka topics the services talk through (docs/events/README.md); each has one {@link EventContract}. */
public final class Topics {

    /** Published courses, key the course id; produced by catalog. */
    public static final String CATALOG_COURSE = "catalog.course.v1";
    /** Every version of every credit, key the learner id; produced by credits, kept for ever. */
    public static final String CREDITS_LEDGER = "credits.ledger.v1";
    /** Changes of a learner's stored status in a credential, key the learner id; produced by compliance. */
    public static final String COMPLIANCE_STATUS = "compliance.status.v1";
    /** A learner's membership of an organization's roster and their consent to it, key the learner id; produced by compliance. */
    public static final String COMPLIANCE_ROSTER = "compliance.roster.v1";

    private Topics() {
    }
}
