package org.recert.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;

class RuleSetLoaderTest {

    private static final String MINIMAL = """
            {"code": "TEST_RULES", "name": "Test", "issuer": "Tests", "version": "1",
             "cycleMonths": 12, "cycleEndsAtMonthEnd": false, "totalPoints": 5, "graceDays": 0, "atRiskDays": 30,
             "units": {"CONTACT_HOUR": {"pointsPerUnit": 1, "description": "One hour."}} %s}
            """;

    @Test
    void shouldLoadEveryRuleFileListedInTheIndex() {
        assertThat(RuleSetLoader.loadAll()).containsOnlyKeys("CMA_AAMA", "RMA_AMT", "CCMA_NHA", "CMAC_AMCA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CMA_AAMA", "RMA_AMT", "CCMA_NHA", "CMAC_AMCA"})
    void shouldLoadEachRuleFileOnItsOwn(String code) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rulesets/" + code + ".json")) {
            RuleSet rules = RuleSetLoader.loadCredential(in).latest();

            assertThat(rules.code()).isEqualTo(code);
            assertThat(rules.notes()).isNotEmpty();
            assertThat(rules.units()).containsKey(CreditUnit.CONTACT_HOUR);
            assertThat(rules.graceDays()).isEqualTo(90);
        }
    }

    @Test
    void shouldReadTheCmaNumbers() {
        RuleSet cma = Fixtures.CMA;

        assertThat(cma.totalPoints()).isEqualByComparingTo("60");
        assertThat(cma.cycleMonths()).isEqualTo(60);
        assertThat(cma.cycleEndsAtMonthEnd()).isTrue();
        assertThat(cma.categoryMinimums()).containsEntry(Category.ADMINISTRATIVE, new BigDecimal("10"))
                .containsEntry(Category.CLINICAL, new BigDecimal("10")).containsEntry(Category.GENERAL, new BigDecimal("10"));
        assertThat(cma.approvedMinimum()).isEqualByComparingTo("30");
        assertThat(cma.approvingBody()).isEqualTo(Approval.AAMA);
        assertThat(cma.nonApprovedCap()).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("30"));
        assertThat(cma.minimumContactMinutes()).isEqualTo(50);
        assertThat(cma.atRiskDays()).isEqualTo(180);
    }

    @Test
    void shouldReadTheCmaUnitConversions() {
        RuleSet cma = Fixtures.CMA;

        assertThat(cma.units().get(CreditUnit.AAMA_CEU).pointsPerUnit()).isEqualByComparingTo("1");
        assertThat(cma.units().get(CreditUnit.CONTACT_HOUR).pointsPerUnit()).isEqualByComparingTo("1");
        assertThat(cma.units().get(CreditUnit.CME_CREDIT).pointsPerUnit()).isEqualByComparingTo("1");
        assertThat(cma.units().get(CreditUnit.IACET_CEU).pointsPerUnit()).isEqualByComparingTo("10");
        UnitRule college = cma.units().get(CreditUnit.COLLEGE_CREDIT);
        assertThat(college.pointsPerUnit()).isEqualByComparingTo("15");
        assertThat(college.forcedApproval()).isEqualTo(Approval.NON_AAMA);
        UnitRule cpr = cma.units().get(CreditUnit.CPR_CARD);
        assertThat(cpr.pointsPerUnit()).isEqualByComparingTo("4");
        assertThat(cpr.fixedCategory()).isEqualTo(Category.CLINICAL);
        assertThat(cpr.maxUnitsPerCycle()).isEqualTo(3);
    }

    @Test
    void shouldTellLearnersThatCeuAndCmeAreDifferentThings() {
        assertThat(Fixtures.CMA.units().get(CreditUnit.CME_CREDIT).description()).contains("CEU and CME are different things");
    }

    @Test
    void shouldGiveTheReasonEmploymentDoesNotCountForTheCma() {
        assertThat(Fixtures.CMA.excludedActivities())
                .containsKeys(ActivityType.CONTINUED_EMPLOYMENT, ActivityType.ON_THE_JOB_TRAINING);
        assertThat(Fixtures.CMA.excludedActivities().get(ActivityType.CONTINUED_EMPLOYMENT).reason()).contains("Employment");
    }

    @Test
    void shouldReadTheOtherCredentialsTotals() {
        assertThat(Fixtures.RMA.totalPoints()).isEqualByComparingTo("30");
        assertThat(Fixtures.RMA.cycleMonths()).isEqualTo(36);
        assertThat(Fixtures.RMA.categoryMinimums()).isEmpty();
        assertThat(Fixtures.CCMA.totalPoints()).isEqualByComparingTo("10");
        assertThat(Fixtures.CCMA.cycleMonths()).isEqualTo(24);
        assertThat(Fixtures.RULE_SETS.get("CMAC_AMCA").totalPoints()).isEqualByComparingTo("10");
        assertThat(Fixtures.RULE_SETS.get("CMAC_AMCA").cycleMonths()).isEqualTo(24);
    }

    @Test
    void shouldLoadANewCredentialFromDataAlone() {
        RuleSet rules = load(MINIMAL.formatted(""));

        assertThat(rules.code()).isEqualTo("TEST_RULES");
        assertThat(rules.pointName()).isEqualTo("points");
        assertThat(rules.approvedMinimum()).isNull();
    }

    @Test
    void shouldRejectAnUnknownField() {
        assertThatThrownBy(() -> load(MINIMAL.formatted(", \"totalPoint\": 3"))).isInstanceOf(InvalidRuleSetException.class);
    }

    @Test
    void shouldRejectAMissingGracePeriod() {
        String withoutGrace = MINIMAL.formatted("").replace("\"graceDays\": 0,", "");

        assertThatThrownBy(() -> load(withoutGrace)).isInstanceOf(InvalidRuleSetException.class).hasMessageContaining("graceDays");
    }

    @Test
    void shouldRejectALimitedUnitThatIsNotTiedToOneCategory() {
        String json = MINIMAL.formatted("").replace("\"description\": \"One hour.\"",
                "\"description\": \"One hour.\", \"maxUnitsPerCycle\": 2");

        assertThatThrownBy(() -> load(json)).isInstanceOf(InvalidRuleSetException.class).hasMessageContaining("maxUnitsPerCycle");
    }

    @Test
    void shouldRejectAnApprovedMinimumWithoutApprovingBody() {
        assertThatThrownBy(() -> load(MINIMAL.formatted(", \"approvedMinimum\": 2")))
                .isInstanceOf(InvalidRuleSetException.class).hasMessageContaining("approvingBody");
    }

    private static RuleSet load(String json) {
        return RuleSetLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
