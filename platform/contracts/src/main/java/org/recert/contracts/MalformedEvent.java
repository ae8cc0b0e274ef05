package org.recert.contracts;

/** An event's data breaks its published schema: it is the event's fault, so the consumer parks it on the DLQ. */
public class MalformedEvent extends IllegalArgumentException {

    public MalformedEvent(String message) {
        super(message);
    }

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
