package org.recert.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final List<String> BULK = List.of("/api/v1/compliance/roster-checks", "/api/v1/credits/completion-reports/**");

    private final RateLimiter limiter = new RateLimiter(Map.of(
            RouteGroup.CATALOG, new Budget(3, Duration.ofMinutes(1)),
            RouteGroup.BULK, new Budget(1, Duration.ofMinutes(1))), 1000);

    @Test
    void shouldPutEachPathInItsGroup() {
        assertThat(RouteGroup.of("/api/v1/catalog/courses", BULK, List.of())).isEqualTo(RouteGroup.CATALOG);
        assertThat(RouteGroup.of("/api/v1/catalogue", BULK, List.of())).isEqualTo(RouteGroup.ME);
        assertThat(RouteGroup.of("/api/v1/credits/learners/maria/credits", BULK, List.of())).isEqualTo(RouteGroup.CREDITS);
        assertThat(RouteGroup.of("/api/v1/compliance/roster-checks", BULK, List.of())).isEqualTo(RouteGroup.BULK);
        assertThat(RouteGroup.of("/api/v1/compliance/roster-checks-other", BULK, List.of())).isEqualTo(RouteGroup.COMPLIANCE);
        assertThat(RouteGroup.of("/api/v1/credits/completion-reports/123", BULK, List.of())).isEqualTo(RouteGroup.BULK);
        assertThat(RouteGroup.of("/api/v1/me/dashboard", BULK, List.of())).isEqualTo(RouteGroup.ME);
    }

    @Test
    void shouldPutThePlanAndTheDashboardInTheExpensiveGroup() {
        List<String> expensive = List.of("/api/v1/compliance/learners/*/plan", "/api/v1/me/dashboard");
        assertThat(RouteGroup.of("/api/v1/compliance/learners/maria/plan", BULK, expensive)).isEqualTo(RouteGroup.EXPENSIVE);
        assertThat(RouteGroup.of("/api/v1/compliance/learners/maria/plan/", BULK, expensive)).isEqualTo(RouteGroup.EXPENSIVE);
        assertThat(RouteGroup.of("/api/v1/me/dashboard", BULK, expensive)).isEqualTo(RouteGroup.EXPENSIVE);
        assertThat(RouteGroup.of("/api/v1/compliance/learners/maria/status", BULK, expensive)).isEqualTo(RouteGroup.COMPLIANCE);
        assertThat(RouteGroup.of("/api/v1/compliance/learners//plan", BULK, expensive)).isEqualTo(RouteGroup.COMPLIANCE);
        assertThat(RouteGroup.of("/api/v1/compliance/roster-checks", BULK, expensive)).isEqualTo(RouteGroup.BULK);
    }

    @Test
    void shouldRefuseOnceTheBudgetIsSpentAndSayWhenToRetry() {
        assertThat(limiter.spend(RouteGroup.CATALOG, "maria").remaining()).isEqualTo(2);
        assertThat(limiter.spend(RouteGroup.CATALOG, "maria").remaining()).isEqualTo(1);
        assertThat(limiter.spend(RouteGroup.CATALOG, "maria").allowed()).isTrue();
        RateDecision refused = limiter.spend(RouteGroup.CATALOG, "maria");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
        assertThat(refused.headers())
                .containsEntry("RateLimit-Policy", "\"catalog\";q=3;w=60")
                .containsKey("Retry-After");
        assertThat(refused.headers().get("RateLimit")).startsWith("\"catalog\";r=0;t=");
    }

    @Test
    void shouldKeepSeparateBudgetsPerClientAndGroup() {
        limiter.spend(RouteGroup.BULK, "carla");
        assertThat(limiter.spend(RouteGroup.BULK, "carla").allowed()).isFalse();
        assertThat(limiter.spend(RouteGroup.BULK, "james").allowed()).isTrue();
        assertThat(limiter.spend(RouteGroup.CATALOG, "carla").allowed()).isTrue();
    }
}
