package org.recert.system.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.recert.systemtests.conformance.OpenApiConformance;

/**
 * Sends requests to the suite's gateway exactly as given (no client-side validation, no charset added), so that
 * hostile bodies reach the server byte for byte. A {@link #checked} gateway also holds every exchange to the
 * merged OpenAPI document; the hostile run's is not, since its requests are outside the document on purpose.
 */
final class Gateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final boolean conformanceChecked;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Gateway(String baseUrl) {
        this(baseUrl, false);
    }

    private Gateway(String baseUrl, boolean conformanceChecked) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.conformanceChecked = conformanceChecked;
    }

    /** A gateway whose every answer must conform to the merged OpenAPI document (else the exchange fails). */
    static Gateway checked(String baseUrl) {
        return new Gateway(baseUrl, true);
    }

    String baseUrl() {
        return baseUrl;
    }

    Answer send(ApiRequest request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery())).timeout(TIMEOUT);
        request.headers().forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType());
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = new Answer(response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
            if (conformanceChecked) {
                OpenApiConformance.of(baseUrl).verify(new OpenApiConformance.Exchange(request.method(), request.pathAndQuery(),
                        request.body() == null ? null : request.contentType(),
                        request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8), answer.status(),
                        response.headers().firstValue("Content-Type").orElse(null), answer.body()));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(request + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request + " interrupted", e);
        }
    }
}
