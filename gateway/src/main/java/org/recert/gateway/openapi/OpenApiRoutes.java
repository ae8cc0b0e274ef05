package org.recert.gateway.openapi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.recert.gateway.config.GatewayConfig;
import org.recert.gateway.edge.GatewayProblem;
import org.recert.gateway.edge.ProblemResponses;
import org.recert.gateway.routing.Upstream;
import org.recert.gateway.routing.Upstreams;

/**
 * Serves the merged OpenAPI document at {@code /q/openapi} (YAML, or JSON with {@code ?format=json} or
 * {@code Accept: application/json}), {@code /openapi.json} and {@code /openapi.yaml}. The document is built
 * from the services' own documents, fetched again once the cache expires; a service that does not answer
 * leaves its last good copy, or nothing, and the description says so.
 */
@ApplicationScoped
public class OpenApiRoutes {

    private static final Logger LOG = Logger.getLogger(OpenApiRoutes.class);
    private static final String SERVICE_DOCUMENT = "/q/openapi?format=json";

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final ProblemResponses problems;
    private final Instance<OpenApiDocumentService> ownDocument;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private final OpenApiMerger merger;
    private final Map<String, ServiceDocument> lastKnown = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    private volatile Future<Merged> current;
    private volatile long expiresAt;

    public OpenApiRoutes(Upstreams upstreams, GatewayConfig config, ProblemResponses problems,
            Instance<OpenApiDocumentService> ownDocument) {
        this.problems = problems;
        this.upstreams = upstreams;
        this.config = config;
        this.ownDocument = ownDocument;
        this.merger = new OpenApiMerger(config.openapi().title(), config.openapi().version(),
                config.openapi().serverUrl().orElse("/"), config.openapi().license());
    }

    /** The merged document, serialized once per refresh. */
    record Merged(byte[] json, byte[] yaml) {
    }

    public void register(Router router) {
        router.route(HttpMethod.GET, "/q/openapi").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(context -> serve(context, wantsJson(context)));
        router.route(HttpMethod.GET, "/openapi.json").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(context -> serve(context, true));
        router.route(HttpMethod.GET, "/openapi.yaml").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(context -> serve(context, false));
    }

    private static boolean wantsJson(RoutingContext context) {
        String format = context.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        String accept = context.request().getHeader("Accept");
        return accept != null && accept.contains("json");
    }

    private void serve(RoutingContext context, boolean asJson) {
        document().onComplete(outcome -> {
            if (outcome.failed()) {
                if (outcome.cause() instanceof OpenApiMerger.ConflictingComponents conflicting) {
                    // a document that would describe one service's shape with another's is not served at all
                    LOG.errorf("the merged OpenAPI document is broken: %s", conflicting.getMessage());
                    problems.send(context.request(), GatewayProblem.unavailable("the merged OpenAPI document",
                            "is broken, same-named components differ: " + String.join("; ", conflicting.conflicts()),
                            config.openapi().cacheTtl().toSeconds()));
                    return;
                }
                LOG.error("could not build the merged OpenAPI document", outcome.cause());
                context.response().setStatusCode(500).end();
                return;
            }
            context.response()
                    .putHeader("Content-Type", asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                    .putHeader("Cache-Control", "public, max-age=" + config.openapi().cacheTtl().toSeconds())
                    .end(Buffer.buffer(asJson ? outcome.result().json() : outcome.result().yaml()));
        });
    }

    /** The cached document, or a new one when the cache has expired (concurrent callers share one refresh). */
    Future<Merged> document() {
        Future<Merged> cached = current;
        if (cached != null && System.nanoTime() < expiresAt && !cached.failed()) {
            return cached;
        }
        synchronized (this) {
            if (current != cached) {
                return current;
            }
            current = refresh();
            expiresAt = System.nanoTime() + config.openapi().cacheTtl().toNanos();
            return current;
        }
    }

    private Future<Merged> refresh() {
        List<Future<ServiceDocument>> fetches = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            fetches.add(fetch(upstream));
        }
        return Future.join(fetches).transform(ignored -> {
            List<ServiceDocument> documents = new ArrayList<>();
            fetches.forEach(fetch -> documents.add(fetch.result()));
            ObjectNode merged = merger.merge(ownDocument(), path -> !path.startsWith("/dev/") || config.devTokens().enabled(),
                    documents, Instant.now(clock));
            try {
                return Future.succeededFuture(new Merged(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged),
                        yaml.writeValueAsBytes(merged)));
            } catch (JsonProcessingException e) {
                return Future.failedFuture(e);
            }
        });
    }

    private Future<ServiceDocument> fetch(Upstream upstream) {
        return upstream.webClient()
                .request(HttpMethod.GET, upstream.requestOptions(SERVICE_DOCUMENT, config.openapi().fetchTimeout()))
                .putHeader("Accept", "application/json")
                .send()
                .transform(outcome -> {
                    String failure;
                    if (outcome.succeeded() && outcome.result().statusCode() == 200) {
                        try {
                            ObjectNode document = (ObjectNode) json.readTree(outcome.result().bodyAsString(StandardCharsets.UTF_8.name()));
                            ServiceDocument fresh = new ServiceDocument(upstream.name(), upstream.prefix(), document,
                                    Instant.now(clock), null);
                            lastKnown.put(upstream.name(), fresh);
                            return Future.succeededFuture(fresh);
                        } catch (JsonProcessingException | ClassCastException e) {
                            failure = "its document is not JSON";
                        }
                    } else if (outcome.succeeded()) {
                        failure = "its document answered " + outcome.result().statusCode();
                    } else {
                        failure = outcome.cause() instanceof java.util.concurrent.TimeoutException
                                ? "no answer within " + config.openapi().fetchTimeout().toMillis() + " ms"
                                : "unreachable";
                    }
                    LOG.warnf("OpenAPI of %s not fetched: %s", upstream.name(), failure);
                    ServiceDocument previous = lastKnown.get(upstream.name());
                    return Future.succeededFuture(previous == null
                            ? new ServiceDocument(upstream.name(), upstream.prefix(), null, null, failure)
                            : new ServiceDocument(upstream.name(), upstream.prefix(), previous.document(), previous.fetchedAt(), failure));
                });
    }

    private ObjectNode ownDocument() {
        if (!ownDocument.isResolvable()) {
            return null;
        }
        try {
            byte[] document = ownDocument.get().getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON);
            return document == null ? null : (ObjectNode) json.readTree(document);
        } catch (RuntimeException | java.io.IOException e) {
            LOG.warn("the gateway's own OpenAPI document is unavailable", e);
            return null;
        }
    }
}
