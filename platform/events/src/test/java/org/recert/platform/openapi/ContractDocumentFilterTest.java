package org.recert.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class ContractDocumentFilterTest {

    @Test
    void shouldLetEveryOptionalPropertyBeNullAndNoRequiredOne() {
        Schema status = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("learnerId", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("dueDate", OASFactory.createSchema().ref("#/components/schemas/LocalDate"))
                .addProperty("daysRemaining", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("status", OASFactory.createSchema().ref("#/components/schemas/Status").addType(SchemaType.STRING))
                .addProperty("unit", OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.of("AAMA_CEU", "CME")))
                .addProperty("counted", OASFactory.createSchema().addType(SchemaType.ARRAY).items(OASFactory.createSchema()
                        .addType(SchemaType.OBJECT).addProperty("points", OASFactory.createSchema().addType(SchemaType.NUMBER))))
                .addRequired("learnerId");
        OpenAPI document = OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("StatusEvaluation", status));

        new ContractDocumentFilter().filterOpenAPI(document);

        assertThat(status.getProperties().get("learnerId").getType()).containsExactly(SchemaType.STRING);
        assertThat(status.getProperties().get("daysRemaining").getType()).containsExactly(SchemaType.INTEGER, SchemaType.NULL);
        Schema dueDate = status.getProperties().get("dueDate");
        assertThat(dueDate.getRef()).isNull();
        assertThat(dueDate.getAnyOf()).extracting(Schema::getRef).containsExactly("#/components/schemas/LocalDate", null);
        assertThat(dueDate.getAnyOf().get(1).getType()).containsExactly(SchemaType.NULL);
        Schema enumReference = status.getProperties().get("status");
        assertThat(enumReference.getType()).containsExactly(SchemaType.STRING, SchemaType.NULL);
        assertThat(enumReference.getAnyOf()).hasSize(2);
        assertThat(status.getProperties().get("unit").getEnumeration()).containsExactly("AAMA_CEU", "CME", null);
        Schema points = status.getProperties().get("counted").getItems().getProperties().get("points");
        assertThat(points.getType()).containsExactly(SchemaType.NUMBER, SchemaType.NULL);
    }

    @Test
    void shouldLeaveAPropertyThatAdmitsNullAlreadyAsItIs() {
        Schema cursor = OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL));
        Schema page = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("nextCursor", cursor);

        new ContractDocumentFilter().filterOpenAPI(OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("Page", page)));

        assertThat(page.getProperties().get("nextCursor").getType()).containsExactly(SchemaType.STRING, SchemaType.NULL);
        assertThat(page.getProperties().get("nextCursor").getAnyOf()).isNull();
    }
}
