package org.recert.gateway.ratelimit;

import java.util.List;

/** The budgets a request can spend from: one per service, the gateway's own endpoints, bulk calls, anonymous callers. */
public enum RouteGroup {
    CATALOG, CREDITS, COMPLIANCE, NOTIFICATIONS, ME, BULK, ANONYMOUS;

    /** The policy name written in the RateLimit headers. */
    public String policyName() {
        return name().toLowerCase();
    }

    /**
     * The group of an identified caller's request to {@code path}. A bulk path is written either exactly or as a
     * prefix ending in {@code /**}.
     */
    public static RouteGroup of(String path, List<String> bulkPaths) {
        if (listed(path, bulkPaths)) {
            return BULK;
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

    /** Whether {@code path} is one of {@code paths}, each written exactly or as a prefix ending in {@code /**}. */
    public static boolean listed(String path, List<String> paths) {
        for (String listed : paths) {
            if (listed.endsWith("/**")) {
                if (under(path, listed.substring(0, listed.length() - 3))) {
                    return true;
                }
            } else if (path.equals(listed) || path.equals(listed + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
