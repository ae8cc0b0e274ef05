package org.recert.gateway.routing;

import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;
import org.recert.gateway.config.GatewayConfig;
import org.recert.gateway.edge.GatewayProblem;
import org.recert.gateway.edge.ProblemResponses;
import org.recert.gateway.edge.SecurityHeaders;
import org.recert.platform.problem.Problem;
import org.recert.platform.web.RequestIds;
import org.recert.platform.web.TraceContext;

/**
 * Streams a request to the service that owns its path and the answer back, bodies untouched and unbuffered.
 * Headers go on as they came (Authorization and X-Request-Id included), except {@code traceparent}: the service's
 * span is a child of the gateway's CLIENT span for the call, below the span that continued the caller's trace.
 * An unreachable service answers 503, a silent one 504, both as problem+json; an open circuit answers 503
 * without trying.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final String TOO_LARGE = "recert.body-too-large";
    /** Headers the gateway writes itself: the service's copy would be a duplicate. */
    private static final List<String> GATEWAY_OWNED_HEADERS = Stream.concat(Stream.of(RequestIds.HEADER),
            SecurityHeaders.GATEWAY_OWNED.stream()).toList();

    private final Upstreams upstreams;
    private final ProblemResponses problems;
    private final UpstreamSpans spans;
    private final long maxResponseBytes;
    private final long maxRequestBytes;

    public ServiceProxy(Upstreams upstreams, ProblemResponses problems, UpstreamSpans spans, GatewayConfig config) {
        this.upstreams = upstreams;
        this.problems = problems;
        this.spans = spans;
        this.maxResponseBytes = config.maxResponseBytes();
        this.maxRequestBytes = config.maxRequestBytes();
    }

    /** A proxy for one service, to be bound to its route. */
    public HttpProxy proxyFor(Upstream upstream) {
        HttpProxy proxy = HttpProxy.reverseProxy(upstream.client());
        proxy.origin(context -> upstream.client().request(upstream.requestOptions(context.request().getURI()))
                // a failure is answered as a problem by the interceptor below; no need for Vert.x to log it again
                .map(request -> request.exceptionHandler(failure -> LOG.debugf("%s request failed: %s", upstream.name(), failure))));
        proxy.addInterceptor(new Resilience(upstream));
        return proxy;
    }

    public Upstreams upstreams() {
        return upstreams;
    }

    private final class Resilience implements ProxyInterceptor {

        private final Upstream upstream;

        Resilience(Upstream upstream) {
            this.upstream = upstream;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            if (!upstream.breaker().tryAcquire()) {
                return Future.succeededFuture(problem(context, GatewayProblem.unavailable(upstream.name(),
                        "is unavailable (circuit open after repeated failures); retry shortly",
                        upstream.breaker().secondsUntilTrial())));
            }
            if (request.getBody() != null && request.getBody().length() < 0) {
                request.setBody(Body.body(new CappedBody(request.getBody().stream(), maxRequestBytes, () -> {
                    context.set(TOO_LARGE, Boolean.TRUE);
                    problems.send(incoming, GatewayProblem.payloadTooLarge(maxRequestBytes));
                    incoming.connection().close();
                }), -1));
            }
            request.headers().set("X-Forwarded-For", forwardedFor(incoming));
            request.headers().set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            if (incoming.authority() != null) {
                request.headers().set("X-Forwarded-Host", incoming.authority().toString());
            }
            Span span = spans.start(Context.current(), upstream, request.getMethod().name(), request.getURI());
            String traceparent = UpstreamSpans.traceparent(span);
            if (traceparent != null) {
                request.headers().set(TraceContext.HEADER, traceparent);
            }
            return context.sendRequest().transform(outcome -> {
                if (outcome.succeeded()) {
                    int status = outcome.result().getStatusCode();
                    UpstreamSpans.answered(span, status);
                    if (status >= 502 && status <= 504) {
                        upstream.breaker().onFailure();
                    } else {
                        upstream.breaker().onSuccess();
                    }
                    return Future.succeededFuture(outcome.result());
                }
                UpstreamSpans.failed(span, outcome.cause());
                if (context.get(TOO_LARGE, Boolean.class) != null) {
                    // the client's fault, already answered: the service is not to blame
                    upstream.breaker().onSuccess();
                    return Future.succeededFuture(problem(context, GatewayProblem.payloadTooLarge(maxRequestBytes)));
                }
                upstream.breaker().onFailure();
                GatewayProblem problem = UpstreamFailure.toProblem(upstream, outcome.cause());
                LOG.warnf("%s %s -> %s: %d (%s)", request.getMethod(), request.getURI(), upstream.name(), problem.status(),
                        outcome.cause().toString());
                return Future.succeededFuture(problem(context, problem));
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            // the headers' map matches names ignoring case: one removal per owned name, no pass over the answer's names
            for (String owned : GATEWAY_OWNED_HEADERS) {
                response.headers().remove(owned);
            }
            String length = response.headers().get("Content-Length");
            if (length != null && isTooLong(length)) {
                LOG.warnf("%s answered %s bytes, over the limit of %d", upstream.name(), length, maxResponseBytes);
                response.release();
                fill(context, response, GatewayProblem.badGateway(upstream.name(),
                        "answered more than " + maxResponseBytes + " bytes"));
            } else if (length == null && response.getBody() != null) {
                // a streamed answer of unannounced length: count it, and cut it off past the limit
                HttpServerRequest incoming = context.request().proxiedRequest();
                response.setBody(Body.body(new CappedBody(response.getBody().stream(), maxResponseBytes, () -> {
                    LOG.warnf("%s streamed more than %d bytes: answer cut off", upstream.name(), maxResponseBytes);
                    incoming.response().reset();
                }), -1));
            }
            return context.sendResponse();
        }

        private boolean isTooLong(String length) {
            try {
                return Long.parseLong(length.trim()) > maxResponseBytes;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private ProxyResponse problem(ProxyContext context, GatewayProblem problem) {
            ProxyResponse response = context.request().release().response();
            fill(context, response, problem);
            return response;
        }

        private void fill(ProxyContext context, ProxyResponse response, GatewayProblem problem) {
            response.setStatusCode(problem.status());
            response.headers().clear();
            problem.headers().forEach(response::putHeader);
            response.putHeader("Content-Type", Problem.MEDIA_TYPE);
            response.putHeader("Cache-Control", "no-store");
            response.setBody(Body.body(problems.body(problem, context.request().proxiedRequest())));
        }

        private String forwardedFor(HttpServerRequest incoming) {
            String previous = incoming.getHeader("X-Forwarded-For");
            String client = incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress();
            return previous == null || previous.isBlank() ? client : previous + ", " + client;
        }
    }
}
