package org.recert.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReminderMessageTest {

    private static final LocalDate DUE = LocalDate.of(2027, 2, 28);
    private static final String MISSING = "6 more clinical points (4 of 10)\n6 more points in all (54 of 60)";

    private static StatusSnapshot status(String status, LocalDate applyBy, String missing) {
        return new StatusSnapshot("maria", "CMA_AAMA", "CMA (AAMA)", status, LocalDate.of(2022, 2, 10), DUE, DUE.plusDays(90), applyBy,
                missing.isEmpty(), missing, DUE.minusDays(30));
    }

    @Test
    void shouldCountTheDaysToTheActByDateAndNameWhatIsMissing() {
        ReminderMessage message = ReminderMessage.compose("DUE_30", status("AT_RISK", DUE.minusDays(10), MISSING), DUE.minusDays(40));
        assertThat(message.subject()).isEqualTo("CMA (AAMA): 30 days left to recertify");
        assertThat(message.body()).isEqualTo("You must act by 2027-02-18 to keep your CMA (AAMA). "
                + "Still missing: 6 more clinical points (4 of 10); 6 more points in all (54 of 60).");
    }

    @Test
    void shouldGiveTheLastDayInGraceAndTheWayBackWhenLapsed() {
        assertThat(ReminderMessage.compose("GRACE", status("GRACE", null, MISSING), DUE.plusDays(1)).subject())
                .isEqualTo("CMA (AAMA) is past due: last day 2027-05-29");
        assertThat(ReminderMessage.compose("LAPSED", status("LAPSED", null, MISSING), DUE.plusDays(91)).body())
                .contains("grace period ended on 2027-05-29").contains("retake the exam");
        assertThat(ReminderMessage.compose("COMPLIANT", status("COMPLIANT", DUE.minusDays(10), ""), DUE.minusDays(60)).body())
                .isEqualTo("You meet every requirement of your CMA (AAMA). Apply for recertification by 2027-02-18.");
    }
}
