package org.recert.gateway.ratelimit;

import java.util.List;

/**
 * The budgets a request can spend from: one per service, the gateway's own endpoints, bulk calls, expensive calls
 * (a plan, the dashboard), anonymous callers.
 */
public enum RouteGroup {
    CATALOG, CREDITS, COMPLIANCE, NOTIFICATIONS, ME, BULK, EXPENSIVE, ANONYMOUS;

    /** The policy name written in the RateLimit headers. */
    public String policyName() {
        return name().toLowerCase();
    }

    /**
     * The group of an identified caller's request to the canonical {@code path}. A bulk or expensive path is written
     * exactly, with {@code *} standing for one whole segment ({@code /api/v1/compliance/learners/*}{@code /plan}), or
     * as a prefix ending in {@code /**}.
     */
    public static RouteGroup of(String path, List<String> bulkPaths, List<String> expensivePaths) {
        if (listed(path, bulkPaths)) {
            return BULK;
        }
        if (listed(path, expensivePaths)) {
            return EXPENSIVE;
        }
        if (under(path, "/api/v1/catalog")) {
            return CATALOG;
        }
        if (under(path, "/api/v1/credits")) {
            return CREDITS;
        }
        if (under(path, "/api/v1/compliance")) {
            return COMPLIANCE;
        }
        if (under(path, "/api/v1/notifications")) {
            return NOTIFICATIONS;
        }
        return ME;
    }

    /**
     * Whether the canonical {@code path} is one of {@code paths}, each written exactly, with {@code *} standing for one
     * whole segment, or as a prefix ending in {@code /**}.
     */
    public static boolean listed(String path, List<String> paths) {
        return paths.stream().anyMatch(pattern -> matches(pattern, path));
    }

    static boolean matches(String pattern, String path) {
        // the text before the segment of the first wildcard is literal: a path that does not begin with it cannot match,
        // and most requests are told so without splitting anything
        int wildcard = pattern.indexOf('*');
        int literal = wildcard < 0 ? pattern.length() : pattern.lastIndexOf('/', wildcard);
        if (!path.regionMatches(0, pattern, 0, literal)) {
            return false;
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        boolean prefix = pattern.endsWith("/**");
        String[] wanted = (prefix ? pattern.substring(0, pattern.length() - 3) : pattern).split("/", -1);
        String[] actual = trimmed.split("/", -1);
        if (prefix ? actual.length < wanted.length : actual.length != wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!(wanted[i].equals("*") && !actual[i].isEmpty()) && !wanted[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
