package org.recert.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.recert.contracts.QualityCriterion;

/**
 * Reviews a course against the seed's six questions. Each criterion is met or not, with the reason a learner
 * reads; the score is the sum of the weights of the criteria met (the weights add up to 100).
 *
 * <p>"Reasonable fee": a per-course fee is reasonable when it costs at most {@link QualityRules#maxFeePerContactHour()}
 * per contact hour (a 50-minute session) of the course's contact time (a measure every course has; what its credit
 * counts for towards a credential is for the compliance service's rule sets to say); a subscription when its price is at most {@link QualityRules#maxSubscriptionFee()};
 * a free course meets it but is flagged {@code FREE_COURSE}, since the seed warns that free courses' quality is
 * often hard to establish: their score comes from the other five criteria like anyone else's.
 */
public final class QualityReviewer {

    static final int MIN_RATIONALE = 30;
    static final int MIN_OUTCOME = 15;
    static final int MIN_CREDENTIALS = 5;
    static final int MIN_REFUND_POLICY = 20;

    private final QualityRules rules;

    public QualityReviewer(QualityRules rules) {
        this.rules = rules;
    }

    public QualityReview review(CourseDraft course) {
        List<QualityFinding> findings = List.of(
                rationale(course.rationale()),
                outcomes(course.learningOutcomesOrEmpty()),
                credentials(course.instructorCredentials()),
                methods(course.instructionalMethodsOrEmpty()),
                fee(course.fee(), course.credit()),
                refund(course.refundPolicy()));
        int score = findings.stream().filter(QualityFinding::met).mapToInt(QualityFinding::weight).sum();
        List<String> flags = new ArrayList<>();
        if (course.fee().isFree()) {
            flags.add(QualityReview.FREE_COURSE);
        }
        return new QualityReview(score, findings, List.copyOf(flags));
    }

    private static QualityFinding rationale(String rationale) {
        int length = length(rationale);
        if (length >= MIN_RATIONALE) {
            return finding(QualityCriterion.RATIONALE_STATED, 15, true, "the rationale is stated");
        }
        return finding(QualityCriterion.RATIONALE_STATED, 15, false, length == 0
                ? "no rationale is given"
                : "the rationale is too short to say why the course exists (" + length + " of at least " + MIN_RATIONALE + " characters)");
    }

    private static QualityFinding outcomes(List<String> outcomes) {
        long stated = outcomes.stream().filter(o -> length(o) >= MIN_OUTCOME).count();
        if (stated > 0) {
            return finding(QualityCriterion.LEARNING_OUTCOMES_STATED, 20, true, stated + " learning outcome" + (stated == 1 ? " is" : "s are") + " stated");
        }
        return finding(QualityCriterion.LEARNING_OUTCOMES_STATED, 20, false, outcomes.isEmpty()
                ? "no learning outcomes are given"
                : "the learning outcomes are too vague (each under " + MIN_OUTCOME + " characters)");
    }

    private static QualityFinding credentials(String credentials) {
        if (length(credentials) >= MIN_CREDENTIALS) {
            return finding(QualityCriterion.INSTRUCTOR_CREDENTIALS, 20, true, "instructors: " + credentials.strip());
        }
        return finding(QualityCriterion.INSTRUCTOR_CREDENTIALS, 20, false, "the instructors' credentials are not given");
    }

    private static QualityFinding methods(List<String> methods) {
        List<String> named = methods.stream().filter(m -> length(m) > 0).map(String::strip).toList();
        if (!named.isEmpty()) {
            return finding(QualityCriterion.INSTRUCTIONAL_METHODS, 15, true, "methods: " + String.join(", ", named));
        }
        return finding(QualityCriterion.INSTRUCTIONAL_METHODS, 15, false, "the instructional methods are not described");
    }

    private QualityFinding fee(Fee fee, Credit credit) {
        QualityCriterion criterion = QualityCriterion.REASONABLE_FEE;
        switch (fee.model()) {
            case FREE:
                return finding(criterion, 15, true, "free; the quality of free courses is often hard to establish, so weigh the other findings");
            case SUBSCRIPTION: {
                boolean reasonable = fee.amount().compareTo(rules.maxSubscriptionFee()) <= 0;
                return finding(criterion, 15, reasonable, "subscription of " + money(fee.amount(), fee.currency())
                        + (reasonable ? ", at or under " : ", over ") + "the " + money(rules.maxSubscriptionFee(), fee.currency()) + " limit");
            }
            default: {
                BigDecimal perHour = fee.amount().multiply(BigDecimal.valueOf(CourseRules.MINUTES_PER_CONTACT_HOUR))
                        .divide(BigDecimal.valueOf(credit.contactMinutes()), 2, RoundingMode.HALF_UP);
                boolean reasonable = perHour.compareTo(rules.maxFeePerContactHour()) <= 0;
                return finding(criterion, 15, reasonable, money(perHour, fee.currency()) + " per contact hour"
                        + (reasonable ? ", at or under " : ", over ") + "the " + money(rules.maxFeePerContactHour(), fee.currency()) + " limit");
            }
        }
    }

    private static QualityFinding refund(String policy) {
        if (length(policy) >= MIN_REFUND_POLICY) {
            return finding(QualityCriterion.REFUND_POLICY, 15, true, "a refund/cancellation policy is stated");
        }
        return finding(QualityCriterion.REFUND_POLICY, 15, false, length(policy) == 0
                ? "no refund or cancellation policy is given"
                : "the refund/cancellation policy is too short to be clear");
    }

    private static QualityFinding finding(QualityCriterion criterion, int weight, boolean met, String reason) {
        return new QualityFinding(criterion, met, reason, weight);
    }

    private static int length(String text) {
        return text == null ? 0 : text.strip().length();
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + (currency == null ? "" : currency);
    }
}
