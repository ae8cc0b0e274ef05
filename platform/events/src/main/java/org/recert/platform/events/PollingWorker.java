package org.recert.platform.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A background thread that repeats one pass over stored work (outbox rows, due webhook deliveries): at once while
 * a pass finds a full batch, otherwise after the poll interval or as soon as {@link #wake()} is called. A pass that
 * fails is retried with exponential backoff; the work waits where it is stored.
 */
public final class PollingWorker {

    /** One pass; true when it may have left work behind (a full batch) and the next should follow at once. */
    @FunctionalInterface
    public interface Pass {
        boolean run() throws Exception;
    }

    /**
     * What the owner logs: a failed pass ({@code inARow} counts the failures since the last pass that worked; the
     * next try follows after {@code retryIn}) and the first pass that works again.
     */
    public interface Listener {
        void failed(Exception failure, int inARow, Duration retryIn);

        default void recovered() {
        }
    }

    private final String name;
    private final Duration pollInterval;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Pass pass;
    private final Listener listener;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public PollingWorker(String name, Duration pollInterval, Duration firstBackoff, Duration maxBackoff, Pass pass,
            Listener listener) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.pass = pass;
        this.listener = listener;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the pass under way, waiting for it at most {@code patience}. */
    public synchronized void stop(Duration patience) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(patience.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks for a pass now. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void loop() {
        long backoffMillis = 0;
        int failures = 0;
        while (running) {
            try {
                boolean more = pass.run();
                if (failures > 0) {
                    listener.recovered();
                    failures = 0;
                }
                backoffMillis = 0;
                if (!more) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMillis = Math.min(Math.max(backoffMillis * 2, firstBackoff.toMillis()), maxBackoff.toMillis());
                failures++;
                listener.failed(e, failures, Duration.ofMillis(backoffMillis));
                try {
                    TimeUnit.MILLISECONDS.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
