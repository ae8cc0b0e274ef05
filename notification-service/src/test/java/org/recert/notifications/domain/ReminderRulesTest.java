package org.recert.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReminderRulesTest {

    private static final List<Integer> OFFSETS = List.of(180, 90, 30, 14, 7, 1);
    private static final LocalDate ACT_BY = LocalDate.of(2027, 2, 28);

    @Test
    void shouldSendNothingBeforeTheFirstOffset() {
        assertThat(ReminderRules.scheduledKind("ON_TRACK", false, ACT_BY, ACT_BY.minusDays(181), OFFSETS)).isEmpty();
    }

    @Test
    void shouldPickTheSmallestOffsetReached() {
        assertThat(ReminderRules.scheduledKind("ON_TRACK", false, ACT_BY, ACT_BY.minusDays(180), OFFSETS)).contains("DUE_180");
        assertThat(ReminderRules.scheduledKind("AT_RISK", false, ACT_BY, ACT_BY.minusDays(20), OFFSETS)).contains("DUE_30");
        assertThat(ReminderRules.scheduledKind("AT_RISK", false, ACT_BY, ACT_BY, OFFSETS)).contains("DUE_1");
    }

    @Test
    void shouldStopWhenRequirementsAreMetTheDateHasPassedOrTheStatusIsOutsideTheSchedule() {
        assertThat(ReminderRules.scheduledKind("AT_RISK", true, ACT_BY, ACT_BY.minusDays(7), OFFSETS)).isEmpty();
        assertThat(ReminderRules.scheduledKind("AT_RISK", false, ACT_BY, ACT_BY.plusDays(1), OFFSETS)).isEmpty();
        assertThat(ReminderRules.scheduledKind("GRACE", false, ACT_BY, ACT_BY.minusDays(7), OFFSETS)).isEmpty();
        assertThat(ReminderRules.scheduledKind("ON_TRACK", false, null, ACT_BY, OFFSETS)).isEmpty();
    }

    @Test
    void shouldActByTheApplyByDateWhenGiven() {
        assertThat(ReminderRules.actBy(ACT_BY.minusDays(60), ACT_BY)).isEqualTo(ACT_BY.minusDays(60));
        assertThat(ReminderRules.actBy(null, ACT_BY)).isEqualTo(ACT_BY);
    }

    @Test
    void shouldTellOnlyTheChangesThatMatter() {
        assertThat(ReminderRules.statusChangeKind("ON_TRACK", "AT_RISK")).contains("AT_RISK");
        assertThat(ReminderRules.statusChangeKind("GRACE", "LAPSED")).contains("LAPSED");
        assertThat(ReminderRules.statusChangeKind("AT_RISK", "AT_RISK")).isEmpty();
        assertThat(ReminderRules.statusChangeKind("NO_CERTIFICATION", "ON_TRACK")).isEmpty();
    }
}
