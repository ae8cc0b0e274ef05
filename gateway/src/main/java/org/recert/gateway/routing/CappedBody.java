package org.recert.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A body of unannounced length (chunked, either way) that may not grow past a limit: once it does, the stream fails,
 * which aborts the transfer, after {@code onExceeded} has dealt with the client.
 *
 * <p>What one event-loop turn read goes on as one piece: the HTTP decoder hands on every chunk the other side wrote
 * (a service that flushes each CSV row writes 10,000 of them), and each handed on alone would cost a write, a flush
 * and a TCP segment of its own towards the client. Nothing waits for more than the turn it was read in.
 */
final class CappedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable onExceeded;
    /** The event loop's context the stream is read on; null off a Vert.x thread, where nothing is gathered. */
    private final Context context;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    /** Read this turn and not yet handed on; null when nothing is. */
    private Buffer gathered;
    /** Whether {@link #gathered} is a buffer of this stream's own (pieces appended), not the source's first piece. */
    private boolean gatheredOwn;
    private boolean handOnScheduled;
    private boolean endedMeanwhile;

    CappedBody(ReadStream<Buffer> source, long limit, Runnable onExceeded) {
        this.source = source;
        this.limit = limit;
        this.onExceeded = onExceeded;
        this.context = Vertx.currentContext();
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        source.handler(handler == null ? null : this::read);
        return this;
    }

    private void read(Buffer chunk) {
        if (exceeded) {
            return;
        }
        seen += chunk.length();
        if (seen > limit) {
            exceeded = true;
            gathered = null;
            // answer the client first: failing the stream aborts the service's request at once
            onExceeded.run();
            if (exceptionHandler != null) {
                exceptionHandler.handle(new IllegalStateException("request body over " + limit + " bytes"));
            }
            return;
        }
        if (context == null) {
            handler.handle(chunk);
            return;
        }
        if (gathered == null) {
            gathered = chunk;
            gatheredOwn = false;
        } else {
            if (!gatheredOwn) {
                gathered = Buffer.buffer(Math.max(4096, 2 * (gathered.length() + chunk.length()))).appendBuffer(gathered);
                gatheredOwn = true;
            }
            gathered.appendBuffer(chunk);
        }
        if (!handOnScheduled) {
            handOnScheduled = true;
            // runs once this turn's reads are done
            context.runOnContext(v -> handOn());
        }
    }

    private void handOn() {
        handOnScheduled = false;
        Buffer chunk = gathered;
        gathered = null;
        if (exceeded) {
            return;
        }
        if (chunk != null && handler != null) {
            handler.handle(chunk);
        }
        if (endedMeanwhile && endHandler != null) {
            endHandler.handle(null);
        }
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        source.endHandler(end -> {
            if (exceeded) {
                return;
            }
            if (handOnScheduled) {
                // the last pieces go first
                endedMeanwhile = true;
            } else if (this.endHandler != null) {
                this.endHandler.handle(end);
            }
        });
        return this;
    }
}
