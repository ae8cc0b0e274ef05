package org.recert.gateway.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per client and route group, in memory. A client no longer seen is forgotten after
 * its longest window, so memory stays bounded by the number of active clients.
 */
public final class RateLimiter {

    private final Map<RouteGroup, Budget> budgets;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(Map<RouteGroup, Budget> budgets, long maxClients) {
        this.budgets = new EnumMap<>(budgets);
        Duration longest = budgets.values().stream().map(Budget::window).max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(longest.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /** Spends one request of {@code client}'s budget for {@code group}. */
    public RateDecision spend(RouteGroup group, String client) {
        Budget budget = budgets.get(group);
        if (budget == null) {
            throw new IllegalArgumentException("no budget for " + group);
        }
        Bucket bucket = buckets.get(group.name() + '|' + client, key -> newBucket(budget));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long windowSeconds = Math.max(1, budget.window().toSeconds());
        return new RateDecision(probe.isConsumed(), group.policyName(), budget.limit(), windowSeconds,
                probe.getRemainingTokens(), ceilSeconds(probe.getNanosToWaitForReset()),
                Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
    }

    private static Bucket newBucket(Budget budget) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.limit()).refillGreedy(budget.limit(), budget.window()).build())
                .build();
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
