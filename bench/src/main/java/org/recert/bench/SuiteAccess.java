package org.recert.bench;

import java.util.List;

import org.recert.devstack.Database;

/** What the benchmark asks of the running suite (devstack's {@code Suite}; see {@link DevstackSuite}). */
interface SuiteAccess extends AutoCloseable {

    /** The domain services (notification-service included) and the gateway, by the keys the suite knows them by. */
    List<String> SERVICES = List.of("catalog", "credits", "compliance", "notifications", "gateway");

    String gatewayUrl();

    /** A domain service's own base URL, e.g. {@code http://127.0.0.1:8083}, without a trailing slash. */
    String serviceUrl(String service);

    String token(String subject, List<String> groups, String organization, String provider);

    Database database(String name);

    String bootstrapServers();

    /** The process id of a running service. */
    long pid(String service);

    /** Stops a service (SIGTERM, its graceful shutdown), returning once it has exited. */
    void stop(String service);

    /** Starts a stopped service again with the same settings, returning once it is ready. */
    void start(String service);

    @Override
    void close();
}
