package org.recert.bench;

import java.util.concurrent.locks.LockSupport;

/** Plain platform threads, started at once; the benchmark's clients are threads, not an executor's tasks. */
final class Threads {

    private Threads() {
    }

    static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Parks until {@code deadline} (a System.nanoTime value); returns at once when it is past. */
    static void parkUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
