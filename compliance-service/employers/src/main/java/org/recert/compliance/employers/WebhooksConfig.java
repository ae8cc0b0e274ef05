package org.recert.compliance.employers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of employer webhooks; each one can be set by environment variable (RECERT_WEBHOOKS_...). */
@ConfigMapping(prefix = "recert.webhooks")
public interface WebhooksConfig {

    /** Accept receivers on loopback, private, link-local and similar addresses (server-side request forgery guard off). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Most subscriptions one organization may hold. */
    @WithDefault("10")
    int maxSubscriptionsPerOrganization();

    /**
     * Keys that encrypt signing secrets at rest, comma-separated {@code id:base64-of-32-random-bytes}: the first seals
     * new secrets (and, at start, every secret sealed with another listed key), the others only open. Required outside
     * the dev, test and local profiles: the service refuses to start without one.
     */
    Optional<List<String>> secretKeys();

    /** How long the previous secret still signs (next to the new one) after a rotation that does not say. */
    @WithDefault("24h")
    Duration secretRotationOverlap();

    Delivery delivery();

    interface Delivery {
        /** Whether this instance runs a delivery worker; any number of replicas may. */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for due deliveries when no commit woke it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most deliveries claimed in one round; never more than the worker's free senders. */
        @WithDefault("50")
        int batchSize();

        /** Deliveries sent in parallel by one worker, each on its own sender (never two of one learner and subscription). */
        @WithDefault("16")
        int concurrency();

        /**
         * Most deliveries of one subscription in flight at once, over all replicas; below {@code concurrency}, so a slow
         * receiver delays only its own subscription.
         */
        @WithDefault("2")
        int concurrencyPerSubscription();

        /** Connection timeout towards a receiver. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-request timeout towards a receiver; a slower answer is a failed attempt. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Time to record an attempt's outcome; a delivery's lease is connect-timeout + request-timeout + this. */
        @WithDefault("30s")
        Duration leaseMargin();

        /** Delay after the first failed attempt; each further failure multiplies it. */
        @WithDefault("30s")
        Duration initialBackoff();

        /** Factor between two consecutive retry delays. */
        @WithDefault("2")
        double backoffMultiplier();

        /** Longest delay between two attempts. */
        @WithDefault("6h")
        Duration maxBackoff();

        /** After this long since its first attempt, a delivery that still fails is abandoned (state FAILED). */
        @WithDefault("3d")
        Duration giveUpAfter();

        /** How long delivered, failed and cancelled rows stay in the delivery log. */
        @WithDefault("30d")
        Duration retention();
    }
}
