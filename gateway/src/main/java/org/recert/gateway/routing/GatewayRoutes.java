package org.recert.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import org.recert.gateway.openapi.OpenApiRoutes;

/** Binds each service's path prefix to its streaming proxy, and the merged OpenAPI documents to their paths. */
@ApplicationScoped
public class GatewayRoutes {

    private final ServiceProxy proxy;
    private final OpenApiRoutes openApi;

    public GatewayRoutes(ServiceProxy proxy, OpenApiRoutes openApi) {
        this.proxy = proxy;
        this.openApi = openApi;
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
    }
}
