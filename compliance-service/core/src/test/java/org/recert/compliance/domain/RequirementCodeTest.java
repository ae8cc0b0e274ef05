package org.recert.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.recert.contracts.RequirementKind;

/** Each requirement names what it asks for, as compliance.status.v1 carries it: a kind and exactly the one field that kind needs. */
class RequirementCodeTest {

    @ParameterizedTest
    @EnumSource(RequirementCode.class)
    void shouldNameItsKindAndTheOneDetailThatKindNeeds(RequirementCode code) {
        RequirementKind kind = code.kind();

        assertThat(code.category() != null).isEqualTo(kind == RequirementKind.CATEGORY_MINIMUM);
        assertThat(code.approvingBody() != null).isEqualTo(kind == RequirementKind.APPROVED_MINIMUM);
        assertThat(code.unit() != null).isEqualTo(kind == RequirementKind.UNIT_MINIMUM);
        if (code.category() != null) {
            assertThat(RequirementCode.of(code.category())).isEqualTo(code);
        }
        if (code.unit() != null) {
            assertThat(RequirementCode.of(code.unit())).isEqualTo(code);
        }
    }
}
