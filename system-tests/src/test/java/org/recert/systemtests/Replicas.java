package org.recert.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.recert.devstack.Suite;

/**
 * Extra instances of suite services, started in parallel (each JVM takes seconds to start) and closed together,
 * so that the tests after them meet the normal suite again.
 */
final class Replicas implements AutoCloseable {

    private final Map<String, Suite.Replica> byService;

    private Replicas(Map<String, Suite.Replica> byService) {
        this.byService = byService;
    }

    /** One replica of each service key, with its own extra settings; waits until all are ready. */
    static Replicas start(Suite suite, Map<String, Map<String, String>> environmentByService) {
        Map<String, CompletableFuture<Suite.Replica>> starting = new LinkedHashMap<>();
        environmentByService.forEach((service, environment) ->
                starting.put(service, CompletableFuture.supplyAsync(() -> suite.startReplica(service, environment))));
        Map<String, Suite.Replica> started = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (Map.Entry<String, CompletableFuture<Suite.Replica>> entry : starting.entrySet()) {
            try {
                started.put(entry.getKey(), entry.getValue().join());
            } catch (CompletionException e) {
                failure = failure == null ? new IllegalStateException("a replica did not start", e.getCause()) : failure;
            }
        }
        if (failure != null) {
            started.values().forEach(Suite.Replica::close);
            throw failure;
        }
        return new Replicas(started);
    }

    Suite.Replica of(String service) {
        Suite.Replica replica = byService.get(service);
        if (replica == null) {
            throw new IllegalArgumentException("no replica of " + service + " in " + byService.keySet());
        }
        return replica;
    }

    @Override
    public void close() {
        List.copyOf(byService.values()).forEach(Suite.Replica::close);
    }
}
