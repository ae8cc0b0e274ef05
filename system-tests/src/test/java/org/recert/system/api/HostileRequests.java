package org.recert.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hostile variants of one operation's valid request, generated from its OpenAPI description: every parameter and
 * every field of the body example gets wrong types, huge numbers, huge strings, NUL, unicode and injection strings;
 * the body also comes malformed, empty, of the wrong media type and oversize.
 *
 * <p>A variant either must be refused (nothing of it can be valid), or may be accepted: text that is legitimate in a
 * free-text field (right-to-left marks, emoji, SQL or HTML that a title may quote). Either way, never a 5xx.
 */
final class HostileRequests {

    static final int HUGE_STRING = 100_000;
    /** Over the gateway's default request limit (4 MiB). */
    static final int OVERSIZE_BODY = 4 * 1024 * 1024 + 4096;

    private static final String RAW = "__raw_json_token__";
    /** docs/contracts.md: a learner id, for documents that do not state the pattern themselves. */
    private static final java.util.regex.Pattern LEARNER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:|-]{0,63}");
    private static final Set<String> FREE_TEXT_QUERY = Set.of("q", "reason");

    /** One hostile request. */
    record Variant(String name, ApiRequest request, boolean mustRefuse) {
    }

    /** The valid request the variants start from: its parts, before encoding. */
    record Base(String method, String pathTemplate, Map<String, String> pathValues, Map<String, String> query,
            Map<String, String> headers, JsonNode body) {

        ApiRequest build() {
            return build(pathValues, query, headers).jsonIfAny(body);
        }

        Request build(Map<String, String> paths, Map<String, String> queries, Map<String, String> headerValues) {
            String path = pathTemplate;
            for (Map.Entry<String, String> value : paths.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            StringBuilder target = new StringBuilder(path);
            char separator = '?';
            for (Map.Entry<String, String> value : queries.entrySet()) {
                target.append(separator).append(encode(value.getKey())).append('=').append(encode(value.getValue()));
                separator = '&';
            }
            ApiRequest request = ApiRequest.of(method, target.toString()).header("Accept", "application/json");
            for (Map.Entry<String, String> header : headerValues.entrySet()) {
                request = request.header(header.getKey(), header.getValue());
            }
            return new Request(request);
        }
    }

    /** A request under construction. */
    record Request(ApiRequest request) {
        ApiRequest jsonIfAny(JsonNode body) {
            return body == null ? request : request.json(body.toString());
        }
    }

    private HostileRequests() {
    }

    static List<Variant> of(OpenApiDocument.Operation operation, Base base) {
        List<Variant> variants = new ArrayList<>();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            JsonNode schema = operation.document().resolve(parameter.path("schema"));
            boolean freeText = "query".equals(in) && FREE_TEXT_QUERY.contains(name)
                    || "header".equals(in) && "Idempotency-Key".equalsIgnoreCase(name);
            java.util.regex.Pattern pattern = schema.has("pattern") ? java.util.regex.Pattern.compile(schema.get("pattern").asText())
                    : "learnerId".equals(name) ? LEARNER_ID : null;
            for (Map.Entry<String, String> value : parameterValues(schema).entrySet()) {
                // a value the parameter's own pattern allows (a learner id "1e309") is a valid id, not a hostile one
                boolean allowedByPattern = pattern != null && pattern.matcher(value.getValue()).matches();
                boolean mustRefuse = !freeText && !allowedByPattern || value.getKey().startsWith("NUL") || value.getKey().startsWith("huge");
                Map<String, String> paths = new LinkedHashMap<>(base.pathValues());
                Map<String, String> query = new LinkedHashMap<>(base.query());
                Map<String, String> headers = new LinkedHashMap<>(base.headers());
                switch (in) {
                    case "path" -> paths.put(name, value.getValue());
                    case "query" -> query.put(name, value.getValue());
                    case "header" -> headers.put(name, value.getValue());
                    default -> {
                        continue;
                    }
                }
                if ("header".equals(in) && !value.getValue().chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                    continue; // HTTP headers carry visible ASCII: a client cannot send a control character or unicode at all
                }
                variants.add(new Variant(in + " " + name + ": " + value.getKey(),
                        base.build(paths, query, headers).jsonIfAny(base.body()), mustRefuse));
            }
        }
        if (base.body() != null) {
            variants.addAll(bodyVariants(operation, base));
        }
        return variants;
    }

    /** Numbers no sane input holds: a stall for BigDecimal arithmetic, a scale nothing stores, 40 digits. */
    static final Map<String, String> EXTREME_NUMBERS = extremeNumbers();
    /** A body nested deeper than any reader should follow. */
    static final int DEEP = 10_000;

    /**
     * Variants the OpenAPI document does not describe, which a client following it never sends: extreme numbers in
     * every numeric query parameter and body field (and every other query parameter, which may take them as text),
     * a key given twice, nesting 10,000 deep under an unknown key, and other spellings of the path: those naming the
     * same resource (GET only, since they are valid requests) and those the gateway must refuse.
     */
    static List<Variant> outsideTheDocument(OpenApiDocument.Operation operation, Base base) {
        List<Variant> variants = new ArrayList<>();
        ApiRequest plain = base.build();
        for (JsonNode parameter : operation.parameters()) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = operation.document().resolve(parameter.path("schema"));
            boolean numeric = isNumeric(schema) || exampleOf(parameter, schema).matches("-?\\d+(\\.\\d+)?");
            EXTREME_NUMBERS.forEach((label, number) -> {
                Map<String, String> query = new LinkedHashMap<>(base.query());
                query.put(name, number);
                variants.add(new Variant("query " + name + ": " + label, base.build(base.pathValues(), query, base.headers()).jsonIfAny(base.body()),
                        numeric));
            });
        }
        if (base.body() != null) {
            JsonNode example = base.body();
            for (String pointer : leaves(example, "")) {
                if (example.at(pointer).isNumber()) {
                    EXTREME_NUMBERS.forEach((label, number) -> variants.add(new Variant("body " + pointer + ": " + label,
                            plain.json(raw(example, pointer, number)), true)));
                }
            }
            ObjectNode object = example.isArray() ? example.size() > 0 && example.get(0).isObject() ? (ObjectNode) example.get(0) : null
                    : example.isObject() ? (ObjectNode) example : null;
            if (object != null && object.size() > 0) {
                String key = object.fieldNames().next();
                String twice = JsonNodeFactory.instance.textNode(key) + ":" + object.get(key) + ",";
                String valid = example.toString();
                int brace = valid.indexOf('{');
                variants.add(new Variant("body: the key " + key + " given twice",
                        plain.json(valid.substring(0, brace + 1) + twice + valid.substring(brace + 1)), true));
                variants.add(new Variant("body: nested " + DEEP + " deep under an unknown key", plain.json(valid.substring(0, brace + 1)
                        + "\"unknownNesting\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "," + valid.substring(brace + 1)), true));
            }
        }
        if (operation.method().equals("GET")) {
            variants.add(new Variant("path: a letter percent-encoded", plain.at(PathSpellings.letterEncoded(plain.pathAndQuery(), 2)), false));
            variants.add(new Variant("path: dot segments", plain.at(PathSpellings.dotSegments(plain.pathAndQuery())), false));
        }
        for (String[] refused : PathSpellings.refused(plain.pathAndQuery())) {
            variants.add(new Variant("path: " + refused[0], plain.at(refused[1]), true));
        }
        return variants;
    }

    private static Map<String, String> extremeNumbers() {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("1e400000000", "1e400000000");
        numbers.put("1e-400000000", "1e-400000000");
        numbers.put("a 40-digit integer", "1234567890123456789012345678901234567890");
        return numbers;
    }

    private static String exampleOf(JsonNode parameter, JsonNode schema) {
        for (JsonNode holder : List.of(parameter, schema)) {
            if (holder.has("example")) {
                return holder.get("example").asText();
            }
            if (holder.path("examples").isArray() && holder.path("examples").size() > 0) {
                return holder.path("examples").get(0).asText();
            }
        }
        return "";
    }

    private static boolean isNumeric(JsonNode schema) {
        String type = schema.path("type").asText("");
        return type.equals("number") || type.equals("integer");
    }

    private static Map<String, String> parameterValues(JsonNode schema) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a word where " + typeOf(schema) + " is expected", "not-a-valid-value");
        values.put("1e309", "1e309");
        values.put("10^40", "1" + "0".repeat(40));
        values.put("SQL injection", "' OR '1'='1'; DROP TABLE credit;--");
        values.put("a script tag", "<script>alert(1)</script>");
        values.put("path traversal", "../../../etc/passwd");
        values.put("right-to-left and emoji", "\u202Eevil\u202C \uD83E\uDE7A \u0645\u0631\u062D\u0628\u0627");
        values.put("NUL", "a\u0000b");
        values.put("huge (5,000 characters)", "x".repeat(5_000));
        values.put("huge, over the request-line limit (10,000 characters)", "x".repeat(10_000));
        return values;
    }

    private static String typeOf(JsonNode schema) {
        if (schema.has("enum")) {
            return "one of " + schema.get("enum");
        }
        String format = schema.path("format").asText("");
        return schema.path("type").asText("a value") + (format.isEmpty() ? "" : " (" + format + ")");
    }

    private static List<Variant> bodyVariants(OpenApiDocument.Operation operation, Base base) {
        List<Variant> variants = new ArrayList<>();
        ApiRequest plain = base.build(base.pathValues(), base.query(), base.headers()).request();
        JsonNode example = base.body();
        String valid = example.toString();

        variants.add(new Variant("body: truncated JSON", plain.json(valid.substring(0, valid.length() / 2)), true));
        variants.add(new Variant("body: not JSON at all", plain.json("this is not json"), true));
        // a body whose every field is optional may come empty
        boolean requiresFields = operation.bodySchema("application/json")
                .map(schema -> schema.path("type").asText().equals("array") || !schema.path("required").isEmpty()).orElse(true);
        variants.add(new Variant("body: empty", plain.json(""), requiresFields));
        variants.add(new Variant("body: null", plain.json("null"), requiresFields));
        variants.add(new Variant("body: a trailing comma", plain.json(valid.substring(0, valid.length() - 1) + ",}"), true));
        variants.add(new Variant("body: a JSON string instead of " + (example.isArray() ? "an array" : "an object"), plain.json("\"text\""), true));
        variants.add(new Variant("body: " + (example.isArray() ? "an object instead of an array" : "an array instead of an object"),
                plain.json(example.isArray() ? "{}" : "[]"), true));
        variants.add(new Variant("body: " + (example.isArray() ? "an empty array" : "an empty object"),
                plain.json(example.isArray() ? "[]" : "{}"), requiresFields));
        variants.add(new Variant("body: nested 10,000 deep", plain.json("[".repeat(10_000) + "]".repeat(10_000)), true));
        variants.add(new Variant("body: text/plain media type", plain.body(valid.getBytes(StandardCharsets.UTF_8), "text/plain"), true));
        variants.add(new Variant("body: XML media type", plain.body("<credit/>".getBytes(StandardCharsets.UTF_8), "application/xml"), true));
        variants.add(new Variant("body: invalid UTF-8", plain.body(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "application/json"), true));
        variants.add(new Variant("body: oversize (4 MiB + 4 KiB)", plain.json(oversize()), true));

        operation.bodySchema("application/json").ifPresent(schema -> {
            JsonNode objectSchema = schema.path("type").asText().equals("array")
                    ? operation.document().resolve(schema.path("items")) : schema;
            for (JsonNode required : objectSchema.path("required")) {
                String field = required.asText();
                variants.add(new Variant("body: required " + field + " missing",
                        plain.json(edit(example, root -> objectOf(root).remove(field))), true));
                variants.add(new Variant("body: required " + field + " null",
                        plain.json(edit(example, root -> objectOf(root).putNull(field))), true));
            }
        });

        for (String pointer : leaves(example, "")) {
            JsonNode leaf = example.at(pointer);
            String label = "body " + pointer + ": ";
            variants.add(new Variant(label + "wrong type (" + wrongTypeName(leaf) + ")",
                    plain.json(replace(example, pointer, wrongType(leaf))), true));
            if (leaf.isNumber()) {
                variants.add(new Variant(label + "1e309", plain.json(raw(example, pointer, "1e309")), true));
                variants.add(new Variant(label + "-1e309", plain.json(raw(example, pointer, "-1e309")), true));
                variants.add(new Variant(label + "10^40", plain.json(raw(example, pointer, "1" + "0".repeat(40))), true));
                variants.add(new Variant(label + "NaN", plain.json(raw(example, pointer, "NaN")), true));
            }
            if (leaf.isTextual()) {
                variants.add(new Variant(label + "huge string (100,000 characters)",
                        plain.json(replace(example, pointer, JsonNodeFactory.instance.textNode("x".repeat(HUGE_STRING)))), true));
                variants.add(new Variant(label + "NUL inside",
                        plain.json(replace(example, pointer, JsonNodeFactory.instance.textNode(leaf.asText() + "\u0000after"))), true));
                variants.add(new Variant(label + "right-to-left and emoji", plain.json(replace(example, pointer,
                        JsonNodeFactory.instance.textNode("\u202E" + leaf.asText() + "\u202C \uD83E\uDE7A \u0645\u0631\u062D\u0628\u0627"))), false));
                variants.add(new Variant(label + "SQL injection", plain.json(replace(example, pointer,
                        JsonNodeFactory.instance.textNode(leaf.asText() + "' OR '1'='1'; DROP TABLE course;--"))), false));
                variants.add(new Variant(label + "a script tag", plain.json(replace(example, pointer,
                        JsonNodeFactory.instance.textNode("<script>alert(1)</script>" + leaf.asText()))), false));
                variants.add(new Variant(label + "path traversal", plain.json(replace(example, pointer,
                        JsonNodeFactory.instance.textNode("../../../etc/passwd"))), false));
            }
        }
        return variants;
    }

    private static String oversize() {
        StringBuilder body = new StringBuilder(OVERSIZE_BODY + 32).append("{\"padding\":\"");
        body.append("x".repeat(OVERSIZE_BODY));
        return body.append("\"}").toString();
    }

    /** JSON pointers of every scalar in the example (array items included, the first of each array only). */
    private static List<String> leaves(JsonNode node, String pointer) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> leaves.addAll(leaves(field.getValue(), pointer + "/" + escape(field.getKey()))));
        } else if (node.isArray()) {
            if (!node.isEmpty()) {
                leaves.addAll(leaves(node.get(0), pointer + "/0"));
            }
        } else if (!node.isNull()) {
            leaves.add(pointer);
        }
        return leaves;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static ObjectNode objectOf(JsonNode root) {
        return (ObjectNode) (root.isArray() ? root.get(0) : root);
    }

    private static String edit(JsonNode example, Consumer<JsonNode> change) {
        JsonNode copy = example.deepCopy();
        change.accept(copy);
        return copy.toString();
    }

    private static String replace(JsonNode example, String pointer, JsonNode value) {
        JsonNode copy = example.deepCopy();
        int slash = pointer.lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) copy.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(key), value);
        }
        return copy.toString();
    }

    /** The example with one value written as a raw JSON token (numbers no Java type holds). */
    private static String raw(JsonNode example, String pointer, String token) {
        return replace(example, pointer, JsonNodeFactory.instance.textNode(RAW)).replace("\"" + RAW + "\"", token);
    }

    private static JsonNode wrongType(JsonNode leaf) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (leaf.isTextual()) {
            return f.objectNode().put("unexpected", 1); // numbers and booleans would be coerced to text
        }
        if (leaf.isNumber()) {
            return f.textNode("twelve");
        }
        if (leaf.isBoolean()) {
            return f.textNode("maybe");
        }
        return f.arrayNode().add(1);
    }

    private static String wrongTypeName(JsonNode leaf) {
        if (leaf.isTextual()) {
            return "an object for a string";
        }
        if (leaf.isNumber()) {
            return "a word for a number";
        }
        return leaf.isBoolean() ? "a word for a boolean" : "an array";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
