package org.recert.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rule sets change with a release: one published list serves every page until it is older than the setting. */
class CredentialRulesTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Answer LIST = new Answer(200, Map.of("items", List.of(Map.of("code", "CMA_AAMA"))), null, null);
    private static final Answer DOWN = new Answer(0, null, null, "Recert cannot be reached just now; try again in a moment.");

    private final List<String> asked = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final CredentialRules rules = new CredentialRules(token -> {
        asked.add(token);
        return answers.remove(0);
    }, TTL, clock);

    @Test
    void shouldAskComplianceOnceWhileTheListIsFreshAndAgainWhenItIsOld() {
        answers.addAll(List.of(LIST, LIST));

        assertThat(rules.credentials("ann")).isSameAs(LIST);
        clock.move(TTL.minusSeconds(1));
        assertThat(rules.credentials("bob")).isSameAs(LIST);
        assertThat(asked).containsExactly("ann");

        clock.move(Duration.ofSeconds(1));
        rules.credentials("cat");
        assertThat(asked).containsExactly("ann", "cat");
    }

    @Test
    void shouldKeepNoFailureSoThatTheNextPageAsksAgain() {
        answers.addAll(List.of(DOWN, LIST));

        assertThat(rules.credentials("ann").ok()).isFalse();
        assertThat(rules.credentials("ann")).isSameAs(LIST);
        assertThat(asked).hasSize(2);
    }

    /** A clock the test moves by hand: the cache's age without waiting. */
    private static final class MovableClock extends Clock {

        private Clock current = Clock.fixed(Instant.parse("2026-12-05T06:00:00Z"), ZoneOffset.UTC);

        void move(Duration by) {
            current = Clock.offset(current, by);
        }

        @Override
        public Instant instant() {
            return current.instant();
        }

        @Override
        public ZoneId getZone() {
            return current.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return current.withZone(zone);
        }
    }
}
