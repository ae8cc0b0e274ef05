package org.recert.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML as plain maps and lists (SnakeYAML resolves compose's anchors and merge keys). */
final class Yaml {

    private Yaml() {
    }

    static Map<String, Object> load(String text) {
        return map(newYaml().load(text));
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : newYaml().loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** The value at a path of keys, or null. */
    static Object at(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static org.yaml.snakeyaml.Yaml newYaml() {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
