package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** docs/operations.md explains every variable the deployment files set. */
class OperationsDocTest {

    private static final String DOC = Repo.read(Repo.path("docs/operations.md"));

    @Test
    void shouldDocumentEveryVariableDockerComposeGivesTheServices() {
        var compose = Yaml.load(Repo.read(Repo.path("docker-compose.yml")));
        Set<String> names = new TreeSet<>();
        for (ServiceModule service : ServiceModule.ALL) {
            names.addAll(Yaml.map(Yaml.at(compose, "services", service.name(), "environment")).keySet());
            Yaml.map(Yaml.at(compose, "services", service.name(), "environment")).values().stream()
                    .map(String::valueOf).filter(v -> v.startsWith("${"))
                    .map(v -> v.substring(2, v.contains(":-") ? v.indexOf(":-") : v.indexOf('}')))
                    .forEach(names::add);
        }

        assertThat(names).allSatisfy(name -> assertThat(DOC).as(name).contains("`" + name));
    }

    @Test
    void shouldDocumentEveryVariableTheKubernetesOverlaysSet() {
        Set<String> names = new TreeSet<>();
        for (String overlay : new String[] {"dev", "prod"}) {
            Manifests manifests = Manifests.render(overlay);
            for (String kind : new String[] {"Deployment", "Job"}) {
                manifests.ofKind(kind).forEach(w -> names.addAll(manifests.environmentOf(Manifests.onlyContainer(w))));
            }
        }

        assertThat(names).hasSizeGreaterThan(10)
                .allSatisfy(name -> assertThat(DOC).as(name).contains("`" + name));
    }
}
