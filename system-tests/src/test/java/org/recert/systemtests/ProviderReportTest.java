package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/** A provider reports a batch of completions of its courses, and its learners' statuses follow. */
@Order(2)
@ExtendWith(SuiteExtension.class)
class ProviderReportTest {

    /** The demo AAMA e-Learning Center's 14 AAMA courses (30 CEUs, 13 of them CLINICAL), see catalog's demo data. */
    private static final List<String> PROVIDER_COURSES = courses(1, 14);
    /** A course of another provider (Midwest Society of Medical Assistants). */
    private static final String OTHER_PROVIDERS_COURSE = courses(15, 15).get(0);

    private final Api api;

    ProviderReportTest(Suite suite) {
        this.api = new Api(suite);
    }

    @Test
    void shouldRecordAProvidersReportedCompletionsOnceAndMoveItsLearnersStatuses() {
        LocalDate today = Api.today();
        String nadia = Api.newLearner("nadia");
        String omar = Api.newLearner("omar");
        api.certify(nadia, today.minusMonths(58));
        api.certify(omar, today.minusMonths(58));
        // Nadia already has the 30 non-AAMA points the CMA (AAMA) takes at most
        LocalDate earlier = today.minusMonths(8);
        api.recordCredit(nadia, Api.credit("COLLEGE_COURSE", "HIT 140: Health information", earlier, 1, "COLLEGE_CREDIT",
                "ADMINISTRATIVE", "NON_AAMA", 750));
        api.recordCredit(nadia, Api.credit("FORMAL_CLASS", "Patient communication", earlier, 15, "CONTACT_HOUR",
                "GENERAL", "NON_AAMA", 750));
        api.awaitStatus(nadia, s -> Api.earned(s, "TOTAL").intValue() == 30);

        LocalDate completed = today.minusMonths(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < PROVIDER_COURSES.size(); i++) {
            rows.add(row("n-" + i, PROVIDER_COURSES.get(i), nadia, completed));
        }
        rows.add(row("o-5", courses(5, 5).get(0), omar, completed));
        rows.add(row("o-6", courses(6, 6).get(0), omar, completed));
        rows.add(row("o-other", OTHER_PROVIDERS_COURSE, omar, completed));
        String provider = api.providerToken(Api.DEMO_PROVIDER);

        JsonPath report = api.as(provider).body(rows).post("/api/v1/credits/completion-reports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("received")).isEqualTo(17);
        assertThat(report.getInt("accepted")).isEqualTo(16);
        assertThat(report.getInt("rejected")).isEqualTo(1);
        assertThat(report.getString("rows.find { it.rowId == 'o-other' }.field")).isEqualTo("courseId");

        JsonPath again = api.as(provider).body(rows).post("/api/v1/credits/completion-reports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("accepted")).as("a report sent twice records nothing twice").isZero();
        assertThat(again.getInt("alreadyRecorded")).isEqualTo(16);

        JsonPath nadiaStatus = api.awaitStatus(nadia, s -> "COMPLIANT".equals(s.getString("status")));
        assertThat(Api.earned(nadiaStatus, "AAMA_APPROVED")).isEqualByComparingTo("30");
        assertThat(Api.earned(nadiaStatus, "TOTAL")).isEqualByComparingTo("60");
        assertThat(Api.evaluatedCredits(nadiaStatus)).hasSize(16);

        JsonPath omarStatus = api.awaitStatus(omar, s -> Api.evaluatedCredits(s).size() == 2);
        assertThat(Api.earned(omarStatus, "CLINICAL")).isEqualByComparingTo("5");
        assertThat(omarStatus.getString("status")).isEqualTo("AT_RISK");
        assertThat(api.creditsInLedger(nadia)).isEqualTo(16);
        assertThat(api.creditsInLedger(omar)).isEqualTo(2);
    }

    private static Map<String, Object> row(String rowId, String course, String learner, LocalDate completedOn) {
        return Map.of("rowId", rowId, "courseId", course, "learnerId", learner, "completedOn", completedOn.toString(),
                "certificateNumber", "SYS-" + rowId);
    }

    private static List<String> courses(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add(String.format("3c000000-0000-4000-8000-%012d", i));
        }
        return ids;
    }
}
