package org.recert.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a built service in launcher tests: answers {@code /q/health/ready}, shows at {@code /env} the
 * settings the launcher gave it, and exits when its stdin closes, as the platform's ParentLifeline does.
 */
public final class FakeService {

    static final List<String> SHOWN = List.of("QUARKUS_PROFILE", "QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST",
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "KAFKA_BOOTSTRAP_SERVERS",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SMALLRYE_JWT_SIGN_KEY_LOCATION", "RECERT_DEMO_DATA_ENABLED",
            "RECERT_EXIT_WITH_PARENT", "RECERT_GATEWAY_SERVICES_CATALOG_URL", "RECERT_GATEWAY_DEV_TOKENS_ENABLED",
            "RECERT_CONSUMER_DELIVER_TWICE");

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> answer(exchange, SHOWN.stream()
                .map(name -> name + "=" + System.getenv().getOrDefault(name, ""))
                .collect(Collectors.joining("\n"))));
        server.start();
        while (System.in.read() >= 0) {
            // the launcher never writes
        }
        server.stop(0);
        System.exit(0);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
