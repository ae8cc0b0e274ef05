package org.recert.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import org.recert.gateway.routing.GatewayRoutes;

/**
 * The security headers of every answer, set once by the gateway (a service's own copy is dropped, so that no
 * header comes twice). The API gets a deny-all content security policy; the Swagger UI page needs its scripts.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final Map<String, String> ALWAYS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "Cross-Origin-Resource-Policy", "same-site");
    static final String CSP = "Content-Security-Policy";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** The web app's pages: its own scripts, styles and images only, nothing inline. */
    static final String WEB_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /** The headers the gateway sets on every answer (CSP included): a service's copy of one is dropped. */
    public static final List<String> GATEWAY_OWNED = Stream.concat(ALWAYS.keySet().stream(), Stream.of(CSP)).toList();
    private static final Set<String> GATEWAY_OWNED_LOWER = GATEWAY_OWNED.stream().map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    public static boolean isGatewayOwned(String header) {
        return GATEWAY_OWNED_LOWER.contains(header.toLowerCase(Locale.ROOT));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            ALWAYS.forEach(context.response()::putHeader);
            String path = context.request().path();
            if (GatewayRoutes.isWebPath(path)) {
                context.response().putHeader(CSP, WEB_CSP);
                // no-referrer would make the browser send "Origin: null" with the pages' own form posts, which CORS
                // refuses; same-origin still sends nothing to other sites (the identity provider included)
                context.response().putHeader("Referrer-Policy", "same-origin");
            } else if (!path.startsWith("/q/swagger-ui")) {
                context.response().putHeader(CSP, API_CSP);
            }
            context.next();
        }, 1100);
    }
}
