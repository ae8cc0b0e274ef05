package org.recert.platform.web;

import java.util.regex.Pattern;

/**
 * A learner id is the {@code sub} of the learner's token, whatever the identity provider issues: letters,
 * digits and a few separators, at most 64 characters. Every service validates path ids against it.
 */
public final class LearnerIds {

    /** For {@code @Pattern(regexp = LearnerIds.PATTERN)}. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._@:|-]{0,63}";

    // compiled once: String.matches compiles the expression on every call (10,000 times for one completion report)
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private LearnerIds() {
    }

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
