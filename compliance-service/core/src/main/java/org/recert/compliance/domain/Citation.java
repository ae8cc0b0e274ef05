package org.recert.compliance.domain;

import java.util.Objects;

/**
 * Where one rule of a rule set comes from, and how sure that is.
 *
 * @param note what Recert read into the source, when the rule is an interpretation; may be null otherwise
 */
public record Citation(Source source, Confidence confidence, String note) {

    public Citation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
        if (source.url() == null && confidence == Confidence.PUBLISHED) {
            throw new InvalidRuleSetException("a rule citing '" + source.title() + "', whose address is not known, can only be an interpretation");
        }
    }
}
