package org.recert.platform.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * For a service started by the local launcher: when the launcher's end of our stdin closes (it exited, or
 * was killed), the service shuts down too, so that no orphan keeps a port. Off unless asked for.
 */
@ApplicationScoped
public class ParentLifeline {

    private static final Logger LOG = Logger.getLogger(ParentLifeline.class);

    private final boolean enabled;

    public ParentLifeline(@ConfigProperty(name = "recert.exit-with-parent", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the launcher never writes
                }
            } catch (java.io.IOException ignored) {
                // a broken pipe means the same
            }
            LOG.info("launcher gone: shutting down");
            Quarkus.asyncExit(0);
        }, "parent-lifeline");
        watcher.setDaemon(true);
        watcher.start();
    }
}
