package org.recert.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C trace context carried from an HTTP request into the events it causes and on into their handling,
 * so one trace id follows a credit from the gateway to the compliance service's evaluation.
 */
public final class TraceContext {

    /** MDC key holding the current {@code traceparent}. */
    public static final String MDC_KEY = "traceparent";
    /** MDC key holding the current trace id alone, for log lines. */
    public static final String TRACE_ID_KEY = "traceId";
    public static final String HEADER = "traceparent";

    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** The incoming traceparent continued with a new span id, or a new trace when there is none (or it is malformed). */
    public static String continueOrStart(String incoming) {
        String traceId = incoming != null && VALID.matcher(incoming).matches()
                ? incoming.substring(3, 35)
                : hex(16);
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    public static String traceId(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches() ? traceparent.substring(3, 35) : null;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
