package org.recert.notifications;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the reminders; each can be set by environment variable (RECERT_NOTIFICATIONS_PUBLIC_BASE_URL, ...). */
@ConfigMapping(prefix = "recert.notifications")
public interface NotificationsConfig {

    /** The address learners reach the suite at (the gateway, or the web app in front of it): links in mails start with it. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Days before the act-by date at which a learner who has not set their own offsets is reminded. */
    @WithDefault("180,90,30,14,7,1")
    List<Integer> defaultOffsets();

    /** Key of the HMAC that signs unsubscribe links; rotating it invalidates the links already mailed. */
    String unsubscribeSecret();

    /** A status change found longer ago than this is projected without a mail (a replay or rebuild of the topic). */
    @WithDefault("P7D")
    Duration staleAfter();

    Sweep sweep();

    Delivery delivery();

    interface Sweep {
        /** How often the time sweep looks for reminders that only the passing of days makes due ("off" to disable). */
        @WithDefault("1h")
        String every();
    }

    interface Delivery {
        /** How often the mail worker looks for pending reminders. */
        @WithDefault("5s")
        String every();

        /** Most reminders one worker claims at a time. */
        @WithDefault("20")
        int batchSize();

        /** Wait after the first failed send; doubled after each further failure. */
        @WithDefault("1m")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("6h")
        Duration maxBackoff();

        /** Failed sends after which a reminder is marked FAILED (kept, and shown to admins) instead of retried. */
        @WithDefault("12")
        int maxAttempts();
    }

    Digest digest();

    interface Digest {
        /** How often the employer digest pass looks for organizations whose digest of this ISO week is due ("off" to disable). */
        @WithDefault("1h")
        String every();
    }
}
