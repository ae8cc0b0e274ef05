package org.recert.compliance.domain;

/**
 * How long the certifying body takes, at worst, to process a recertification application, so that a learner knows the
 * last day to apply.
 *
 * @param allApprovedDays days when every counted credit is approved by the approving body (the AAMA: instant, 0)
 * @param otherDays       days otherwise, by the slowest route the body offers (the AAMA: a mailed application, 30)
 */
public record ApplicationProcessing(int allApprovedDays, int otherDays) {

    public static final ApplicationProcessing INSTANT = new ApplicationProcessing(0, 0);

    public ApplicationProcessing {
        if (allApprovedDays < 0 || otherDays < 0 || allApprovedDays > 365 || otherDays > 365) {
            throw new InvalidRuleSetException("processing days must be between 0 and 365");
        }
    }
}
