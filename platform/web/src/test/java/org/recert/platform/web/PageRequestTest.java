package org.recert.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recert.platform.problem.ProblemException;

/** Page limits and cursors, checked in one place for every list. */
class PageRequestTest {

    @Test
    void shouldCheckAPageLimitOnce() {
        assertThat(PageRequest.of(null, null).size(20, 100)).isEqualTo(20);
        assertThat(PageRequest.of(" abc ", 100).size(20, 100)).isEqualTo(100);
        assertThat(PageRequest.of(" abc ", 100).cursor()).isEqualTo("abc");
        assertThat(PageRequest.of("", null).cursor()).isNull();
        assertThatThrownBy(() -> PageRequest.of(null, 0).size(20, 100))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().field()).isEqualTo("limit"));
        assertThatThrownBy(() -> PageRequest.of(null, 101).size(20, 100))
                .hasMessage("limit: must be between 1 and 100");
    }
}
