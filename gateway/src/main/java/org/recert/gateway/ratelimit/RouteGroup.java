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
        for (String bulk : bulkPaths) {
            if (bulk.endsWith("/**")) {
                String prefix = bulk.substring(0, bulk.length() - 3);
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return BULK;
                }
            } else if (path.equals(bulk) || path.equals(bulk + "/")) {
                return BULK;
            }
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

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
