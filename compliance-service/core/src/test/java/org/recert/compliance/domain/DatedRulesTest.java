package org.recert.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recert.compliance.domain.Fixtures.aama;
import static org.recert.compliance.domain.Fixtures.contactHours;
import static org.recert.compliance.domain.Fixtures.cprCard;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.ComplianceStatus;

/** Rules as dated, sourced policy: each dated change of issue 15, the CPR case, credit after the due date, the day to apply by. */
class DatedRulesTest {

    private static final Credential CMA = Fixtures.CREDENTIALS.get("CMA_AAMA");
    private static final Credential RMA = Fixtures.CREDENTIALS.get("RMA_AMT");

    private static Evaluation evaluate(Credential credential, String certifiedOn, List<CreditFact> credits, String asOf) {
        LocalDate certified = LocalDate.parse(certifiedOn);
        return Evaluator.evaluate(credential.versionFor(certified), certified, credits, LocalDate.parse(asOf));
    }

    private static List<CreditFact> sixtyAamaPoints(LocalDate on) {
        return new ArrayList<>(List.of(aama("admin", "20", Category.ADMINISTRATIVE, on), aama("clin", "20", Category.CLINICAL, on),
                aama("gen", "20", Category.GENERAL, on)));
    }

    private static CreditFact employment(String id, String completedOn) {
        return new CreditFact(id, ActivityType.CONTINUED_EMPLOYMENT, LocalDate.parse(completedOn), new BigDecimal("10"),
                CreditUnit.CONTACT_HOUR, List.of(CategoryShare.of(Category.GENERAL, "10")), Approval.NON_AAMA, null, false);
    }

    @Nested
    class CprRequirementEndedOn20130601 {

        @Test
        void shouldAskACprCardOfACycleDueBeforeJune2013() {
            // certified 2008-03-10: due 2013-03-31, under the version of 2005-01-01
            List<CreditFact> credits = sixtyAamaPoints(LocalDate.parse("2010-06-01"));

            Evaluation without = evaluate(CMA, "2008-03-10", credits, "2012-01-10");
            credits.add(cprCard("cpr", LocalDate.parse("2011-05-01")));
            Evaluation with = evaluate(CMA, "2008-03-10", credits, "2012-01-10");

            assertThat(without.ruleSetVersion()).isEqualTo("2005-01-01");
            assertThat(without.requirement(RequirementCode.CPR_CARD)).hasValueSatisfying(r -> assertThat(r.shortfall()).isEqualByComparingTo("1"));
            assertThat(without.status()).isNotEqualTo(ComplianceStatus.COMPLIANT);
            assertThat(with.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        }

        @Test
        void shouldNotAskACprCardOfACycleDueAfterJune2013() {
            // certified 2008-07-10: due 2013-07-31, under the version of 2013-06-01
            Evaluation evaluation = evaluate(CMA, "2008-07-10", sixtyAamaPoints(LocalDate.parse("2010-06-01")), "2012-01-10");

            assertThat(evaluation.ruleSetVersion()).isEqualTo("2013-06-01");
            assertThat(evaluation.requirement(RequirementCode.CPR_CARD)).isEmpty();
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        }

        @Test
        void shouldChooseTheVersionByTheDueDateNotTheCertificationDate() {
            assertThat(CMA.versionFor(LocalDate.parse("2008-05-31")).version()).isEqualTo("2005-01-01");
            assertThat(CMA.versionFor(LocalDate.parse("2008-06-01")).version()).isEqualTo("2013-06-01");
            assertThat(CMA.versionFor(LocalDate.parse("2014-12-31")).version()).isEqualTo("2013-06-01");
            assertThat(CMA.versionFor(LocalDate.parse("2015-01-01")).version()).isEqualTo("2020-01-01");
            assertThat(CMA.versionFor(LocalDate.parse("2001-01-01")).version()).as("before every version: the first").isEqualTo("2005-01-01");
        }
    }

    @Nested
    class LateWindowOf90DaysBeganOn20200101 {

