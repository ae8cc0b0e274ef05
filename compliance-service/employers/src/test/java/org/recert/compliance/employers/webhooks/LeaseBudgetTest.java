package org.recert.compliance.employers.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LeaseBudgetTest {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration REQUEST = Duration.ofSeconds(10);
    private static final Duration MARGIN = Duration.ofSeconds(30);

    @Test
    void shouldLeaseADeliveryLongerThanTheLongestAttemptItCovers() {
        LeaseBudget defaults = new LeaseBudget(CONNECT, REQUEST, MARGIN, 16, 2);

        assertThat(defaults.attemptLimit()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.lease()).isEqualTo(Duration.ofSeconds(45)).isGreaterThan(defaults.attemptLimit());
    }

    @Test
    void shouldRefuseSettingsUnderWhichOneSubscriptionCouldHoldEverySender() {
        assertThatThrownBy(() -> new LeaseBudget(CONNECT, REQUEST, MARGIN, 4, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency-per-subscription");
        assertThatThrownBy(() -> new LeaseBudget(CONNECT, REQUEST, MARGIN, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseTimeoutsOrAMarginThatAreNotPositive() {
        assertThatThrownBy(() -> new LeaseBudget(Duration.ZERO, REQUEST, MARGIN, 16, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeaseBudget(CONNECT, REQUEST, Duration.ofSeconds(-1), 16, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
