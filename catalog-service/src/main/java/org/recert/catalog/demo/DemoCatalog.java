package org.recert.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.recert.catalog.config.DemoDataConfig;
import org.recert.catalog.domain.Actor;
import org.recert.catalog.domain.CourseDraft;
import org.recert.catalog.domain.ProviderInput;
import org.recert.catalog.service.CourseCatalog;
import org.recert.catalog.service.ProviderDirectory;

/**
 * Loads the starter catalog of {@code ./recert up} through the catalog's own services, so the courses are
 * validated, reviewed and published with their events. Idempotent: what exists (by id) is left alone, so a
 * restart loads nothing twice. Off unless {@code recert.demo-data.enabled=true}.
 */
@ApplicationScoped
public class DemoCatalog {

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class);

    /** The demo file: providers and courses, each with its stable id. */
    record Content(List<DemoProvider> providers, List<DemoCourse> courses) {
    }

    record DemoProvider(UUID id, ProviderInput provider) {
    }

    record DemoCourse(UUID id, CourseDraft course) {
    }

    /** How many providers and courses a load added. */
    public record Loaded(int providers, int courses) {
    }

    private final DemoDataConfig config;
    private final ProviderDirectory providers;
    private final CourseCatalog catalog;
    private final ObjectMapper objectMapper;

    public DemoCatalog(DemoDataConfig config, ProviderDirectory providers, CourseCatalog catalog, ObjectMapper objectMapper) {
        this.config = config;
        this.providers = providers;
        this.catalog = catalog;
        this.objectMapper = objectMapper;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            Loaded loaded = load();
            LOG.infof("demo catalog: %d providers and %d courses added", loaded.providers(), loaded.courses());
        }
    }

    public Loaded load() {
        Content content = read();
        Actor system = Actor.system();
        int addedProviders = 0;
        for (DemoProvider provider : content.providers()) {
            if (!providers.exists(provider.id())) {
                providers.create(provider.id(), provider.provider());
                addedProviders++;
            }
        }
        int addedCourses = 0;
        for (DemoCourse course : content.courses()) {
            if (catalog.exists(course.id())) {
                continue;
            }
            try {
                catalog.create(system, course.id(), course.course());
                catalog.publish(system, course.id(), null);
                addedCourses++;
            } catch (RuntimeException e) {
                // another replica starting at the same time may have loaded it first
                if (!catalog.exists(course.id())) {
                    throw e;
                }
                LOG.debugf("demo course %s was loaded concurrently", course.id());
            }
        }
        return new Loaded(addedProviders, addedCourses);
    }

    Content read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.catalogResource())) {
            if (in == null) {
                throw new IllegalStateException("demo catalog resource " + config.catalogResource() + " is missing");
            }
            return objectMapper.readValue(in, Content.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo catalog resource " + config.catalogResource() + " is unreadable", e);
        }
    }
}
