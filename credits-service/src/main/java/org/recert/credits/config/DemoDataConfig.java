package org.recert.credits.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo ledger loaded by {@code ./recert up}; never in production. */
@ConfigMapping(prefix = "recert.demo-data")
public interface DemoDataConfig {

    /** Whether to load the demo credits of maria and james at start (idempotent). */
    @WithDefault("false")
    boolean enabled();
}
