package org.recert.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.recert.platform.problem.ProblemResponsesFilter;

/**
 * The OpenAPI filter of every Recert service: makes the published document say what the wire carries.
 * <ul>
 * <li>every documented error is a problem+json body, and every secured operation documents its 401
 * ({@link ProblemResponsesFilter});</li>
 * <li>a property that an object schema does not list as {@code required} may be null: the services write a record's
 * null components as JSON null, so each such property admits {@code null} beside its own type. A client can count
 * on a property only where the schema requires it.</li>
 * </ul>
 */
public class ContractDocumentFilter implements OASFilter {

    private final ProblemResponsesFilter problems = new ProblemResponsesFilter();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        problems.filterOpenAPI(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(ContractDocumentFilter::admitNullWhereOptional);
        }
    }

    /** Each optional property of {@code schema} (and of the object schemas nested in it) admits null. */
    static void admitNullWhereOptional(Schema schema) {
        if (schema == null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                admitNullWhereOptional(property.getValue());
                if (!required.contains(property.getKey())) {
                    nullable(property.getValue());
                }
            }
        }
        admitNullWhereOptional(schema.getItems());
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(ContractDocumentFilter::admitNullWhereOptional);
        }
    }

    /**
     * Makes {@code schema} (changed in place) admit null as well: a reference becomes anyOf it or null, a type gains the null type, an
     * enumeration the null value, a choice the null choice.
     */
    static void nullable(Schema schema) {
        if (schema.getRef() != null) {
            Schema reference = OASFactory.createSchema().ref(schema.getRef());
            schema.setRef(null);
            List<Schema> choices = new ArrayList<>();
            choices.add(reference);
            schema.setAnyOf(choices);
        }
        if (schema.getAnyOf() != null && schema.getAnyOf().stream().noneMatch(ContractDocumentFilter::isNullType)) {
            schema.addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        if (schema.getType() != null && !schema.getType().isEmpty() && !schema.getType().contains(SchemaType.NULL)) {
            schema.addType(SchemaType.NULL);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        // a schema with neither type, reference nor choices (any value) admits null already
    }

    private static boolean isNullType(Schema schema) {
        return schema.getType() != null && schema.getType().contains(SchemaType.NULL);
    }
}
