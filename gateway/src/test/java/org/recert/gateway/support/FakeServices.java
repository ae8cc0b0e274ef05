package org.recert.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Real HTTP servers standing in for catalog, credits, compliance and notifications, on free ports, with the behaviours the
 * gateway must cope with: an echo of what arrived, an answer that streams until released, a silent endpoint,
 * an OpenAPI document, and the learner endpoints the dashboard reads. Init argument {@code down}: services
 * that are stopped (their URL points at a port nobody listens on).
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public static final String SILENT_LEARNER = "sloth";
    /** Rows of {@code /rows}, each written and flushed as a chunk of its own, as a CSV export flushing per row does. */
    public static final int ROWS = 2000;
    /** Course searches the catalog answered, counted from one. */
    public static final java.util.concurrent.atomic.AtomicInteger COURSE_SEARCHES = new java.util.concurrent.atomic.AtomicInteger();
    private static final List<String> SERVICES = List.of("catalog", "credits", "compliance", "notifications");

    private Vertx vertx;
    private Set<String> down = Set.of();
    private boolean conflicting;
    private final List<HttpServerResponse> streaming = new ArrayList<>();

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.getOrDefault("down", "");
        down = value.isBlank() ? Set.of() : Set.of(value.split(","));
        conflicting = Boolean.parseBoolean(initArgs.getOrDefault("conflicting-schemas", "false"));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            int port = down.contains(service) ? deadPort() : serve(service);
            String prefix = "recert.gateway.services." + service + ".";
            config.put(prefix + "url", "http://127.0.0.1:" + port);
            config.put(prefix + "timeout", "1500ms");
            config.put(prefix + "connect-timeout", "500ms");
            config.put(prefix + "circuit-breaker.failure-threshold", "3");
            config.put(prefix + "circuit-breaker.open-for", "30s");
        }
        config.put("recert.gateway.dashboard.part-timeout", "1s");
        config.put("recert.gateway.openapi.fetch-timeout", "1s");
        config.put("recert.gateway.openapi.cache-ttl", "2s");
        config.put("recert.gateway.rate-limits.bulk.limit", "2");
        config.put("recert.gateway.rate-limits.bulk.window", "1m");
        config.put("recert.gateway.max-request-bytes", "2097152");
        config.put("recert.gateway.max-response-bytes", "2097152");
        config.put("quarkus.http.cors.origins", "https://app.recert.example");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int serve(String service) {
        Router router = Router.router(vertx);
        String prefix = "/api/v1/" + service;
        router.route(prefix + "/echo*").handler(context -> echo(service, context));
        router.get(prefix + "/stream").handler(this::startStream);
        router.post(prefix + "/stream/release").handler(this::releaseStreams);
        router.get(prefix + "/huge").handler(context -> {
            HttpServerResponse response = context.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            for (int i = 0; i < 3; i++) {
                response.write(io.vertx.core.buffer.Buffer.buffer(new byte[1_000_000]));
            }
            response.end();
        });
        router.get(prefix + "/rows").handler(context -> {
            HttpServerResponse response = context.response().setChunked(true).putHeader("Content-Type", "text/csv");
            for (int i = 0; i < ROWS; i++) {
                response.write(row(i));
            }
            response.end();
        });
        router.get(prefix + "/slow").handler(context -> {
            // never answers: the gateway's timeout must
        });
        router.get(prefix + "/missing").handler(context -> context.response().setStatusCode(404)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("status", 404).put("title", "Not found").put("detail", "thing not found").encode()));
        router.post(prefix + "/roster-checks").handler(context -> json(context, new JsonObject().put("results", new JsonArray())));
        router.post(prefix + "/completion-reports").handler(context -> json(context, new JsonObject().put("results", new JsonArray())));
        router.get("/q/openapi").handler(context -> json(context, openApi(service, conflicting)));
        if (service.equals("catalog")) {
            router.get(prefix + "/courses").handler(context -> json(context, new JsonObject().putNull("nextCursor")
                    .put("search", COURSE_SEARCHES.incrementAndGet())
                    .put("query", context.request().query())
                    .put("items", new JsonArray().add(new JsonObject().put("id", "k-9").put("title", "Free HIPAA refresher")))));
        }
        if (service.equals("credits")) {
            router.get(prefix + "/learners/:learnerId/credits").handler(this::credits);
        }
        if (service.equals("compliance")) {
            router.get(prefix + "/learners/:learnerId/status").handler(this::status);
            router.get(prefix + "/learners/:learnerId/plan").handler(this::plan);
            router.get(prefix + "/learners/:learnerId/overview").handler(this::overview);
        }
        HttpServer server = vertx.createHttpServer().requestHandler(router);
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join().actualPort();
    }

    /** Row {@code i} of {@code /rows}. */
    public static String row(int i) {
        return "learner-" + i + ",EMP-" + i + ",true,CMA_AAMA,ON_TRACK\n";
    }

    private void echo(String service, RoutingContext context) {
        context.request().body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            context.request().headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            json(context, new JsonObject()
                    .put("service", service)
                    .put("method", context.request().method().name())
                    .put("uri", context.request().uri())
                    .put("headers", headers)
                    .put("bodyBytes", body.length())
                    .put("bodySha256", sha256(body.getBytes())));
        });
    }

    private void startStream(RoutingContext context) {
        HttpServerResponse response = context.response().setChunked(true).putHeader("Content-Type", "text/plain");
        response.write("first;");
        synchronized (streaming) {
            streaming.add(response);
        }
    }

    private void releaseStreams(RoutingContext context) {
        List<HttpServerResponse> waiting;
        synchronized (streaming) {
            waiting = new ArrayList<>(streaming);
            streaming.clear();
        }
        waiting.forEach(response -> response.end("last"));
        json(context, new JsonObject().put("released", waiting.size()));
    }

    private void credits(RoutingContext context) {
        String learner = context.pathParam("learnerId");
        if (SILENT_LEARNER.equals(learner)) {
            return;
        }
        if (!authorized(context)) {
            return;
        }
        JsonObject credit = new JsonObject().put("id", "c-1").put("learnerId", learner).put("title", "Vital signs refresher")
                .put("amount", new JsonObject().put("value", 2).put("unit", "AAMA_CEU"))
                .put("limitAsked", context.request().getParam("limit"));
        json(context, new JsonObject().put("items", new JsonArray().add(credit)).putNull("nextCursor"));
    }

    private void status(RoutingContext context) {
        if (!authorized(context)) {
            return;
        }
        json(context, status(context.pathParam("learnerId"), context.request().getParam("credential")));
    }

    private void plan(RoutingContext context) {
        if (!authorized(context)) {
            return;
        }
        json(context, plan(context.request().getParam("credential")));
    }

    /** The credentials asked for, then those held (CMA_AAMA and RMA_AMT), each with its status and plan. */
    private void overview(RoutingContext context) {
        if (!authorized(context)) {
            return;
        }
        String learner = context.pathParam("learnerId");
        java.util.Set<String> credentials = new java.util.LinkedHashSet<>(context.queryParam("credential"));
        credentials.addAll(List.of("CMA_AAMA", "RMA_AMT"));
        JsonArray items = new JsonArray();
        credentials.forEach(credential -> items.add(new JsonObject().put("credential", credential)
                .put("status", status(learner, credential)).put("plan", plan(credential))));
        json(context, new JsonObject().put("learnerId", learner).put("asOf", "2026-11-25").put("credentials", items));
    }

    private static JsonObject status(String learner, String credential) {
        return new JsonObject()
                .put("learnerId", learner)
                .put("credential", credential)
                .put("status", "AT_RISK")
                .put("dueDate", "2027-03-31")
                .put("daysRemaining", 126)
                .put("requirements", new JsonArray()
                        .add(new JsonObject().put("code", "TOTAL").put("required", 60).put("earned", 38).put("shortfall", 22))
                        .add(new JsonObject().put("code", "CLINICAL").put("required", 10).put("earned", 4).put("shortfall", 6))
                        .add(new JsonObject().put("code", "GENERAL").put("required", 10).put("earned", 12).put("shortfall", 0)));
    }

    private static JsonObject plan(String credential) {
        return new JsonObject()
                .put("credential", credential)
                .put("totalFee", new JsonObject().put("amount", 25.0).put("currency", "USD"))
                .put("courses", new JsonArray().add(new JsonObject().put("courseId", "k-1").put("title", "Clinical skills")));
    }

    /** Like a real service: no token, no data. */
    private static boolean authorized(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            context.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 401).put("detail", "a valid bearer token is required").encode());
            return false;
        }
        return true;
    }

    /** Each service's document; when {@code conflicting}, all of them define a {@code Shared} schema, each its own way. */
    private static JsonObject openApi(String service, boolean conflicting) {
        String prefix = "/api/v1/" + service;
        String tag = "Things of " + service;
        JsonObject problemResponse = new JsonObject().put("description", "Invalid")
                .put("content", new JsonObject().put("application/problem+json",
                        new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
        JsonObject operation = new JsonObject()
                .put("tags", new JsonArray().add(tag))
                .put("operationId", service + "Things")
                .put("summary", "List the " + service + " things")
                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                .put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", "OK").put("content", new JsonObject().put("application/json",
                                new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Thing" + service)))))
                        .put("400", problemResponse));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Recert " + service + " API").put("version", "1.0.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", tag).put("description", "The " + service + " things")))
                .put("paths", new JsonObject()
                        .put(prefix + "/things", new JsonObject().put("get", operation))
                        .put("/q/internal", new JsonObject().put("get", new JsonObject().put("responses",
                                new JsonObject().put("200", new JsonObject().put("description", "OK"))))))
                .put("components", new JsonObject()
                        .put("schemas", schemas(service, conflicting))
                        .put("securitySchemes", new JsonObject().put("SecurityScheme",
                                new JsonObject().put("type", "http").put("scheme", "bearer"))));
    }

    /** The gateway's own document defines Problem as every service's does; the fakes leave it to the gateway. */
    private static JsonObject schemas(String service, boolean conflicting) {
        JsonObject schemas = new JsonObject().put("Thing" + service, new JsonObject().put("type", "object"));
        if (conflicting) {
            schemas.put("Shared", new JsonObject().put("type", "object").put("description", "the " + service + " shape"));
        }
        return schemas;
    }

    private static void json(RoutingContext context, JsonObject body) {
        context.response().putHeader("Content-Type", "application/json")
                // a service's own copy of a header the gateway also sets must not come twice
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body.encode());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port that was free a moment ago and that nobody listens on: a stopped service. */
    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
