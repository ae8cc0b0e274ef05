package org.recert.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A body of unannounced length (chunked, either way) that may not grow past a limit: once it does, the stream fails,
 * which aborts the transfer, after {@code onExceeded} has dealt with the client.
 */
final class CappedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable onExceeded;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    CappedBody(ReadStream<Buffer> source, long limit, Runnable onExceeded) {
        this.source = source;
        this.limit = limit;
        this.onExceeded = onExceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                exceeded = true;
                // answer the client first: failing the stream aborts the service's request at once
                onExceeded.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new IllegalStateException("request body over " + limit + " bytes"));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
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
        source.endHandler(end -> {
            if (!exceeded && endHandler != null) {
                endHandler.handle(end);
            }
        });
        return this;
    }
}
