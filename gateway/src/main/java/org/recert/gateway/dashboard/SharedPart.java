package org.recert.gateway.dashboard;

import java.time.Duration;
import java.util.function.Supplier;

import io.vertx.core.Future;

/**
 * A dashboard part that is the same for every learner (the suggested courses: one catalog query, published courses
 * only), kept for a short while and given to every dashboard in that time, so that the service is asked once per
 * {@code freshFor} rather than once per view. Only an answer is kept: a failure is that dashboard's alone, and the
 * next one asks again. Two dashboards that find it stale at once both ask; the later answer is kept.
 */
final class SharedPart {

    private record Kept(Part part, long until) {
    }

    private final long freshForNanos;
    private volatile Kept kept;

    /** {@code freshFor}: how long an answer is given out again; zero asks the service for every dashboard. */
    SharedPart(Duration freshFor) {
        this.freshForNanos = freshFor.toNanos();
    }

    Future<Part> get(Supplier<Future<Part>> fetch) {
        Kept held = kept;
        if (held != null && held.until() - System.nanoTime() > 0) {
            return Future.succeededFuture(held.part());
        }
        return fetch.get().onSuccess(part -> {
            if (part.available() && freshForNanos > 0) {
                kept = new Kept(part, System.nanoTime() + freshForNanos);
            }
        });
    }
}
