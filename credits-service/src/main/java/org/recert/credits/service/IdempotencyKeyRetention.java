package org.recert.credits.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.recert.credits.config.CreditsConfig;
import org.recert.credits.store.IdempotencyStore;

/** Idempotency keys protect retries, not history: they are forgotten after the configured retention. */
@ApplicationScoped
public class IdempotencyKeyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyRetention.class);

    private final IdempotencyStore keys;
    private final CreditsConfig config;
    private final Clock clock;

    public IdempotencyKeyRetention(IdempotencyStore keys, CreditsConfig config, Clock clock) {
        this.clock = clock;
        this.keys = keys;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        forgetExpired();
    }

    /** Forgets the keys older than the retention; returns how many. */
    @Transactional
    public int forgetExpired() {
        int forgotten = keys.forgetBefore(clock.instant().minus(config.idempotencyRetention()));
        if (forgotten > 0) {
            LOG.infof("forgot %d idempotency keys older than %s", forgotten, config.idempotencyRetention());
        }
        return forgotten;
    }
}