        @Test
        void shouldGiveACycleDueIn2019UntilMarch302020AsTheAamaAnnounced() {
            // due 2019-11-30: "will have 90 days after Jan. 1, 2020 (March 30, 2020) to recertify by CE"
            Evaluation lastDay = evaluate(CMA, "2014-11-05", List.of(), "2020-03-30");
            Evaluation dayAfter = evaluate(CMA, "2014-11-05", List.of(), "2020-03-31");

            assertThat(lastDay.dueDate()).isEqualTo("2019-11-30");
            assertThat(lastDay.graceEnd()).isEqualTo("2020-03-30");
            assertThat(lastDay.status()).isEqualTo(ComplianceStatus.GRACE);
            assertThat(dayAfter.status()).isEqualTo(ComplianceStatus.LAPSED);
        }

        @Test
        void shouldStillLetACycleDueMidway2019RecertifyByContinuingEducationHalfAYearLate() {
            Evaluation evaluation = evaluate(CMA, "2014-06-20", List.of(), "2019-12-15");

            assertThat(evaluation.dueDate()).isEqualTo("2019-06-30");
            assertThat(evaluation.status()).as("168 days past due, under the rules before 2020").isEqualTo(ComplianceStatus.GRACE);
        }

        @Test
        void shouldGiveACycleDueInFebruary2020NinetyDays() {
            // due 2020-02-29: "this individual will have 90 days from 2/29/2020 (end of May)"
            Evaluation evaluation = evaluate(CMA, "2015-02-10", List.of(), "2020-05-29");

            assertThat(evaluation.ruleSetVersion()).isEqualTo("2020-01-01");
            assertThat(evaluation.graceEnd()).isEqualTo("2020-05-29");
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.GRACE);
            assertThat(evaluate(CMA, "2015-02-10", List.of(), "2020-05-30").status()).isEqualTo(ComplianceStatus.LAPSED);
        }
    }

    @Nested
    class AmtCountedEmploymentThrough20201231 {

        @Test
        void shouldCountEmploymentOfACycleDueBefore2021() {
            Evaluation evaluation = evaluate(RMA, "2017-06-01", List.of(employment("job", "2019-05-01")), "2019-06-01");

            assertThat(evaluation.ruleSetVersion()).isEqualTo("2006-01-01");
            assertThat(evaluation.counted()).extracting(CountedCredit::creditId).containsExactly("job");
        }

        @Test
        void shouldCountEmploymentThrough20201231AndNotAfterInACycleThatSpansTheChange() {
            Evaluation evaluation = evaluate(RMA, "2019-03-01",
                    List.of(employment("job-2020", "2020-12-31"), employment("job-2021", "2021-01-01")), "2021-06-01");

            assertThat(evaluation.ruleSetVersion()).isEqualTo("2021-01-01");
            assertThat(evaluation.counted()).extracting(CountedCredit::creditId).containsExactly("job-2020");
            assertThat(evaluation.excluded()).singleElement().satisfies(e -> {
                assertThat(e.creditId()).isEqualTo("job-2021");
                assertThat(e.code()).isEqualTo(ExclusionCode.ACTIVITY_NOT_ACCEPTED);
                assertThat(e.reason()).contains("through 2020-12-31");
            });
        }
    }

    @Nested
    class CprCardsAreAamaPoints {

        @Test
        void shouldBeCompliantWith28AamaCeusThreeCprCardsAnd20NonAamaContactHours() {
            List<CreditFact> credits = List.of(aama("a-admin", "10", Category.ADMINISTRATIVE), aama("a-clin", "10", Category.CLINICAL),
                    aama("a-gen", "8", Category.GENERAL), cprCard("cpr-1", LocalDate.parse("2022-06-01")),
                    cprCard("cpr-2", LocalDate.parse("2023-06-01")), cprCard("cpr-3", LocalDate.parse("2024-06-01")),
                    contactHours("n-gen", "20", Category.GENERAL));

            Evaluation evaluation = evaluate(CMA, "2022-02-10", credits, "2025-01-10");

            assertThat(evaluation.requirement(RequirementCode.TOTAL).orElseThrow().earned()).isEqualByComparingTo("60");
            assertThat(evaluation.requirement(RequirementCode.AAMA_APPROVED).orElseThrow().earned()).isEqualByComparingTo("40");
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        }
    }

    @Nested
    class DaysToApplyBy {

        private static final LocalDate DUE = LocalDate.parse("2027-02-28");

        @Test
        void shouldLetAllAamaCreditApplyOnTheDueDate() {
            Evaluation evaluation = evaluate(CMA, "2022-02-10", List.of(aama("a", "10", Category.GENERAL)), "2025-01-10");

            assertThat(evaluation.applyBy()).isEqualTo(DUE);
        }

