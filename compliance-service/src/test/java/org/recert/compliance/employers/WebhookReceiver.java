package org.recert.compliance.employers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a free port, as an employer's system would run one: it verifies each request's
 * Standard Webhooks signature with that convention's library, answers 401 to a bad one, and can be told to
 * fail the next requests with 500.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as received, and whether its signature verified. */
    public record Received(String messageId, String body, JsonNode json, boolean signatureValid, int answeredWith,
            Map<String, List<String>> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private volatile Webhook verifier;
    private volatile Duration answerAfter = Duration.ZERO;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // several requests at once, as a real receiver takes them: a slow answer does not queue the next request
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", exchange -> {
            sleep(answerAfter);
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            boolean valid;
            try {
                verifier.verify(body, headers);
                valid = true;
            } catch (WebhookVerificationException | RuntimeException e) {
                valid = false;
            }
            int status = !valid ? 401 : failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            received.add(new Received(headers.getOrDefault("webhook-id", List.of("")).get(0), body, JSON.readTree(body), valid, status, Map.copyOf(headers)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The secret the subscription was given, in any form our API accepts. */
    public WebhookReceiver verifyingWith(String secret) {
        this.verifier = new Webhook(secret.startsWith("whsec_") ? secret
                : "whsec_" + java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Takes this long before it reads and answers each request, as an overloaded receiver does. */
    public WebhookReceiver answeringAfter(Duration delay) {
        answerAfter = delay;
        return this;
    }

    public WebhookReceiver failNext(int requests) {
        failuresToGo.set(requests);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests answered 2xx, i.e. deliveries that succeeded. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answeredWith() < 300).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
