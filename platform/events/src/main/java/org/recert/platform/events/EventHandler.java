package org.recert.platform.events;

import java.util.Set;

/**
 * Applies events of some topics to a service's own state. The consumer calls {@link #handle} inside a
 * transaction that also records the event's id, so an event delivered twice is applied once.
 */
public interface EventHandler {

    Set<String> topics();

    void handle(IncomingEvent event);
}
