package org.recert.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/** Says once at start where traces go, so that an operator sees a missing or mistyped OTLP endpoint at once. */
@ApplicationScoped
public class TraceExportNotice {

    private static final Logger LOG = Logger.getLogger(TraceExportNotice.class);

    private final TracingConfig config;

    public TraceExportNotice(TracingConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.exported()) {
            LOG.infof("traces: exported by OTLP to %s", config.otlpEndpoint());
        } else {
            LOG.info("traces: not exported (set QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT to export them by OTLP)");
        }
    }
}