        @Test
        void shouldAskForTheSlowestProcessingWhenNonAamaCreditCountsAndCountAtRiskFromThere() {
            List<CreditFact> credits = List.of(contactHours("n", "10", Category.GENERAL));

            Evaluation onTrack = evaluate(CMA, "2022-02-10", credits, DUE.minusDays(211).toString());
            Evaluation atRisk = evaluate(CMA, "2022-02-10", credits, DUE.minusDays(210).toString());

            assertThat(onTrack.applyBy()).isEqualTo(DUE.minusDays(30));
            assertThat(onTrack.status()).isEqualTo(ComplianceStatus.ON_TRACK);
            assertThat(onTrack.nextStatusChangeOn()).isEqualTo(DUE.minusDays(210));
            assertThat(atRisk.status()).isEqualTo(ComplianceStatus.AT_RISK);
            assertThat(StatusReasons.of(CMA.latest(), atRisk, 180)).contains("Apply by " + DUE.minusDays(30)
                    + ": with credit not approved by AAMA, processing can take up to 30 days before the due date " + DUE + ".");
        }

        @Test
        void shouldTellALearnerInGraceThatOnlyCreditByTheDueDateIsSureAndWhomToAsk() {
            Evaluation evaluation = evaluate(CMA, "2022-02-10", List.of(), DUE.plusDays(10).toString());

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.GRACE);
            assertThat(StatusReasons.of(CMA.latest(), evaluation, 180)).anySatisfy(reason -> assertThat(reason)
                    .startsWith("Only credit earned by the due date 2027-02-28 is sure to be accepted")
                    .contains("Ask the AAMA Continuing Education Department"));
        }
    }

    @Nested
    class Sources {

        @Test
        void shouldCiteASourceAndConfidenceForEveryRuleOfEveryShippedVersion() {
            for (Credential credential : Fixtures.CREDENTIALS.values()) {
                for (RuleSet version : credential.versions()) {
                    assertThat(version.citations().keySet()).as(credential.code() + " " + version.version())
                            .containsExactlyInAnyOrderElementsOf(version.ruleKeys());
                    assertThat(version.effectiveFrom()).as(credential.code() + " " + version.version()).isNotNull();
                }
            }
            assertThat(CMA.latest().citations().get("units.CPR_CARD").confidence()).isEqualTo(Confidence.PUBLISHED);
            assertThat(CMA.latest().citations().get("creditsAfterDueDate").confidence()).isEqualTo(Confidence.INTERPRETATION);
        }

        @Test
        void shouldRefuseARuleWithoutASource() {
            String json = """
                    {"code": "TEST_RULES", "name": "Test", "issuer": "Tests", "sources": {"page": {"title": "A page", "url": "https://example.org/a"}},
                     "versions": [{"version": "1", "effectiveFrom": "2020-01-01", "cycleMonths": 12, "cycleEndsAtMonthEnd": false,
                       "totalPoints": 5, "graceDays": 0, "atRiskDays": 30, "units": {"CONTACT_HOUR": {"pointsPerUnit": 1, "description": "h"}},
                       "citations": {"cycle": {"source": "page", "confidence": "published"}}}]}
                    """;
            Credential credential = RuleSetLoader.loadCredential(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

            assertThatThrownBy(credential::requireEveryRuleCited).isInstanceOf(InvalidRuleSetException.class)
                    .hasMessageContaining("rule totalPoints has no source");
        }

        @Test
        void shouldRefuseToCallARulePublishedWhenItsPageHasNoKnownAddress() {
            String json = """
                    {"code": "TEST_RULES", "name": "Test", "issuer": "Tests", "sources": {"page": {"title": "A page", "url": null}},
                     "versions": [{"version": "1", "effectiveFrom": "2020-01-01", "cycleMonths": 12, "cycleEndsAtMonthEnd": false,
                       "totalPoints": 5, "graceDays": 0, "atRiskDays": 30, "units": {"CONTACT_HOUR": {"pointsPerUnit": 1, "description": "h"}},
                       "citations": {"cycle": {"source": "page", "confidence": "published"}}}]}
                    """;

            assertThatThrownBy(() -> RuleSetLoader.loadCredential(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(InvalidRuleSetException.class).hasMessageContaining("can only be an interpretation");
        }
    }
}
