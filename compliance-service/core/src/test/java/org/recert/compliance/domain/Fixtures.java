package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.FeeModel;

/** Rule sets, credits and courses that the tests share. */
final class Fixtures {

    static final Map<String, Credential> CREDENTIALS = RuleSetLoader.loadAll();
    /** The version of each credential in force today. */
    static final Map<String, RuleSet> RULE_SETS = CREDENTIALS.values().stream()
            .collect(java.util.stream.Collectors.toMap(Credential::code, Credential::latest, (a, b) -> a, java.util.LinkedHashMap::new));
    static final RuleSet CMA = RULE_SETS.get("CMA_AAMA");
    static final RuleSet RMA = RULE_SETS.get("RMA_AMT");
    static final RuleSet CCMA = RULE_SETS.get("CCMA_NHA");

    /** Certified 2022-02-10: cycle 2022-02-10 to 2027-02-28, grace to 2027-05-29. */
    static final LocalDate CERTIFIED = LocalDate.parse("2022-02-10");
    static final LocalDate DUE = LocalDate.parse("2027-02-28");
    static final LocalDate GRACE_END = LocalDate.parse("2027-05-29");
    static final LocalDate MID_CYCLE = LocalDate.parse("2024-06-15");

    private Fixtures() {
    }

    static BigDecimal points(String value) {
        return new BigDecimal(value);
    }

    /** AAMA CEUs in one category, completed mid-cycle. */
    static CreditFact aama(String id, String ceus, Category category) {
        return aama(id, ceus, category, MID_CYCLE);
    }

    static CreditFact aama(String id, String ceus, Category category, LocalDate completedOn) {
        return new CreditFact(id, ActivityType.ONLINE_WORKSHOP, completedOn, points(ceus), CreditUnit.AAMA_CEU,
                List.of(new CategoryShare(category, points(ceus))), Approval.AAMA, null, false);
    }

    /** Non-AAMA contact hours in one category, each a full 50-minute hour. */
    static CreditFact contactHours(String id, String hours, Category category) {
        return contactHours(id, hours, category, MID_CYCLE);
    }

    static CreditFact contactHours(String id, String hours, Category category, LocalDate completedOn) {
        int minutes = points(hours).multiply(BigDecimal.valueOf(50)).intValue();
        return new CreditFact(id, ActivityType.SEMINAR, completedOn, points(hours), CreditUnit.CONTACT_HOUR,
                List.of(new CategoryShare(category, points(hours))), Approval.NON_AAMA, minutes, false);
    }

    static CreditFact cprCard(String id, LocalDate completedOn) {
        return new CreditFact(id, ActivityType.CPR_CERTIFICATION, completedOn, BigDecimal.ONE, CreditUnit.CPR_CARD,
                List.of(new CategoryShare(Category.CLINICAL, BigDecimal.ONE)), Approval.NON_AAMA, 240, false);
    }

    /** 10 AAMA CEUs in each category: 30 approved points, each minimum met, 30 points still missing. */
    static List<CreditFact> thirtyApprovedPointsAcrossCategories() {
        List<CreditFact> credits = new ArrayList<>();
        credits.add(aama("a-admin", "10", Category.ADMINISTRATIVE));
        credits.add(aama("a-clin", "10", Category.CLINICAL));
        credits.add(aama("a-gen", "10", Category.GENERAL));
        return credits;
    }

    static CourseOffer course(String id, String provider, String fee, FeeModel model, String ceus, Category category,
            Approval approval, int minutes) {
        return new CourseOffer(id, "Course " + id, provider, ActivityType.ONLINE_WORKSHOP, points(fee), model,
                points(ceus), approval == Approval.AAMA ? CreditUnit.AAMA_CEU : CreditUnit.CONTACT_HOUR,
                List.of(new CategoryShare(category, points(ceus))), approval, minutes, false, null);
    }

    static CourseOffer perCourse(String id, String fee, String ceus, Category category) {
        return course(id, "p-" + id, fee, fee.equals("0") ? FeeModel.FREE : FeeModel.PER_COURSE, ceus, category,
                Approval.AAMA, points(ceus).multiply(BigDecimal.valueOf(50)).intValue());
    }

    static Evaluation evaluate(RuleSet rules, List<CreditFact> credits, LocalDate asOf) {
        return Evaluator.evaluate(rules, CERTIFIED, credits, asOf);
    }
}
