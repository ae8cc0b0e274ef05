package org.recert.compliance.api;

/** Texts shared by the OpenAPI annotations of the resources. */
final class Problems {

    static final String BAD_INPUT = "A malformed learner id, an unknown or missing credential, or a date out of range; names the field";
    static final String WRONG_ROLE = "A role that may not use this endpoint (employer, provider, curator)";
    static final String NOT_YOURS = "Another learner's data, or nothing recorded";

    private Problems() {
    }
}
