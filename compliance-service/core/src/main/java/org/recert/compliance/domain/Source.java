package org.recert.compliance.domain;

import java.util.Objects;

/**
 * A page of a certifying body that a rule comes from.
 *
 * @param url null when Recert could not verify the page's address; the title alone names it, and every rule citing it
 *            is an {@link Confidence#INTERPRETATION}
 */
public record Source(String title, String url) {

    public Source {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new InvalidRuleSetException("a source needs a title");
        }
        if (url != null && !url.startsWith("https://")) {
            throw new InvalidRuleSetException("source '" + title + "' needs an https URL or none");
        }
    }
}
