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

        ReminderTexts.Wording english = word(due, "en");
        assertThat(english.subject()).isEqualTo("CMA (AAMA): 30 days left to recertify");
        assertThat(english.body()).isEqualTo("You must act by 2027-02-18 to keep your CMA (AAMA). Still missing: "
                + "7.5 more points in all (52.5 of 60); 6 more clinical points (4 of 10); 18 more AAMA-approved points (12 of 30); "
                + "CPR cards: 1 more (0 of 1).");

        ReminderTexts.Wording spanish = word(due, "es");
        assertThat(spanish.subject()).isEqualTo("CMA (AAMA): quedan 30 días para recertificarse");
        assertThat(spanish.missing()).containsExactly("7,5 puntos más en total (52,5 de 60)", "6 puntos clínicos más (4 de 10)",
                "18 puntos más aprobados por la AAMA (12 de 30)", "tarjetas de RCP: 1 más (0 de 1)");
        assertThat(spanish.body()).isEqualTo("Debe actuar a más tardar el 2027-02-18 para conservar su CMA (AAMA). Aún falta: "
                + String.join("; ", spanish.missing()) + ".");
    }

    @Test
    void shouldWordEachStatusChangeInBothLanguages() {
        List<Missing> missing = List.of(CLINICAL);
        assertThat(word(reminder("AT_RISK", DUE.minusDays(100), missing), "es").body())
                .isEqualTo("Su CMA (AAMA) vence el 2027-02-28 y aún no cumple los requisitos. Aún falta: 6 puntos clínicos más (4 de 10).");
        assertThat(word(reminder("AT_RISK", DUE.minusDays(100), missing), "en").subject())
                .isEqualTo("CMA (AAMA): your certification is at risk");
        assertThat(word(reminder("AT_RISK", DUE.minusDays(100), missing), "es").subject())
                .isEqualTo("CMA (AAMA): su certificación está en riesgo");

        ReminderTexts.Wording grace = word(reminder("GRACE", DUE.plusDays(1), missing), "es");
        assertThat(grace.subject()).isEqualTo("CMA (AAMA) está vencida: último día 2027-05-29");
        assertThat(grace.body()).startsWith("Su CMA (AAMA) venció el 2027-02-28. Todavía puede recertificarse por educación continua "
                + "hasta el 2027-05-29, su último día.");
        assertThat(word(reminder("GRACE", DUE.plusDays(1), missing), "en").subject())
                .isEqualTo("CMA (AAMA) is past due: last day 2027-05-29");

        ReminderTexts.Wording lapsed = word(reminder("LAPSED", DUE.plusDays(91), missing), "es");
        assertThat(lapsed.subject()).isEqualTo("CMA (AAMA) ha caducado");
        assertThat(lapsed.body()).contains("2027-05-29").contains("presentar de nuevo el examen");
        assertThat(lapsed.missing()).as("the way back is the exam, not the credit").isEmpty();
        assertThat(word(reminder("LAPSED", DUE.plusDays(91), missing), "en").body()).contains("retake the exam");

        ReminderTexts.Wording compliant = word(reminder("COMPLIANT", DUE.minusDays(60), List.of()), "es");
        assertThat(compliant.subject()).isEqualTo("CMA (AAMA): felicidades, cumple los requisitos");
        assertThat(compliant.body()).isEqualTo("Cumple todos los requisitos de su CMA (AAMA). Solicite la recertificación a más tardar el 2027-02-18.");
        assertThat(word(reminder("COMPLIANT", DUE.minusDays(60), List.of()), "en").body())
                .isEqualTo("You meet every requirement of your CMA (AAMA). Apply for recertification by 2027-02-18.");
    }

    @Test
    void shouldWordEveryKindAndCategoryInEverySupportedLanguageDifferently() {
        List<Missing> categories = List.of(
                missing("ADMINISTRATIVE", RequirementKind.CATEGORY_MINIMUM, Category.ADMINISTRATIVE, null, null, "10", "8", "2"),
                missing("GENERAL", RequirementKind.CATEGORY_MINIMUM, Category.GENERAL, null, null, "10", "0", "10"));
        assertThat(word(reminder("DUE_7", DUE.minusDays(17), categories), "es").missing())
                .containsExactly("2 puntos administrativos más (8 de 10)", "10 puntos generales más (0 de 10)");
        assertThat(word(reminder("DUE_7", DUE.minusDays(17), categories), "en").missing())
                .containsExactly("2 more administrative points (8 of 10)", "10 more general points (0 of 10)");
        for (String kind : KINDS) {
            Reminder reminder = reminder(kind, DUE.minusDays(40), List.of(TOTAL));
            assertThat(word(reminder, "es").subject()).as(kind).isNotEqualTo(word(reminder, "en").subject());
            for (String language : Languages.SUPPORTED) {
                assertThat(word(reminder, language).subject()).as(kind + " in " + language).startsWith("CMA (AAMA)");
            }
        }
    }

    @Test
    void shouldNameARequirementItDoesNotKnowByItsCodeWithTheNumbers() {
        Missing unknown = missing("HOURS_OF_ETHICS", null, null, null, null, "3", "1", "2");

        assertThat(word(reminder("DUE_30", DUE.minusDays(40), List.of(unknown)), "en").missing())
                .containsExactly("HOURS_OF_ETHICS: 2 more (1 of 3)");
        assertThat(word(reminder("DUE_30", DUE.minusDays(40), List.of(unknown)), "es").missing())
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

    @Test
    void shouldCountTheDaysLeftFromTheDayItIsReadAndSayWhenTheDateHasPassed() {
        Reminder decided30DaysBefore = reminder("DUE_30", APPLY_BY.minusDays(30), List.of(CLINICAL));

        assertThat(texts.word(decided30DaysBefore, "en", APPLY_BY.minusDays(26)).subject()).isEqualTo("CMA (AAMA): 26 days left to recertify");
        assertThat(texts.word(decided30DaysBefore, "en", APPLY_BY.minusDays(1)).subject()).isEqualTo("CMA (AAMA): 1 day left to recertify");
        assertThat(texts.word(decided30DaysBefore, "es", APPLY_BY.minusDays(1)).subject())
                .isEqualTo("CMA (AAMA): queda 1 día para recertificarse");
        assertThat(texts.word(decided30DaysBefore, "en", APPLY_BY).subject()).isEqualTo("CMA (AAMA): today is the last day to recertify");
        assertThat(texts.word(decided30DaysBefore, "es", APPLY_BY).subject()).isEqualTo("CMA (AAMA): hoy es el último día para recertificarse");
        assertThat(texts.word(decided30DaysBefore, "en", APPLY_BY.plusDays(3)).subject())
                .isEqualTo("CMA (AAMA): the date to act by, 2027-02-18, has passed");
        assertThat(texts.word(decided30DaysBefore, "es", APPLY_BY.plusDays(3)).subject())
                .isEqualTo("CMA (AAMA): la fecha límite para actuar, el 2027-02-18, ya pasó");
    }

    /** Worded on the day it was decided. */
    private ReminderTexts.Wording word(Reminder reminder, String language) {
        return texts.word(reminder, language, reminder.decidedOn());
    }

    private static Reminder reminder(String kind, LocalDate decidedOn, List<Missing> missing) {
        return new Reminder(kind, "CMA_AAMA", "CMA (AAMA)", APPLY_BY, DUE, DUE.plusDays(90), decidedOn, missing);
    }

    private static Missing missing(String code, RequirementKind kind, Category category, ApprovalBody body, CreditUnit unit,
            String required, String earned, String shortfall) {
        return new Missing(code, kind, category, body, unit, new BigDecimal(required), new BigDecimal(earned), new BigDecimal(shortfall));
    }
}
