package org.recert.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.recert.contracts.ApprovalBody;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.RequirementKind;
import org.recert.notifications.domain.Languages;
import org.recert.notifications.domain.Missing;
import org.recert.notifications.domain.Reminder;
import org.recert.notifications.messages.ReminderTexts;

/** Every kind of reminder worded from its codes and numbers by the message bundles, in English and in Spanish. */
@QuarkusTest
class ReminderWordingTest {

    private static final LocalDate DUE = LocalDate.of(2027, 2, 28);
    private static final LocalDate APPLY_BY = DUE.minusDays(10);
    private static final Missing TOTAL = missing("TOTAL", RequirementKind.TOTAL, null, null, null, "60", "52.5", "7.5");
    private static final Missing CLINICAL = missing("CLINICAL", RequirementKind.CATEGORY_MINIMUM, Category.CLINICAL, null, null, "10", "4", "6");
    private static final Missing APPROVED = missing("AAMA_APPROVED", RequirementKind.APPROVED_MINIMUM, null, ApprovalBody.AAMA, null,
            "30", "12", "18");
    private static final Missing CPR = missing("CPR_CARD", RequirementKind.UNIT_MINIMUM, null, null, CreditUnit.CPR_CARD, "1", "0", "1");
    private static final List<String> KINDS = List.of("DUE_30", "AT_RISK", "GRACE", "LAPSED", "COMPLIANT");

    @Inject
    ReminderTexts texts;

    @Test
    void shouldCountTheDaysAndNameEveryMissingRequirementWithItsNumbersInBothLanguages() {
        Reminder due = reminder("DUE_30", DUE.minusDays(40), List.of(TOTAL, CLINICAL, APPROVED, CPR));

        ReminderTexts.Wording english = texts.word(due, "en");
        assertThat(english.subject()).isEqualTo("CMA (AAMA): 30 days left to recertify");
        assertThat(english.body()).isEqualTo("You must act by 2027-02-18 to keep your CMA (AAMA). Still missing: "
                + "7.5 more points in all (52.5 of 60); 6 more clinical points (4 of 10); 18 more AAMA-approved points (12 of 30); "
                + "CPR cards: 1 more (0 of 1).");

        ReminderTexts.Wording spanish = texts.word(due, "es");
        assertThat(spanish.subject()).isEqualTo("CMA (AAMA): quedan 30 días para recertificarse");
        assertThat(spanish.missing()).containsExactly("7,5 puntos más en total (52,5 de 60)", "6 puntos clínicos más (4 de 10)",
                "18 puntos más aprobados por la AAMA (12 de 30)", "tarjetas de RCP: 1 más (0 de 1)");
        assertThat(spanish.body()).isEqualTo("Debe actuar a más tardar el 2027-02-18 para conservar su CMA (AAMA). Aún falta: "
                + String.join("; ", spanish.missing()) + ".");
    }

    @Test
    void shouldWordEachStatusChangeInBothLanguages() {
        List<Missing> missing = List.of(CLINICAL);
        assertThat(texts.word(reminder("AT_RISK", DUE.minusDays(100), missing), "es").body())
                .isEqualTo("Su CMA (AAMA) vence el 2027-02-28 y aún no cumple los requisitos. Aún falta: 6 puntos clínicos más (4 de 10).");
        assertThat(texts.word(reminder("AT_RISK", DUE.minusDays(100), missing), "en").subject())
                .isEqualTo("CMA (AAMA): your certification is at risk");
        assertThat(texts.word(reminder("AT_RISK", DUE.minusDays(100), missing), "es").subject())
                .isEqualTo("CMA (AAMA): su certificación está en riesgo");

        ReminderTexts.Wording grace = texts.word(reminder("GRACE", DUE.plusDays(1), missing), "es");
        assertThat(grace.subject()).isEqualTo("CMA (AAMA) está vencida: último día 2027-05-29");
        assertThat(grace.body()).startsWith("Su CMA (AAMA) venció el 2027-02-28. Todavía puede recertificarse por educación continua "
                + "hasta el 2027-05-29, su último día.");
        assertThat(texts.word(reminder("GRACE", DUE.plusDays(1), missing), "en").subject())
                .isEqualTo("CMA (AAMA) is past due: last day 2027-05-29");

        ReminderTexts.Wording lapsed = texts.word(reminder("LAPSED", DUE.plusDays(91), missing), "es");
        assertThat(lapsed.subject()).isEqualTo("CMA (AAMA) ha caducado");
        assertThat(lapsed.body()).contains("2027-05-29").contains("presentar de nuevo el examen");
        assertThat(lapsed.missing()).as("the way back is the exam, not the credit").isEmpty();
        assertThat(texts.word(reminder("LAPSED", DUE.plusDays(91), missing), "en").body()).contains("retake the exam");

        ReminderTexts.Wording compliant = texts.word(reminder("COMPLIANT", DUE.minusDays(60), List.of()), "es");
        assertThat(compliant.subject()).isEqualTo("CMA (AAMA): felicidades, cumple los requisitos");
        assertThat(compliant.body()).isEqualTo("Cumple todos los requisitos de su CMA (AAMA). Solicite la recertificación a más tardar el 2027-02-18.");
        assertThat(texts.word(reminder("COMPLIANT", DUE.minusDays(60), List.of()), "en").body())
                .isEqualTo("You meet every requirement of your CMA (AAMA). Apply for recertification by 2027-02-18.");
    }

