package org.recert.platform.web;

import io.smallrye.config.ConfigMapping;

/** How traces leave the process. */
@ConfigMapping(prefix = "recert.tracing")
public interface TracingConfig {

    /**
     * The OTLP endpoint traces are exported to, or Quarkus' default {@code http://localhost:4317/} when none is
     * set (then nothing is exported; a collector on this host is {@code http://127.0.0.1:4317}): derived from
     * {@code quarkus.otel.exporter.otlp.traces.endpoint} or {@code quarkus.otel.exporter.otlp.endpoint}
     * (META-INF/microprofile-config.properties), so an operator sets only Quarkus' own variable.
     */
    String otlpEndpoint();

    /** Whether spans are exported (an OTLP endpoint is configured). */
    default boolean exported() {
        return !TracesNotExported.UNSET.equals(otlpEndpoint());
    }
}
