package org.recert.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    /** One unit of a shared load: unit {@code n} done by client {@code client}. */
    interface Unit {
        void run(int client, int n);
    }

    /**
     * Units 0 to {@code count - 1} done by {@code clients} threads, each taking the next; returns when all are done. The
     * first failure stops the clients and is thrown here.
     */
    static void share(String name, int clients, int count, Unit unit) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(start(name + "-" + c, () -> {
                int n;
                while ((n = next.getAndIncrement()) < count && failure.get() == null) {
                    try {
                        unit.run(client, n);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Parks until {@code deadline} (a System.nanoTime value); returns at once when it is past. */
    static void parkUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
