package org.recert.platform.web;

/**
 * A learner id is the {@code sub} of the learner's token, whatever the identity provider issues: letters,
 * digits and a few separators, at most 64 characters. Every service validates path ids against it.
 */
public final class LearnerIds {

    /** For {@code @Pattern(regexp = LearnerIds.PATTERN)}. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._@:|-]{0,63}";

    private LearnerIds() {
    }

    public static boolean isValid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
