package org.recert.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether a service's clock may be moved (RECERT_CLOCK_MOVABLE): for the system tests' suite only, refused in production. */
@ConfigMapping(prefix = "recert.clock")
public interface ClockConfig {

    /**
     * Lets an admin move the service's "today" through {@code PUT /api/v1/dev/clock} (off: that path answers 404). A
     * service refuses to start with it on unless its profile is local, dev or test.
     */
    @WithDefault("false")
    boolean movable();
}
