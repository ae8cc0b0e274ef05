package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/** A medical assistant's way from AT_RISK to COMPLIANT, through the gateway only. */
@Order(1)
@ExtendWith(SuiteExtension.class)
class LearnerJourneyTest {

    private final Api api;

    LearnerJourneyTest(Suite suite) {
        this.api = new Api(suite);
    }

    @Test
    void shouldShowALearnerCertified58MonthsAgoWhatCountsThenPlanTheRestAndReachCompliant() {
        String learner = Api.newLearner("lena");
        LocalDate today = Api.today();
        api.certify(learner, today.minusMonths(58));
        assertThat(api.status(learner).getString("status")).isEqualTo("AT_RISK");

        LocalDate completed = today.minusMonths(6);
        String aama = api.recordCredit(learner, Api.credit("ONLINE_WORKSHOP", "Infection control update", completed, 2,
                "AAMA_CEU", "CLINICAL", "AAMA", 120));
        String seminar = api.recordCredit(learner, Api.credit("SEMINAR", "Hospital grand rounds: sepsis", completed, 3,
                "CONTACT_HOUR", "GENERAL", "NON_AAMA", 180));
        String cpr = api.recordCredit(learner, Api.credit("CPR_CERTIFICATION", "BLS Provider card", completed, 1,
                "CPR_CARD", "CLINICAL", "NON_AAMA", 240));
        String college = api.recordCredit(learner, Api.credit("COLLEGE_COURSE", "HIT 101: Health records", completed, 1,
                "COLLEGE_CREDIT", "ADMINISTRATIVE", "NON_AAMA", 750));
        String employment = api.recordCredit(learner, Api.credit("CONTINUED_EMPLOYMENT", "A year at Care Clinic", completed, 10,
                "CONTACT_HOUR", "GENERAL", "NON_AAMA", 600));

        JsonPath status = api.awaitStatus(learner, s -> Api.evaluatedCredits(s).size() == 5);
        assertThat(points(status, aama)).isEqualByComparingTo("2");
        assertThat(category(status, aama)).isEqualTo("CLINICAL");
        assertThat(points(status, seminar)).as("a contact hour is a point").isEqualByComparingTo("3");
        assertThat(points(status, cpr)).as("a 2-year CPR card is 4 CLINICAL points").isEqualByComparingTo("4");
        assertThat(category(status, cpr)).isEqualTo("CLINICAL");
        assertThat(points(status, college)).as("a college credit is 15 points").isEqualByComparingTo("15");
        assertThat(status.getString("excluded.find { it.creditId == '" + employment + "' }.code")).isEqualTo("ACTIVITY_NOT_ACCEPTED");
        assertThat(status.getString("excluded.find { it.creditId == '" + employment + "' }.reason")).containsIgnoringCase("employment");
        assertThat(Api.earned(status, "TOTAL")).as("every event applied twice, each credit counted once").isEqualByComparingTo("24");
        // Rule changed (issue 15): the AAMA counts a CPR card as 4 CLINICAL AAMA points, so 2 AAMA CEUs + 1 card = 6.
        assertThat(Api.earned(status, "AAMA_APPROVED")).isEqualByComparingTo("6");
        assertThat(status.getString("ruleSetVersion")).isEqualTo("2020-01-01");
        assertThat(status.getString("applyBy")).as("non-AAMA credit: up to 30 days of processing before the due date")
                .isEqualTo(LocalDate.parse(status.getString("dueDate")).minusDays(30).toString());
        assertThat(status.getString("status")).isEqualTo("AT_RISK");

        JsonPath plan = api.plan(learner);
        assertThat(plan.getBoolean("feasible")).isTrue();
        assertThat(plan.getString("projected.status")).isEqualTo("COMPLIANT");
        List<String> courses = plan.getList("courses.courseId", String.class);
        assertThat(courses).isNotEmpty();

        for (String course : courses) {
            api.recordCredit(learner, Map.of("courseId", course, "completedOn", today.toString()));
        }
        JsonPath compliant = api.awaitStatus(learner, s -> "COMPLIANT".equals(s.getString("status")));
        assertThat(Api.evaluatedCredits(compliant)).hasSize(5 + courses.size());
        for (String requirement : List.of("TOTAL", "ADMINISTRATIVE", "CLINICAL", "GENERAL", "AAMA_APPROVED")) {
            assertThat(Api.earned(compliant, requirement)).as("earned %s, as the plan projected", requirement)
                    .isEqualByComparingTo(Api.earned(plan.setRootPath("projected"), requirement));
        }
        assertThat(api.plan(learner).getList("courses")).as("nothing left to take").isEmpty();
        String summary = api.summaryPage(learner);
        assertThat(summary).startsWith("<!DOCTYPE html>").contains("Apply by").contains("Hospital grand rounds: sepsis");
    }

    private static BigDecimal points(JsonPath status, String creditId) {
        return status.getList("counted.findAll { it.creditId == '" + creditId + "' }.points", Object.class).stream()
                .map(points -> new BigDecimal(points.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String category(JsonPath status, String creditId) {
        return status.getString("counted.find { it.creditId == '" + creditId + "' }.category");
    }
}
