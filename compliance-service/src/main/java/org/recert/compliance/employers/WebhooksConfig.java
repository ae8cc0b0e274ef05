package org.recert.compliance.employers;

import java.time.Duration;

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

    Delivery delivery();

    interface Delivery {
        /** Whether this instance runs a delivery worker; any number of replicas may. */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for due deliveries when no commit woke it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most deliveries claimed in one round. */
        @WithDefault("50")
        int batchSize();

        /** Deliveries sent in parallel by one worker (never two of the same learner and subscription). */
        @WithDefault("4")
        int concurrency();

        /** Connection timeout towards a receiver. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-request timeout towards a receiver; a slower answer is a failed attempt. */
        @WithDefault("10s")
        Duration requestTimeout();

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
