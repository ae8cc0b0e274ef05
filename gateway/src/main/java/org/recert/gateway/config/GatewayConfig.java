package org.recert.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway can be told, each setting overridable by environment (RECERT_GATEWAY_...). */
@ConfigMapping(prefix = "recert.gateway")
public interface GatewayConfig {

    /** The services behind the gateway. */
    Services services();

    /** The web app, served at {@code /}. */
    Web web();

    /** The local token mint, {@code POST /dev/tokens}; never enable it in production. */
    DevTokens devTokens();

    /** Per-client request budgets. */
    RateLimits rateLimits();

    /** The merged OpenAPI document. */
    OpenApi openapi();

    /** The learner dashboard. */
    Dashboard dashboard();

    /** Largest request body the gateway forwards (Content-Length), in bytes. */
    @WithDefault("4194304")
    long maxRequestBytes();

    /** Largest response body the gateway passes back (Content-Length), in bytes. */
    @WithDefault("33554432")
    long maxResponseBytes();

    /**
     * Paths (exact, or a prefix ending in /**) that take no token, such as a mailed unsubscribe link: anonymous calls
     * to them spend the anonymous budget and go on to the service, which checks what they carry.
     */
    @WithDefault("/api/v1/notifications/unsubscribe,/api/v1/notifications/calendar/**")
    List<String> publicPaths();

    interface Services {
        Service catalog();

        Service credits();

        Service compliance();

        Service notifications();
    }

    interface Web {
        /**
         * Base URL of the web app (RECERT_GATEWAY_WEB_URL), e.g. http://127.0.0.1:8085: every path outside
         * {@code /api/}, {@code /q/}, {@code /dev/} and the OpenAPI documents goes to it. None: those paths answer 404.
         */
        Optional<URI> url();

        /** How long the web app may stay silent before the gateway answers 504. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Service {
        /** Base URL of the service, e.g. http://127.0.0.1:8081. */
        URI url();

        /** How long to wait for a TCP connection before answering 503. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** How long the service may stay silent (no response byte) before the gateway answers 504. */
        @WithDefault("30s")
        Duration timeout();

        /** Connections kept per service. */
        @WithDefault("64")
        int maxConnections();

        /** Circuit breaker of this service. */
        Breaker circuitBreaker();
    }

    interface Breaker {
        /** Consecutive failures (unreachable, timed out, 502-504) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before letting one trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface DevTokens {
        /** Whether POST /dev/tokens exists. */
        @WithDefault("false")
        boolean enabled();

        /** Lifetime of a minted token. */
        @WithDefault("8h")
        Duration lifetime();
    }

    interface RateLimits {
        /** Whether budgets are enforced at all. */
        @WithDefault("true")
        boolean enabled();

        /** Paths (exact, or a prefix ending in /**) of bulk endpoints, which spend their own budget. */
        @WithDefault("/api/v1/compliance/roster-checks,/api/v1/credits/completion-reports")
        List<String> bulkPaths();

        /**
         * Paths of expensive calls (a recertification plan, a compliance overview, the dashboard), which spend their own budget: exact, with
         * {@code *} for one segment, or a prefix ending in /**.
         */
        @WithDefault("/api/v1/compliance/learners/*/plan,/api/v1/compliance/learners/*/overview,/api/v1/me/dashboard")
        List<String> expensivePaths();

        /**
         * Addresses or CIDR ranges of the proxies in front of the gateway (an ingress, a load balancer) whose
         * {@code Forwarded} or {@code X-Forwarded-For} header names an anonymous caller's own address. None by default:
         * the direct peer is the caller, and those headers are ignored.
         */
        Optional<List<String>> trustedProxies();

        /** Clients that are not identified by a token (counted by IP address). */
        Budget anonymous();

        Budget catalog();

        Budget credits();

        Budget compliance();

        Budget notifications();

        /** The gateway's own endpoints (the dashboard). */
        Budget me();

        /** The bulk endpoints. */
        Budget bulk();

        /** The expensive calls. */
        Budget expensive();

        /** Client keys kept in memory at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        long maxClients();
    }

    interface Budget {
        /** Requests allowed per window. */
        long limit();

        /** The window over which {@link #limit()} refills. */
        @WithDefault("1m")
        Duration window();
    }

    interface OpenApi {
        /** How long a merged document is served before the services are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long each service's document may take. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** The document's title. */
        @WithDefault("Recert API")
        String title();

        /** The document's version. */
        @WithDefault("1.0.0")
        String version();

        /** The license the API is offered under, as the document states it. */
        @WithDefault("Proprietary")
        String license();

        /** Public URL of the gateway, written as the document's server; the relative root when absent. */
        Optional<String> serverUrl();
    }

    interface Dashboard {
        /** Credentials always shown on the dashboard, before the other ones the learner holds. */
        @WithDefault("CMA_AAMA")
        List<String> credentials();

        /** Time each part of the dashboard may take before it is marked unavailable. */
        @WithDefault("2s")
        Duration partTimeout();

        /** The catalog query of the suggested courses. */
        @WithDefault("free=true&approval=AAMA&limit=3")
        String suggestedCourses();

        /** How many recent credits are shown. */
        @WithDefault("5")
        int recentCredits();

        /** How long the catalog's suggested courses (the same for every learner) are shown again before it is asked anew; 0s asks every time. */
        @WithDefault("30s")
        Duration suggestedCoursesFreshFor();
    }
}
