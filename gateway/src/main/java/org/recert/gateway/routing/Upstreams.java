package org.recert.gateway.routing;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import org.recert.gateway.config.GatewayConfig;

/** The services behind the gateway. */
@ApplicationScoped
public class Upstreams {

    private final List<Upstream> all;

    public Upstreams(Vertx vertx, GatewayConfig config) {
        this.all = List.of(
                new Upstream(vertx, "catalog", config.services().catalog()),
                new Upstream(vertx, "credits", config.services().credits()),
                new Upstream(vertx, "compliance", config.services().compliance()),
                new Upstream(vertx, "notifications", config.services().notifications()));
    }

    public List<Upstream> all() {
        return all;
    }

    public Upstream named(String name) {
        return all.stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public Optional<Upstream> owning(String path) {
        return all.stream().filter(u -> u.owns(path)).findFirst();
    }

    @PreDestroy
    void close() {
        all.forEach(Upstream::close);
    }
}
