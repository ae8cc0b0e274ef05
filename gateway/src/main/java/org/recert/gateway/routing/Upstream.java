package org.recert.gateway.routing;

import java.net.URI;
import java.time.Duration;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.WebClient;
import org.recert.gateway.config.GatewayConfig;

/**
 * One service behind the gateway: where it is, the path prefix it owns, its connection pool, its timeouts
 * and its circuit breaker. Proxy and dashboard calls share the pool and the breaker.
 */
public final class Upstream {

    private final String name;
    private final String prefix;
    private final URI url;
    private final boolean ssl;
    private final int port;
    /** {@code scheme://host:port}, to which a request's path and query are appended for its span. */
    private final String origin;
    private final Duration timeout;
    private final HttpClient client;
    private final WebClient webClient;
    private final CircuitBreaker breaker;

    Upstream(Vertx vertx, String name, GatewayConfig.Service config) {
        this.name = name;
        this.prefix = "/api/v1/" + name;
        this.url = config.url();
        this.timeout = config.timeout();
        this.ssl = "https".equalsIgnoreCase(url.getScheme());
        this.port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        this.origin = url.getScheme() + "://" + url.getRawAuthority();
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(port)
                .setSsl(ssl)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(false)
                // the gateway's own CLIENT span (UpstreamSpans) is the one each call carries on; Vert.x's would be a second
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setName("upstream-" + name);
        this.client = vertx.createHttpClient(options);
        this.webClient = WebClient.wrap(client);
        this.breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor());
    }

    public String name() {
        return name;
    }

    /** The path prefix this service owns at the gateway, e.g. {@code /api/v1/catalog}. */
    public String prefix() {
        return prefix;
    }

    public URI url() {
        return url;
    }

    /** The service's port (the scheme's default when its URL names none). */
    public int port() {
        return port;
    }

    /** The full URL of {@code uri} (a path with its query, as a request carries it) at this service. */
    public String fullUrl(String uri) {
        return origin + uri;
    }

    public Duration timeout() {
        return timeout;
    }

    public HttpClient client() {
        return client;
    }

    public WebClient webClient() {
        return webClient;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** Options of a request to this service; the idle timeout turns a silent service into a 504. */
    public RequestOptions requestOptions(String uri) {
        return requestOptions(uri, timeout);
    }

    /** Options of a request to this service that may stay silent for {@code idleTimeout} at most. */
    public RequestOptions requestOptions(String uri, Duration idleTimeout) {
        return new RequestOptions()
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setURI(uri)
                .setIdleTimeout(idleTimeout.toMillis());
    }

    /** Whether {@code path} belongs to this service. */
    public boolean owns(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    void close() {
        webClient.close();
    }
}
