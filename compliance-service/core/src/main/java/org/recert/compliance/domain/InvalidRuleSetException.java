package org.recert.compliance.domain;

/** A rule file that cannot be read or breaks a rule-set invariant. */
public class InvalidRuleSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRuleSetException(String message) {
        super(message);
    }

    public InvalidRuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
