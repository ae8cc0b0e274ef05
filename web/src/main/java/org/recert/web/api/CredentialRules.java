package org.recert.web.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.recert.web.WebConfig;

/**
 * The credentials and their rules as compliance publishes them ({@code GET /compliance/credentials}): the one source of
 * what a unit is worth. Rule sets change with a release, not per request, so one answer serves every user for
 * {@code recert.web.rule-sets-ttl}; only a success is kept, so a compliance outage is asked again on the next page.
 */
@ApplicationScoped
public class CredentialRules {

    static final String PATH = "/compliance/credentials";

    private final Function<String, Answer> fetch;
    private final Duration ttl;
    private final Clock clock;
    // one entry, the whole list: the cache cannot grow
    private volatile Kept kept;

    @Inject
    public CredentialRules(GatewayApi api, WebConfig config) {
        this(token -> api.get(token, PATH), config.ruleSetsTtl(), Clock.systemUTC());
    }

    CredentialRules(Function<String, Answer> fetch, Duration ttl, Clock clock) {
        this.fetch = fetch;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The list answer, from the cache while it is fresh, else fetched with this user's token (any signed-in role may read it). */
    public Answer credentials(String token) {
        Kept current = kept;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.until())) {
            return current.answer();
        }
        Answer answer = fetch.apply(token);
        if (answer.ok()) {
            kept = new Kept(answer, now.plus(ttl));
        }
        return answer;
    }

    private record Kept(Answer answer, Instant until) {
    }
}
