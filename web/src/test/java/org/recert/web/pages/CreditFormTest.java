package org.recert.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recert.web.pages.LearnerPages.CreditForm;

/** A correction sends what changed and nothing else: the API keeps every other field of the current version. */
class CreditFormTest {

    private static final Map<String, Object> CURRENT = Map.of("activityType", "ONLINE_WORKSHOP", "title", "Infection control",
            "providerName", "AAMA e-Learning Center", "completedOn", "2026-11-14",
            "amount", Map.of("value", 2.0, "unit", "AAMA_CEU"),
            "categories", List.of(Map.of("category", "CLINICAL", "value", 2)), "approval", "AAMA", "contactMinutes", 100);

    @Test
    void shouldSendNothingButWhatChanged() {
        CreditForm current = CreditForm.of(CURRENT);
        CreditForm typed = new CreditForm("ONLINE_WORKSHOP", "Infection control", "AAMA e-Learning Center", "2026-11-14", "2",
                "AAMA_CEU", "CLINICAL", "AAMA", "120");

        assertThat(typed.changesFrom(current)).containsOnlyKeys("contactMinutes");
        assertThat(current.amount()).as("2.0 reads as 2").isEqualTo("2");
    }

    @Test
    void shouldSendTheAmountWithItsCategoryTheSplitMustAddUp() {
        CreditForm typed = new CreditForm("ONLINE_WORKSHOP", "Infection control", "AAMA e-Learning Center", "2026-11-14", "3",
                "AAMA_CEU", "CLINICAL", "AAMA", "100");

        Map<String, Object> changes = typed.changesFrom(CreditForm.of(CURRENT));

        assertThat(changes).containsOnlyKeys("amount", "categories");
        assertThat(changes.get("categories")).isEqualTo(List.of(Map.of("category", "CLINICAL", "value", new BigDecimal("3"))));
    }
}
