package org.recert.gateway.openapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents and the gateway's own into the one document clients see: every path
 * a service owns under its prefix, components joined, tags grouped per service, one bearer scheme for every
 * operation, and a description that says which services are missing or stale.
 *
 * <p>Components are joined by name, and a name means one thing: two documents may both define a component only
 * when the two are identical (the shared platform's {@code Problem}, say). A same-named component whose content
 * differs would make the merged document describe one service's shape with another's, so the merge fails with
 * {@link ConflictingComponents} instead of keeping either.
 */
public final class OpenApiMerger {

    public static final String SCHEME = "bearer";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks", "pathItems");

    private final String title;
    private final String version;
    private final String serverUrl;
    private final String license;

    public OpenApiMerger(String title, String version, String serverUrl, String license) {
        this.title = title;
        this.version = version;
        this.serverUrl = serverUrl;
        this.license = license;
    }

    /**
     * @param gateway the gateway's own document (its dashboard and, when enabled, token endpoints), may be null
     * @param gatewayPaths which of the gateway's own paths to publish
     * @param services the services' documents, in the order they are shown
     */
    public ObjectNode merge(ObjectNode gateway, Predicate<String> gatewayPaths, List<ServiceDocument> services, Instant now) {
        ObjectNode root = NODES.objectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", title);
        info.put("version", version);
        // an SPDX identifier (LicenseRef-<name> for a license off the SPDX list): openapi-generator refuses a 3.1
        // license with neither identifier nor url, so a client could not be generated from the document
        info.putObject("license").put("name", license).put("identifier", "LicenseRef-" + license.replaceAll("[^A-Za-z0-9.-]+", "-"));
        root.putArray("servers").addObject().put("url", serverUrl).put("description", "the Recert gateway");
        root.putArray("security").addObject().putArray(SCHEME);
        ArrayNode tags = root.putArray("tags");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        List<String> notes = new ArrayList<>();
        Set<String> operationIds = new java.util.HashSet<>();
        Set<String> gatewayResponses = new java.util.TreeSet<>();
        Map<String, Set<String>> tagGroups = new LinkedHashMap<>();
        Map<String, String> componentOwners = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();

        if (gateway != null) {
            Set<String> used = include(gateway, "gateway", gatewayPaths, root, notes, operationIds, gatewayResponses,
                    componentOwners, conflicts);
            tagGroups.put("Gateway", used);
        }
        for (ServiceDocument service : services) {
            String group = capitalized(service.service());
            if (!service.available()) {
                notes.add("- **" + service.service() + "**: unavailable (" + service.failure()
                        + "); its endpoints are missing from this document.");
                continue;
            }
            if (service.failure() != null) {
                notes.add("- **" + service.service() + "**: unavailable (" + service.failure()
                        + "); its endpoints are shown as of " + service.fetchedAt() + ".");
            }
            Set<String> used = include(service.document(), service.service(),
                    path -> path.equals(service.prefix()) || path.startsWith(service.prefix() + "/"), root, notes, operationIds,
                    gatewayResponses, componentOwners, conflicts);
            tagGroups.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(used);
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictingComponents(conflicts);
        }

        addGatewayResponses(components, gatewayResponses);
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(SCHEME)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "A JWT from the identity provider; roles in `groups`: learner, employer, provider, curator, admin.");
        ArrayNode groups = root.putArray("x-tagGroups");
        tagGroups.forEach((group, names) -> {
            if (!names.isEmpty()) {
                ObjectNode entry = groups.addObject();
                entry.put("name", group);
                names.forEach(entry.putArray("tags")::add);
            }
        });
        Set<String> declared = new LinkedHashSet<>();
        tags.forEach(tag -> declared.add(tag.path("name").asText()));
        tagGroups.forEach((group, names) -> names.forEach(name -> {
            if (declared.add(name)) {
                tags.addObject().put("name", name).put("description", group.equals("Gateway")
                        ? "Served by the gateway itself" : "Served by the " + group.toLowerCase() + " service");
            }
        }));
        StringBuilder description = new StringBuilder(
                "One API for every Recert service, through the gateway. Every operation needs a bearer token; "
                        + "errors are RFC 9457 `application/problem+json`; too many requests answer 429 with "
                        + "`Retry-After` and the `RateLimit-Policy`/`RateLimit` headers.");
        if (notes.isEmpty()) {
            description.append("\n\nAll services answered at ").append(now).append('.');
        } else {
            description.append("\n\nIncomplete document, as of ").append(now).append(":\n\n").append(String.join("\n", notes));
        }
        info.put("description", description.toString());
        return root;
    }

    /** Copies {@code source}'s paths, components and tags into {@code root}; answers the tags its operations use. */
    private Set<String> include(ObjectNode source, String service, Predicate<String> keep, ObjectNode root,
            List<String> notes, Set<String> operationIds, Set<String> gatewayResponses, Map<String, String> componentOwners,
            List<String> conflicts) {
        Set<String> used = new LinkedHashSet<>();
        ObjectNode paths = (ObjectNode) root.get("paths");
        String base = basePath(source);
        for (Iterator<Map.Entry<String, JsonNode>> it = source.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey().startsWith(base) ? entry.getKey() : base + entry.getKey();
            if (!keep.test(path) || !entry.getValue().isObject()) {
                continue;
            }
            if (paths.has(path)) {
                notes.add("- **" + service + "**: `" + path + "` is also published by another service; the first is shown.");
                continue;
            }
            ObjectNode item = ((ObjectNode) entry.getValue()).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey()) && op.getValue().isObject()) {
                    ObjectNode operation = (ObjectNode) op.getValue();
                    used.addAll(normalizeOperation(operation, capitalized(service), gatewayResponses));
                    operation.put("operationId", uniqueOperationId(operation.path("operationId").asText(""), service,
                            op.getKey(), path, operationIds));
                }
            }
            paths.set(path, item);
        }
        ObjectNode components = (ObjectNode) root.get("components");
        JsonNode sourceComponents = source.path("components");
        for (String kind : COMPONENT_KINDS) {
            JsonNode entries = sourceComponents.path(kind);
            if (!entries.isObject()) {
                continue;
            }
            ObjectNode target = components.has(kind) ? (ObjectNode) components.get(kind) : components.putObject(kind);
            for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> component = it.next();
                String name = component.getKey();
                String key = kind + "/" + name;
                JsonNode known = target.get(name);
                if (known == null) {
                    target.set(name, component.getValue().deepCopy());
                    componentOwners.put(key, service);
                } else if (!known.equals(component.getValue())) {
                    conflicts.add("components/" + key + " of " + service + " differs from " + componentOwners.get(key) + "'s");
                }
            }
        }
        ArrayNode tags = (ArrayNode) root.get("tags");
        for (JsonNode tag : source.path("tags")) {
            String name = tag.path("name").asText(null);
            if (name != null && used.contains(name) && !hasTag(tags, name)) {
                tags.add(tag.deepCopy());
            }
        }
        return used;
    }

    /** Two documents define a component of the same name with different content: no true merge exists. */
    public static final class ConflictingComponents extends RuntimeException {

        private final List<String> conflicts;

        ConflictingComponents(List<String> conflicts) {
            super("same-named components differ: " + String.join("; ", conflicts));
            this.conflicts = List.copyOf(conflicts);
        }

        /** Each conflict as {@code components/<kind>/<name> of <service> differs from <other service>'s}. */
        public List<String> conflicts() {
            return conflicts;
        }
    }

    /** The answers the gateway itself may give to any operation, each as problem+json. */
    private static final Map<String, String[]> GATEWAY_RESPONSES = Map.of(
            "400", new String[] {"BadPath", "The request path is refused before anything else is decided: an encoded slash or "
                    + "backslash, a dot segment above the root, a control character (field `path`)"},
            "401", new String[] {"Unauthorized", "No valid bearer token"},
            "414", new String[] {"UriTooLong", "The request target is too long; send long inputs in a body"},
            "429", new String[] {"TooManyRequests", "The caller's budget for this route is spent; retry after Retry-After seconds"},
            "503", new String[] {"ServiceUnavailable", "The service behind the gateway is unavailable; retry after Retry-After seconds"},
            "504", new String[] {"GatewayTimeout", "The service behind the gateway did not answer in time"});

    private static void addGatewayResponses(ObjectNode components, Set<String> referenced) {
        if (referenced.isEmpty()) {
            return;
        }
        ObjectNode responses = components.has("responses") ? (ObjectNode) components.get("responses") : components.putObject("responses");
        GATEWAY_RESPONSES.forEach((status, names) -> {
            if (!referenced.contains(status)) {
                return;
            }
            ObjectNode response = responses.putObject(names[0]);
            response.put("description", names[1]);
            ObjectNode headers = response.putObject("headers");
            if (status.equals("429") || status.equals("503")) {
                headers.putObject("Retry-After").put("description", "seconds to wait").putObject("schema").put("type", "integer");
            }
            headers.putObject("RateLimit-Policy").put("description", "the budget: \"<group>\";q=<requests>;w=<seconds>")
                    .putObject("schema").put("type", "string");
            headers.putObject("RateLimit").put("description", "what is left: \"<group>\";r=<remaining>;t=<seconds to reset>")
                    .putObject("schema").put("type", "string");
            response.putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
        });
    }

    /**
     * Gives the operation a tag when it has none, points its security requirements at the one bearer scheme, and
     * documents the answers the gateway adds (400 for a refused path, 401 for a protected operation, 414, 429, 503,
     * 504) where the operation does not document that status itself.
     */
    private static Set<String> normalizeOperation(ObjectNode operation, String defaultTag, Set<String> gatewayResponses) {
        Set<String> tags = new LinkedHashSet<>();
        operation.path("tags").forEach(tag -> tags.add(tag.asText()));
        if (tags.isEmpty()) {
            operation.putArray("tags").add(defaultTag);
            tags.add(defaultTag);
        }
        JsonNode security = operation.get("security");
        if (security != null && security.isArray() && !security.isEmpty()) {
            ArrayNode bearer = NODES.arrayNode();
            bearer.addObject().putArray(SCHEME);
            operation.set("security", bearer);
        }
        boolean open = security != null && security.isArray() && security.isEmpty();
        ObjectNode responses = operation.has("responses") && operation.get("responses").isObject()
                ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        GATEWAY_RESPONSES.forEach((status, names) -> {
            if (!responses.has(status) && !(open && status.equals("401"))) {
                responses.putObject(status).put("$ref", "#/components/responses/" + names[0]);
                gatewayResponses.add(status);
            }
        });
        return tags;
    }

    /**
     * An operation id unique in the merged document: the service's own, prefixed with the service's name when
     * another service already uses it, or one made of the method and path when the service gave none.
     */
    static String uniqueOperationId(String given, String service, String method, String path, Set<String> used) {
        String id = given;
        if (id.isBlank()) {
            StringBuilder made = new StringBuilder(method);
            for (String segment : path.split("[/{}_.-]+")) {
                if (!segment.isEmpty() && !segment.equals("api") && !segment.equals("v1")) {
                    made.append(capitalized(segment));
                }
            }
            id = made.toString();
        }
        if (used.contains(id)) {
            id = service + capitalized(id);
        }
        String unique = id;
        for (int n = 2; used.contains(unique); n++) {
            unique = id + n;
        }
        used.add(unique);
        return unique;
    }

    /** The path that a document's relative server adds before its paths ({@code /api/v1} or nothing). */
    private static String basePath(ObjectNode source) {
        JsonNode servers = source.path("servers");
        if (servers.isArray() && servers.size() > 0) {
            String url = servers.get(0).path("url").asText("");
            if (url.startsWith("/") && url.length() > 1) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        }
        return "";
    }

    private static boolean hasTag(ArrayNode tags, String name) {
        for (JsonNode tag : tags) {
            if (name.equals(tag.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
