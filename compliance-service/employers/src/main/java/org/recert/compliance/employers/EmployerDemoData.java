package org.recert.compliance.employers;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The employer part of the demo of docs/contracts.md: Care Clinic, with maria (consenting) and james (not yet)
 * on its roster. Loaded only with {@code recert.demo-data.enabled=true}; a restart finds it and adds nothing.
 */
@ApplicationScoped
public class EmployerDemoData {

    public static final UUID CARE_CLINIC = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final Logger LOG = Logger.getLogger(EmployerDemoData.class);

    private final boolean enabled;
    private final Rosters rosters;
    private final Consents consents;
    private final Organizations organizations;

    public EmployerDemoData(@ConfigProperty(name = "recert.demo-data.enabled", defaultValue = "false") boolean enabled,
            Rosters rosters, Consents consents, Organizations organizations) {
        this.enabled = enabled;
        this.rosters = rosters;
        this.consents = consents;
        this.organizations = organizations;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    /** Creates Care Clinic and its roster unless it exists. */
    public void load() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (organizations.find(CARE_CLINIC).isPresent()) {
                return;
            }
            organizations.create(CARE_CLINIC, "Care Clinic");
            rosters.putMember(CARE_CLINIC, "maria", "CC-0001");
            rosters.putMember(CARE_CLINIC, "james", "CC-0002");
            consents.grant("maria", CARE_CLINIC);
            LOG.info("demo data: Care Clinic with maria (consenting) and james (pending) on its roster");
        });
    }
}
