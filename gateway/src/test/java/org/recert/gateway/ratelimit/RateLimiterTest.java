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
        assertThat(RouteGroup.of("/api/v1/catalog/courses", BULK)).isEqualTo(RouteGroup.CATALOG);
        assertThat(RouteGroup.of("/api/v1/catalogue", BULK)).isEqualTo(RouteGroup.ME);
        assertThat(RouteGroup.of("/api/v1/credits/learners/maria/credits", BULK)).isEqualTo(RouteGroup.CREDITS);
        assertThat(RouteGroup.of("/api/v1/compliance/roster-checks", BULK)).isEqualTo(RouteGroup.BULK);
        assertThat(RouteGroup.of("/api/v1/compliance/roster-checks-other", BULK)).isEqualTo(RouteGroup.COMPLIANCE);
        assertThat(RouteGroup.of("/api/v1/credits/completion-reports/123", BULK)).isEqualTo(RouteGroup.BULK);
        assertThat(RouteGroup.of("/api/v1/me/dashboard", BULK)).isEqualTo(RouteGroup.ME);
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