    @Test
    void shouldWordEveryKindAndCategoryInEverySupportedLanguageDifferently() {
        List<Missing> categories = List.of(
                missing("ADMINISTRATIVE", RequirementKind.CATEGORY_MINIMUM, Category.ADMINISTRATIVE, null, null, "10", "8", "2"),
                missing("GENERAL", RequirementKind.CATEGORY_MINIMUM, Category.GENERAL, null, null, "10", "0", "10"));
        assertThat(texts.word(reminder("DUE_7", DUE.minusDays(17), categories), "es").missing())
                .containsExactly("2 puntos administrativos más (8 de 10)", "10 puntos generales más (0 de 10)");
        assertThat(texts.word(reminder("DUE_7", DUE.minusDays(17), categories), "en").missing())
                .containsExactly("2 more administrative points (8 of 10)", "10 more general points (0 of 10)");
        for (String kind : KINDS) {
            Reminder reminder = reminder(kind, DUE.minusDays(40), List.of(TOTAL));
            assertThat(texts.word(reminder, "es").subject()).as(kind).isNotEqualTo(texts.word(reminder, "en").subject());
            for (String language : Languages.SUPPORTED) {
                assertThat(texts.word(reminder, language).subject()).as(kind + " in " + language).startsWith("CMA (AAMA)");
            }
        }
    }

    @Test
    void shouldNameARequirementItDoesNotKnowByItsCodeWithTheNumbers() {
        Missing unknown = missing("HOURS_OF_ETHICS", null, null, null, null, "3", "1", "2");

        assertThat(texts.word(reminder("DUE_30", DUE.minusDays(40), List.of(unknown)), "en").missing())
                .containsExactly("HOURS_OF_ETHICS: 2 more (1 of 3)");
        assertThat(texts.word(reminder("DUE_30", DUE.minusDays(40), List.of(unknown)), "es").missing())
                .containsExactly("HOURS_OF_ETHICS: 2 más (1 de 3)");
    }

    @Test
    void shouldWordTheCalendarEventsInBothLanguages() {
        assertThat(texts.calendarSummary("due", "CMA_AAMA", "es")).isEqualTo("CMA_AAMA: vence la certificación");
        assertThat(texts.calendarSummary("apply-by", "CMA_AAMA", "es")).isEqualTo("CMA_AAMA: último día para solicitar la recertificación");
        assertThat(texts.calendarSummary("grace-end", "CMA_AAMA", "es"))
                .isEqualTo("CMA_AAMA: último día para recertificarse por educación continua");
        assertThat(texts.calendarSummary("due", "CMA_AAMA", "en")).isEqualTo("CMA_AAMA: certification due");
    }

    private static Reminder reminder(String kind, LocalDate decidedOn, List<Missing> missing) {
        return new Reminder(kind, "CMA_AAMA", "CMA (AAMA)", APPLY_BY, DUE, DUE.plusDays(90), decidedOn, missing);
    }

    private static Missing missing(String code, RequirementKind kind, Category category, ApprovalBody body, CreditUnit unit,
            String required, String earned, String shortfall) {
        return new Missing(code, kind, category, body, unit, new BigDecimal(required), new BigDecimal(earned), new BigDecimal(shortfall));
    }
}
