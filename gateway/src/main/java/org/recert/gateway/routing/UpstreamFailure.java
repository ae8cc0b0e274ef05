package org.recert.gateway.routing;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.recert.gateway.edge.GatewayProblem;

/** What a failed call to a service means for the client: unreachable is 503, silent is 504, anything else 502. */
public final class UpstreamFailure {

    private UpstreamFailure() {
    }

    public static GatewayProblem toProblem(Upstream upstream, Throwable failure) {
        String service = upstream.name();
        if (isUnreachable(failure)) {
            return GatewayProblem.unavailable(service, "is unavailable; retry shortly", 5);
        }
        if (isTimeout(failure)) {
            return GatewayProblem.timeout(service, "did not answer within " + upstream.timeout().toMillis() + " ms");
        }
        return GatewayProblem.badGateway(service, "failed to answer: the connection broke");
    }

    /** A short reason for a part of a composed answer that is missing. */
    public static String reason(Upstream upstream, Throwable failure) {
        if (isUnreachable(failure)) {
            return upstream.name() + " is unavailable";
        }
        if (isTimeout(failure)) {
            return upstream.name() + " did not answer in time";
        }
        return upstream.name() + " failed to answer";
    }

    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
