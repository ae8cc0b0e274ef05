package org.recert.compliance.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo learners' data (docs/contracts.md): the local launcher turns it on, production never does. */
@ConfigMapping(prefix = "recert.demo-data")
public interface DemoDataConfig {

    /** Load the demo learners' certifications at start (idempotent). */
    @WithDefault("false")
    boolean enabled();
}
