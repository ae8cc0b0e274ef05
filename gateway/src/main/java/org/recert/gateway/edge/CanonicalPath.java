package org.recert.gateway.edge;

import java.util.ArrayList;
import java.util.List;

/**
 * The one path the gateway decides on: who may call, which budget pays, which service answers, and what it is
 * forwarded as. Percent-escapes of unreserved characters are decoded (RFC 3986 6.2.2.2, so {@code /%61pi} is
 * {@code /api}), the other escapes keep upper-case hex, dot segments are removed (5.2.4) and empty segments dropped.
 * A path that a service could read otherwise than the gateway is refused: an encoded slash, backslash, semicolon or
 * control character, a malformed escape, raw characters outside printable ASCII, or dot segments above the root.
 *
 * @param path the canonical path, null when refused
 * @param refusal why the path is refused, null when it is not
 */
public record CanonicalPath(String path, String refusal) {

    /** The canonical form of the raw (still percent-encoded) {@code raw} path, or its refusal. */
    public static CanonicalPath of(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return refused("the path must start with /");
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return refused("the path has a malformed percent-escape");
                }
                int value = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
                i += 2;
                if (value == '/' || value == '\\' || value == ';' || value < 0x20 || value == 0x7F) {
                    return refused("the path has an encoded slash, backslash, semicolon or control character");
                }
                if (isUnreserved((char) value)) {
                    decoded.append((char) value);
                } else {
                    decoded.append('%').append(Character.toUpperCase(Character.forDigit(value >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(value & 0xF, 16)));
                }
            } else if (c == '\\' || c == ';') {
                return refused("the path has a backslash or semicolon");
            } else if (c <= 0x20 || c >= 0x7F) {
                return refused("the path has a character that must be percent-encoded");
            } else {
                decoded.append(c);
            }
        }
        return withoutDotSegments(decoded.toString());
    }

    public boolean isRefused() {
        return refusal != null;
    }

    private static CanonicalPath withoutDotSegments(String path) {
        String[] segments = path.substring(1).split("/", -1);
        List<String> kept = new ArrayList<>(segments.length);
        boolean trailingSlash = false;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("..")) {
                if (kept.isEmpty()) {
                    return refused("the path climbs above the root with ..");
                }
                kept.remove(kept.size() - 1);
                trailingSlash = last;
            } else if (segment.equals(".") || segment.isEmpty()) {
                trailingSlash = last && !kept.isEmpty();
            } else {
                kept.add(segment);
                trailingSlash = false;
            }
        }
        String canonical = kept.isEmpty() ? "/" : "/" + String.join("/", kept) + (trailingSlash ? "/" : "");
        return new CanonicalPath(canonical, null);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static CanonicalPath refused(String why) {
        return new CanonicalPath(null, why);
    }
}
