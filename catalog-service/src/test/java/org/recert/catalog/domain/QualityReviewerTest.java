package org.recert.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recert.catalog.domain.Drafts.bd;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.FeeModel;
import org.recert.contracts.Category;
import org.recert.contracts.QualityCriterion;

class QualityReviewerTest {

    private final QualityReviewer reviewer = new QualityReviewer(new QualityRules(bd("30.00"), bd("250.00")));

    @Test
    void shouldScoreACompleteCourseAtOneHundredWithSixFindingsInTheSeedsOrder() {
        QualityReview review = reviewer.review(Drafts.complete());

        assertThat(review.score()).isEqualTo(100);
        assertThat(review.findings()).extracting(QualityFinding::criterion).containsExactly(QualityCriterion.values());
        assertThat(review.findings()).allMatch(QualityFinding::met);
        assertThat(review.findings().stream().mapToInt(QualityFinding::weight).sum()).isEqualTo(100);
        assertThat(review.flags()).isEmpty();
    }

    @Test
    void shouldScoreACourseWithoutQualityInputsAtTheFeeWeightOnlyAndSayWhy() {
        QualityReview review = reviewer.review(Drafts.withQualityInputs(Drafts.complete(), null, List.of(), " ", null, null));

        assertThat(review.score()).isEqualTo(15);
        assertThat(finding(review, QualityCriterion.RATIONALE_STATED).reason()).isEqualTo("no rationale is given");
        assertThat(finding(review, QualityCriterion.LEARNING_OUTCOMES_STATED).reason()).isEqualTo("no learning outcomes are given");
        assertThat(finding(review, QualityCriterion.INSTRUCTOR_CREDENTIALS).met()).isFalse();
        assertThat(finding(review, QualityCriterion.INSTRUCTIONAL_METHODS).met()).isFalse();
        assertThat(finding(review, QualityCriterion.REFUND_POLICY).reason()).isEqualTo("no refund or cancellation policy is given");
        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).met()).isTrue();
    }

    @Test
    void shouldNotCountAVagueRationaleOrVagueOutcomesAsStated() {
        QualityReview review = reviewer.review(Drafts.withQualityInputs(Drafts.complete(), "Useful.", List.of("Learn", "Know"),
                "Dana Reyes, CMA (AAMA)", List.of("video"), "No refunds after the course starts."));

        assertThat(finding(review, QualityCriterion.RATIONALE_STATED).met()).isFalse();
        assertThat(finding(review, QualityCriterion.RATIONALE_STATED).reason()).contains("too short");
        assertThat(finding(review, QualityCriterion.LEARNING_OUTCOMES_STATED).reason()).contains("too vague");
        assertThat(review.score()).isEqualTo(100 - 15 - 20);
    }

    @Test
    void shouldFindAFeeAtTheLimitPerContactHourReasonable() {
        // 120 minutes = 2.4 contact hours of 50 minutes; 72.00 USD = 30.00 per contact hour, exactly the limit
        QualityReview review = reviewer.review(Drafts.withFee(Drafts.complete(), new Fee(FeeModel.PER_COURSE, bd("72.00"), "USD")));

        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).met()).isTrue();
        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).reason()).isEqualTo("30.00 USD per contact hour, at or under the 30.00 USD limit");
    }

    @Test
    void shouldFindAFeeOverTheLimitPerContactHourUnreasonable() {
        QualityReview review = reviewer.review(Drafts.withFee(Drafts.complete(), new Fee(FeeModel.PER_COURSE, bd("72.02"), "USD")));

        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).met()).isFalse();
        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).reason()).isEqualTo("30.01 USD per contact hour, over the 30.00 USD limit");
        assertThat(review.score()).isEqualTo(85);
    }

    @Test
    void shouldWeighACollegeCourseFeeByItsContactHoursNotByAnyCredentialsPointsPerCredit() {
        CourseDraft college = Drafts.withCredit(Drafts.complete(), CourseFormat.COLLEGE_COURSE,
                Drafts.credit("3", CreditUnit.COLLEGE_CREDIT, 3000, new CategoryValue(Category.ADMINISTRATIVE, bd("3"))), null);
        // 3,000 minutes = 60 contact hours; 1,500 USD = 25.00 per contact hour (CMA's 45 points had made it 33.33, over)
        QualityReview review = reviewer.review(Drafts.withFee(college, new Fee(FeeModel.PER_COURSE, bd("1500.00"), "USD")));

        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).reason()).isEqualTo("25.00 USD per contact hour, at or under the 30.00 USD limit");
        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).met()).isTrue();
    }

    @Test
    void shouldJudgeTheFeeOfACprCardAndOfAContactHourCourseOfEqualMinutesAlike() {
        Fee fee = new Fee(FeeModel.PER_COURSE, bd("100.00"), "USD");
        CourseDraft card = Drafts.withCredit(Drafts.complete(), CourseFormat.CPR_CERTIFICATION,
                Drafts.credit("1", CreditUnit.CPR_CARD, 120, new CategoryValue(Category.CLINICAL, bd("1"))), null);
        CourseDraft hours = Drafts.withCredit(Drafts.complete(), CourseFormat.ONLINE_WORKSHOP,
                Drafts.credit("2", CreditUnit.CONTACT_HOUR, 120, new CategoryValue(Category.CLINICAL, bd("2"))), null);

        // 120 minutes for 100 USD either way (CMA's 4 points per card had judged the card reasonable at 25.00 per point)
        QualityFinding ofCard = finding(reviewer.review(Drafts.withFee(card, fee)), QualityCriterion.REASONABLE_FEE);
        assertThat(ofCard.reason()).isEqualTo("41.67 USD per contact hour, over the 30.00 USD limit");
        assertThat(ofCard).isEqualTo(finding(reviewer.review(Drafts.withFee(hours, fee)), QualityCriterion.REASONABLE_FEE));
    }

    @Test
    void shouldJudgeASubscriptionByItsPrice() {
        assertThat(finding(reviewer.review(Drafts.withFee(Drafts.complete(), new Fee(FeeModel.SUBSCRIPTION, bd("199.00"), "USD"))),
                QualityCriterion.REASONABLE_FEE).met()).isTrue();
        QualityFinding expensive = finding(reviewer.review(Drafts.withFee(Drafts.complete(), new Fee(FeeModel.SUBSCRIPTION, bd("499.00"), "USD"))),
                QualityCriterion.REASONABLE_FEE);
        assertThat(expensive.met()).isFalse();
        assertThat(expensive.reason()).isEqualTo("subscription of 499.00 USD, over the 250.00 USD limit");
    }

    @Test
    void shouldFlagAFreeCourseAndScoreItOnItsOtherFindings() {
        CourseDraft weakFree = Drafts.withFee(Drafts.withQualityInputs(Drafts.complete(), null, List.of(), null, List.of("video"), null),
                Fee.free("USD"));

        QualityReview review = reviewer.review(weakFree);

        assertThat(review.flags()).containsExactly(QualityReview.FREE_COURSE);
        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).met()).isTrue();
        assertThat(finding(review, QualityCriterion.REASONABLE_FEE).reason()).contains("hard to establish");
        assertThat(review.score()).isEqualTo(15 + 15);
    }

    private static QualityFinding finding(QualityReview review, QualityCriterion criterion) {
        return review.findings().stream().filter(f -> f.criterion() == criterion).findFirst().orElseThrow();
    }
}
