package org.recert.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import org.recert.gateway.config.GatewayConfig;
import org.recert.gateway.openapi.OpenApiRoutes;

/**
 * Binds each service's path prefix to its streaming proxy, the merged OpenAPI documents to their paths, and every
 * other path (the pages) to the web app when there is one.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** The paths the gateway keeps for the API and itself; everything else belongs to the web app. */
    private static final String WEB_PATHS = "^/(?!api/|q/|dev/|openapi\\.).*";
    private static final Pattern WEB_PATH = Pattern.compile(WEB_PATHS);

    private final ServiceProxy proxy;
    private final OpenApiRoutes openApi;
    private final Vertx vertx;
    private final GatewayConfig config;

    public GatewayRoutes(ServiceProxy proxy, OpenApiRoutes openApi, Vertx vertx, GatewayConfig config) {
        this.proxy = proxy;
        this.openApi = openApi;
        this.vertx = vertx;
        this.config = config;
    }

    /** The web app as an upstream: the services' connection, pool and circuit-breaker defaults. */
    private record WebApp(URI url, Duration timeout) implements GatewayConfig.Service, GatewayConfig.Breaker {

        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int maxConnections() {
            return 64;
        }

        @Override
        public GatewayConfig.Breaker circuitBreaker() {
            return this;
        }

        @Override
        public int failureThreshold() {
            return 5;
        }

        @Override
        public Duration openFor() {
            return Duration.ofSeconds(10);
        }
    }

    /** Whether the web app, not the API, answers this path. */
    public static boolean isWebPath(String path) {
        return WEB_PATH.matcher(path).matches();
    }

    void register(@Observes Router router) {
        for (Upstream upstream : proxy.upstreams().all()) {
            HttpProxy httpProxy = proxy.proxyFor(upstream);
            // before the REST endpoints, so that a service's path never falls through to the gateway's own
            router.route(upstream.prefix() + "/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(context -> {
                        HttpServerRequest request = context.request();
                        if (request.version() == HttpVersion.HTTP_2 && !request.isEnded()
                                && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                            // HTTP/2 has no chunked encoding: tell the proxy to send this body of unknown length chunked
                            request.headers().set(HttpHeaders.TRANSFER_ENCODING, "chunked");
                        }
                        httpProxy.handle(request);
                    });
        }
        openApi.register(router);
        config.web().url().ifPresent(url -> {
            HttpProxy webProxy = proxy.proxyFor(new Upstream(vertx, "web", new WebApp(url, config.web().timeout())));
            router.routeWithRegex(WEB_PATHS).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(context -> webProxy.handle(context.request()));
        });
    }
}
