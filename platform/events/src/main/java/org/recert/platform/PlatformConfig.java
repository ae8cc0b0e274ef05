package org.recert.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the shared kit; every one can be set by environment variable (RECERT_OUTBOX_BATCH_SIZE, ...). */
@ConfigMapping(prefix = "recert")
public interface PlatformConfig {

    /** Name of this service, used as the CloudEvents source and the consumer group. */
    @WithDefault("recert")
    String service();

    Outbox outbox();

    Consumer consumer();

    Kafka kafka();

    interface Outbox {
        /** Whether this instance runs an outbox relay; any number of replicas may. */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for events when no commit woke it (other replicas' commits, say). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most events published in one relay transaction. */
        @WithDefault("500")
        int batchSize();

        /** Longest wait between two attempts while Kafka is unreachable. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** How long sent events are kept for inspection before they are purged. */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Consumer {
        /** Whether this instance consumes events. */
        @WithDefault("true")
        boolean enabled();

        /** Attempts at a failing event before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /**
         * How long the ids of applied events are kept to recognise a redelivery: far beyond the few minutes in which Kafka
         * redelivers what was applied but not yet committed (a later replay meets handlers that keep the latest version).
         */
        @WithDefault("P30D")
        java.time.Duration processedRetention();

        /** Test switch: hands every event to its handler twice, to prove that handling is idempotent. */
        @WithDefault("false")
        boolean deliverTwice();
    }

    interface Kafka {
        /** Whether the service creates its topics at start (off where an operator owns them). */
        @WithDefault("true")
        boolean createTopics();

        /** Partitions of a topic this service creates. */
        @WithDefault("3")
        int partitions();

        /**
         * Topics this service produces, as name or name:compact; also a consumed topic that must be created compacted
         * should this service be the first to start.
         */
        Optional<List<String>> topics();

        /** Replicas of every topic this service creates: 1 on one local broker, 3 in production. */
        @WithDefault("1")
        short replicationFactor();

        /** Replicas that must hold an event before an acks=all send succeeds, on topics this service creates: 2 of 3 in production. */
        @WithDefault("1")
        int minInsyncReplicas();

        /**
         * Topics whose whole history must be kept, produced or consumed here (a projection is rebuilt from them): created
         * with unlimited retention, and checked at every start.
         */
        Optional<List<String>> historyTopics();

        /** Whether a history topic found with a finite retention at start is set to unlimited (off: only an error in the log). */
        @WithDefault("false")
        boolean fixHistoryRetention();
    }

}
