package org.recert.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo catalog loaded by {@code ./recert up}; never in production. */
@ConfigMapping(prefix = "recert.demo-data")
public interface DemoDataConfig {

    /** Whether the starter catalog is loaded at start (idempotently). */
    @WithDefault("false")
    boolean enabled();

    /** Classpath resource holding the starter catalog. */
    @WithDefault("demo/catalog.json")
    String catalogResource();
}
