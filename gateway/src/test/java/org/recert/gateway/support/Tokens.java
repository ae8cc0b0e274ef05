package org.recert.gateway.support;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.recert.platform.security.DevTokens;

/** Test tokens; each test takes its own subject so that budgets never leak between tests. */
public final class Tokens {

    private Tokens() {
    }

    public static String learner(DevTokens tokens, String subject) {
        return "Bearer " + tokens.mint(subject, Set.of("learner"), null, null, Duration.ofMinutes(10));
    }

    public static String withGroups(DevTokens tokens, String subject, String... groups) {
        return "Bearer " + tokens.mint(subject, Set.of(groups), null, null, Duration.ofMinutes(10));
    }

    public static String uniqueSubject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
