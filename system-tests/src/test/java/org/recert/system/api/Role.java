package org.recert.system.api;

/** The callers of the authorization matrix, as DESIGN.md's Security section names them. */
enum Role {
    ANONYMOUS("no token"),
    LEARNER_SELF("learner, own records"),
    LEARNER_OTHER("learner, someone else's records"),
    EMPLOYER_OWN_ORG("employer of the learner's organization"),
    EMPLOYER_OTHER_ORG("employer of another organization"),
    PROVIDER_OWN("provider, own courses"),
    PROVIDER_OTHER("provider, another provider's courses"),
    CURATOR("curator"),
    ADMIN("admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
