package org.recert.credits.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the credits service; each can be set by environment variable (RECERT_CREDITS_MAX_REPORT_ROWS, ...). */
@ConfigMapping(prefix = "recert.credits")
public interface CreditsConfig {

    /** Most rows one completion report may carry; a larger one is refused whole with 413. */
    @WithDefault("10000")
    int maxReportRows();

    /** Page size of credit lists when the client does not ask for one. */
    @WithDefault("50")
    int defaultPageSize();

    /** Largest page a client may ask for. */
    @WithDefault("200")
    int maxPageSize();

    /** How long an Idempotency-Key is remembered: a retry later than this records a new credit. */
    @WithDefault("P7D")
    java.time.Duration idempotencyRetention();
}
