package org.recert.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.FeeModel;
import org.recert.contracts.Category;
import org.recert.contracts.CourseScope;
import org.recert.contracts.ApprovalBody;

/** Valid course drafts for the plain unit tests, and copies with one part changed. */
final class Drafts {

    static final UUID PROVIDER = UUID.fromString("11111111-1111-4111-8111-111111111111");

    private Drafts() {
    }

    /** 2 AAMA CEUs (1 CLINICAL, 1 GENERAL) at 30 USD, every quality input given. */
    static CourseDraft complete() {
        return new CourseDraft("Vital signs in the outpatient clinic", PROVIDER, "Blood pressure, pulse, respiration and temperature done right.",
                CourseFormat.ONLINE_WORKSHOP, CourseScope.GENERAL, null,
                credit("2", CreditUnit.AAMA_CEU, 120, new CategoryValue(Category.CLINICAL, bd("1")), new CategoryValue(Category.GENERAL, bd("1"))),
                new Approval(ApprovalBody.AAMA, "AAMA-1001", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)),
                new Fee(FeeModel.PER_COURSE, bd("30.00"), "USD"),
                "Full refund within 14 days of purchase if the post-test was not taken.",
                "Measurement errors in vital signs lead to wrong triage; this course closes the common gaps.",
                List.of("Measure blood pressure per AHA guidance", "Document vital signs in the EHR"),
                "Dana Reyes, CMA (AAMA), BSN",
                List.of("narrated slides", "case studies"));
    }

    static Credit credit(String amount, CreditUnit unit, int minutes, CategoryValue... split) {
        return new Credit(bd(amount), unit, List.of(split), minutes);
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    static CourseDraft withFee(CourseDraft d, Fee fee) {
        return new CourseDraft(d.title(), d.providerId(), d.description(), d.format(), d.scope(), d.specialty(), d.credit(), d.approval(), fee,
                d.refundPolicy(), d.rationale(), d.learningOutcomes(), d.instructorCredentials(), d.instructionalMethods());
    }

    static CourseDraft withCredit(CourseDraft d, CourseFormat format, Credit credit, Approval approval) {
        return new CourseDraft(d.title(), d.providerId(), d.description(), format, d.scope(), d.specialty(), credit, approval, d.fee(),
                d.refundPolicy(), d.rationale(), d.learningOutcomes(), d.instructorCredentials(), d.instructionalMethods());
    }

    static CourseDraft withScope(CourseDraft d, CourseScope scope, String specialty) {
        return new CourseDraft(d.title(), d.providerId(), d.description(), d.format(), scope, specialty, d.credit(), d.approval(), d.fee(),
                d.refundPolicy(), d.rationale(), d.learningOutcomes(), d.instructorCredentials(), d.instructionalMethods());
    }

    static CourseDraft withQualityInputs(CourseDraft d, String rationale, List<String> outcomes, String credentials, List<String> methods, String refund) {
        return new CourseDraft(d.title(), d.providerId(), d.description(), d.format(), d.scope(), d.specialty(), d.credit(), d.approval(), d.fee(),
                refund, rationale, outcomes, credentials, methods);
    }
}
