package org.recert.system.api;

import java.util.List;

/**
 * Other spellings of a request path that name the same resource (a letter percent-encoded, dot segments), and
 * spellings a service could read otherwise than the gateway (an encoded slash or backslash, NUL, '..' above the root),
 * which the gateway refuses. The query is kept as it is.
 */
final class PathSpellings {

    private PathSpellings() {
    }

    /** The same path: the first letter of segment {@code segment} (0-based; the last one if there are fewer) as %XX. */
    static String letterEncoded(String pathAndQuery, int segment) {
        String path = pathOf(pathAndQuery);
        int start = 0;
        for (int seen = 0, i = 1; i < path.length() && seen < segment; i++) {
            if (path.charAt(i) == '/' && i + 1 < path.length()) {
                seen++;
                start = i;
            }
        }
        for (int i = start + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isLetter(c) && c < 0x80) {
                return path.substring(0, i) + String.format("%%%02X", (int) c) + path.substring(i + 1) + queryOf(pathAndQuery);
            }
        }
        return pathAndQuery;
    }

    /** The same path with {@code /./x/..} after its first segment. */
    static String dotSegments(String pathAndQuery) {
        String path = pathOf(pathAndQuery);
        int second = path.indexOf('/', 1);
        return (second < 0 ? path + "/./x/.." : path.substring(0, second) + "/./x/.." + path.substring(second)) + queryOf(pathAndQuery);
    }

    /** The same path, spelled one of three ways by {@code n}: /%61pi..., /api/v1/%63atalog..., /api/./x/../v1... */
    static String sameResource(String pathAndQuery, int n) {
        return switch (Math.floorMod(n, 3)) {
            case 0 -> letterEncoded(pathAndQuery, 0);
            case 1 -> letterEncoded(pathAndQuery, 2);
            default -> dotSegments(pathAndQuery);
        };
    }

    /** Spellings the gateway must refuse with 400: named, each with its path and query. */
    static List<String[]> refused(String pathAndQuery) {
        String path = pathOf(pathAndQuery);
        String query = queryOf(pathAndQuery);
        int last = path.lastIndexOf('/');
        return List.of(
                new String[] { "an encoded slash", path.substring(0, last) + "%2F" + path.substring(last + 1) + query },
                new String[] { "an encoded backslash", path.substring(0, last) + "%5C" + path.substring(last + 1) + query },
                new String[] { "an encoded NUL", path + "%00" + query },
                new String[] { "dot segments above the root", "/../.." + path + query });
    }

    private static String pathOf(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private static String queryOf(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? "" : pathAndQuery.substring(q);
    }
}
