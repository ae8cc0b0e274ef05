package org.recert.gateway.edge;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.recert.gateway.config.GatewayConfig;
import org.recert.gateway.ratelimit.Budget;
import org.recert.gateway.ratelimit.ClientAddress;
import org.recert.gateway.ratelimit.RateDecision;
import org.recert.gateway.ratelimit.RateLimiter;
import org.recert.gateway.ratelimit.RouteGroup;
import org.recert.platform.security.Roles;

/**
 * The checks every API request passes before it reaches a service or the gateway's own endpoints: body size,
 * a verified bearer token carrying a Recert role (the services verify it again), and the caller's budget.
 * A caller without a valid token is counted by IP address, so that guessing tokens is rate limited too. All of it is
 * decided on the request's {@link CanonicalPath}, the same path the router matches and the service receives.
 */
@ApplicationScoped
public class GatewayGuard {

    /** Routing-context key of the verified token, for the handlers after this one. */
    public static final String TOKEN_KEY = "recert.token";
    private static final Logger LOG = Logger.getLogger(GatewayGuard.class);
    private static final Set<String> ROLES = Set.of(Roles.LEARNER, Roles.EMPLOYER, Roles.PROVIDER, Roles.CURATOR, Roles.ADMIN);
    private static final String API = "/api/";
    private static final String DEV = "/dev/";
    /** Longest request target (path and query) the gateway accepts. */
    static final int MAX_REQUEST_TARGET = 8192;

    private final JWTParser tokens;
    private final ProblemResponses problems;
    private final GatewayConfig config;
    private final RateLimiter limiter;
    private final ClientAddress clients;

    public GatewayGuard(JWTParser tokens, ProblemResponses problems, GatewayConfig config) {
        this.tokens = tokens;
        this.problems = problems;
        this.config = config;
        GatewayConfig.RateLimits limits = config.rateLimits();
        Map<RouteGroup, Budget> budgets = new EnumMap<>(RouteGroup.class);
        budgets.put(RouteGroup.ANONYMOUS, budget(limits.anonymous()));
        budgets.put(RouteGroup.CATALOG, budget(limits.catalog()));
        budgets.put(RouteGroup.CREDITS, budget(limits.credits()));
        budgets.put(RouteGroup.COMPLIANCE, budget(limits.compliance()));
        budgets.put(RouteGroup.NOTIFICATIONS, budget(limits.notifications()));
        budgets.put(RouteGroup.ME, budget(limits.me()));
        budgets.put(RouteGroup.BULK, budget(limits.bulk()));
        budgets.put(RouteGroup.EXPENSIVE, budget(limits.expensive()));
        this.limiter = new RateLimiter(budgets, limits.maxClients());
        this.clients = new ClientAddress(limits.trustedProxies().orElse(List.of()));
    }

    private static Budget budget(GatewayConfig.Budget budget) {
        return new Budget(budget.limit(), budget.window());
    }

    void register(@Observes Filters filters) {
        // after the request id (1000) and security headers (1100), before any route
        filters.register(this::check, 900);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        // the HTTP layer lets longer lines through (quarkus.http.limits.max-initial-line-length) so that this
        // refusal can be a problem+json like every other
        if (request.uri().length() > MAX_REQUEST_TARGET) {
            problems.send(request, GatewayProblem.uriTooLong(MAX_REQUEST_TARGET));
            return;
        }
        CanonicalPath canonical = CanonicalPath.of(request.path());
        if (canonical.isRefused()) {
            problems.send(request, GatewayProblem.badPath(canonical.refusal()));
            return;
        }
        String path = canonical.path();
        if (!path.equals(request.path())) {
            // one path for every decision: this guard, the router and the service all see the canonical one from now
            // on (the filters run again on it; nothing has been counted yet)
            String query = request.query();
            context.reroute(query == null ? path : path + "?" + query);
            return;
        }
        if (!path.equals(context.normalizedPath())) {
            // the router would match another path than the one decided on here
            problems.send(request, GatewayProblem.badPath("the path is ambiguous"));
            return;
        }
        if (path.startsWith(DEV) && !config.devTokens().enabled()) {
            // the token mint does not exist outside the local stack, whatever the body says
            problems.send(request, GatewayProblem.notFound());
            return;
        }
        if (!(path.startsWith(API) || path.startsWith(DEV)) || isPreflight(request)) {
            context.next();
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            problems.send(request, GatewayProblem.payloadTooLarge(config.maxRequestBytes()));
            return;
        }
        if (path.startsWith(DEV)) {
            // the local token mint checks nothing more: it is how a caller gets a token
            context.next();
            return;
        }
        String authorization = request.getHeader("Authorization");
        JsonWebToken token = null;
        String failure = null;
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            failure = "a bearer token is required";
        } else {
            token = verified(authorization.substring(7).trim());
            if (token == null) {
                failure = "the bearer token is invalid or expired";
            }
        }
        if (token == null) {
            String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            String client = clients.of(peer, request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"));
            RateDecision decision = spend(RouteGroup.ANONYMOUS, "ip:" + client);
            if (decision != null && !decision.allowed()) {
                refuse(request, decision);
                return;
            }
            if (authorization == null && RouteGroup.listed(path, config.publicPaths())) {
                context.next();
                return;
            }
            problems.send(request, GatewayProblem.unauthorized(failure));
            return;
        }
        if (token.getGroups() == null || token.getGroups().stream().noneMatch(ROLES::contains)) {
            problems.send(request, GatewayProblem.forbidden("the token carries none of the roles " + ROLES));
            return;
        }
        GatewayConfig.RateLimits limits = config.rateLimits();
        RateDecision decision = spend(RouteGroup.of(path, limits.bulkPaths(), limits.expensivePaths()), "sub:" + token.getSubject());
        if (decision != null) {
            if (!decision.allowed()) {
                refuse(request, decision);
                return;
            }
            decision.headers().forEach(request.response()::putHeader);
        }
        context.put(TOKEN_KEY, token);
        context.next();
    }

    /**
     * The verified token, or null. The parser is the platform's {@code CachingJwtParser}: a client's token is
     * verified once, not on each of its requests.
     */
    private JsonWebToken verified(String raw) {
        try {
            return tokens.parse(raw);
        } catch (ParseException e) {
            LOG.debugf("token refused: %s", e.getMessage());
            return null;
        }
    }

    private RateDecision spend(RouteGroup group, String client) {
        return config.rateLimits().enabled() ? limiter.spend(group, client) : null;
    }

    private void refuse(HttpServerRequest request, RateDecision decision) {
        LOG.infof("rate limited: %s budget spent", decision.policy());
        problems.send(request, GatewayProblem.tooManyRequests(
                "the " + decision.policy() + " budget of " + decision.limit() + " requests per " + decision.windowSeconds()
                        + " s is spent; retry after " + decision.retryAfterSeconds() + " s",
                decision.headers()));
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > config.maxRequestBytes();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
    }
}
