package org.recert.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void shouldTellAConnectionClosedUnderTheBodyReaderFromAnyOtherInputFailure() {
        // the chain RESTEasy Reactive's body reader throws when a replica closes its connections at the end of a shutdown
        IOException cutOff = new IOException(new IOException(new HttpClosedException("Connection was closed")));

        // and the one it throws when the channel is already closed as the body is read
        IOException closed = new IOException(new java.nio.channels.ClosedChannelException());

        assertThat(Failures.isClientGone(cutOff)).isTrue();
        assertThat(Failures.isClientGone(closed)).isTrue();
        assertThat(Failures.isClientGone(new IOException("disk full"))).isFalse();
        assertThat(Failures.isClientGone(new IllegalStateException(new IOException("Connection reset")))).isFalse();
    }
}
