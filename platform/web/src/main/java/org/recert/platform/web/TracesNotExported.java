package org.recert.platform.web;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Where finished spans go while no OTLP endpoint is configured: nowhere. Spans, trace ids in the logs and W3C
 * propagation work all the same; without this exporter Quarkus would send to localhost:4317 and log each failure.
 * Setting {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (or {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}) hides
 * this bean from lookups, and Quarkus' own OTLP exporter takes its place.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = TracesNotExported.ENDPOINT, stringValue = TracesNotExported.UNSET)
public class TracesNotExported implements SpanExporter {

    /** The OTLP traces endpoint the operator set, or {@link #UNSET} (see microprofile-config.properties). */
    static final String ENDPOINT = "recert.tracing.otlp-endpoint";
    /** Quarkus' default endpoint, which Quarkus itself reads as "none configured". */
    static final String UNSET = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
