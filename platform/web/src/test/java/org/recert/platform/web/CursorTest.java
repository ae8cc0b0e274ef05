package org.recert.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A cursor's values are read back in one place: a forged one is a 400 naming "cursor", never a failed query. */
class CursorTest {

    private static final UUID ID = UUID.fromString("22222222-2222-4222-8222-222222222222");

    @Test
    void shouldReadBackTheValuesACursorWasMadeFrom() {
        List<String> values = Cursor.decode(Cursor.encode("2026-01-31", ID.toString(), "42"), 3);

        assertThat(Cursor.date(values.get(0))).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(Cursor.uuid(values.get(1))).isEqualTo(ID);
        assertThat(Cursor.number(values.get(2))).isEqualTo(42L);
    }

    @Test
    void shouldRefuseForgedValuesNamingTheCursor() {
        for (Runnable forged : List.<Runnable>of(() -> Cursor.uuid("1-2-3-4-5"), () -> Cursor.uuid("x".repeat(36)),
                () -> Cursor.number("4e2"), () -> Cursor.date("2026-02-30"), () -> Cursor.date("+10000-01-01"),
                () -> Cursor.decode(Cursor.encode("a"), 2))) {
            assertThatThrownBy(forged::run).hasMessage("cursor: is not a cursor this list issued");
        }
    }
}
