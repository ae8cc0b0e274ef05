package org.recert.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recert.web.api.Answer;

/** What a unit is worth comes from compliance's rule sets as published, never from the web app's own words. */
class UnitWorthTest {

    /** A credential as {@code GET /compliance/credentials} lists it, with figures no real rule set has. */
    private static final Map<String, Object> CREDENTIAL = Map.of("code", "TEST_CRED", "name", "Test (Board)", "pointName", "points",
            "units", Map.of(
                    "CPR_CARD", Map.of("pointsPerUnit", 5, "fixedCategory", "CLINICAL", "forcedApproval", "AAMA", "maxUnitsPerCycle", 2),
                    "COLLEGE_CREDIT", Map.of("pointsPerUnit", 12.5, "forcedApproval", "NON_AAMA"),
                    "CONTACT_HOUR", Map.of("pointsPerUnit", 1.0)));
    private static final Map<String, Object> OTHER = Map.of("code", "OTHER", "name", "Other (Body)", "pointName", "CE credits",
            "approvingBody", "AAMA", "units", Map.of("CONTACT_HOUR", Map.of("pointsPerUnit", 2),
                    "COLLEGE_CREDIT", Map.of("pointsPerUnit", 10, "forcedApproval", "NON_AAMA")));

    @Test
    void shouldShowTheFiguresTheRuleSetPublishes() {
        List<UnitWorth> units = UnitWorth.of(new Answer(200, Map.of("items", List.of(CREDENTIAL, OTHER)), null, null));

        assertThat(worth(units, "CPR_CARD")).containsExactly(
                "Test (Board): 5 points each, all Clinical, counted as AAMA-approved, at most 2 per cycle.",
                "Other (Body): does not count.");
        assertThat(worth(units, "COLLEGE_CREDIT")).containsExactly("Test (Board): 12.5 points each, never counted as approved.",
                "Other (Body): 10 CE credits each, never counted as AAMA-approved.");
        assertThat(worth(units, "CONTACT_HOUR")).containsExactly("Test (Board): 1 point each.", "Other (Body): 2 CE credits each.");
    }

    @Test
    void shouldOfferEveryUnitWithoutFiguresWhenComplianceDoesNotAnswer() {
        List<UnitWorth> units = UnitWorth.of(new Answer(0, null, null, "Recert cannot be reached just now; try again in a moment."));

        assertThat(units).extracting(UnitWorth::code)
                .containsExactly("AAMA_CEU", "CONTACT_HOUR", "IACET_CEU", "CME_CREDIT", "COLLEGE_CREDIT", "CPR_CARD");
        assertThat(units).allSatisfy(unit -> assertThat(unit.worth()).isEmpty());
    }

    @Test
    void shouldExplainEachUnitWithoutAnyRuleSetsFigures() {
        // what a unit is (a contact hour lasts 50 minutes, AMA PRA Category 1 is a CME) is the web's to say; points,
        // caps and counts are not
        assertThat(CreditUnits.ALL).allSatisfy(unit -> assertThat(unit.explanation().replace("50-minute", "").replace("Category 1", ""))
                .doesNotContainPattern("\\d").doesNotContainIgnoringCase("point"));
    }

    private static List<String> worth(List<UnitWorth> units, String code) {
        return units.stream().filter(unit -> unit.code().equals(code)).findFirst().orElseThrow().worth();
    }
}
