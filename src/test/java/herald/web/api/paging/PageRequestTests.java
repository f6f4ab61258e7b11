package herald.web.api.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.shared.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageRequestTests {

    record Item(Instant time, UUID id) {}

    static final Instant T = Instant.parse("2026-12-03T10:00:00.123456Z");
    static final List<Item> FETCHED = List.of(
            new Item(T, UUID.randomUUID()),
            new Item(T, UUID.randomUUID()),
            new Item(T.minusSeconds(1), UUID.randomUUID()));

    @Test
    void theNextPageStartsAfterTheLastItemShownByItsTimeAndId() {
        Page<UUID> first = new PageRequest(2, null).pageByTimeAndId(FETCHED, Item::id, "items", Item::time, Item::id);
        assertThat(first.items())
                .containsExactly(FETCHED.get(0).id(), FETCHED.get(1).id());
        assertThat(new PageRequest(2, first.nextCursor()).afterTimeAndId("items", Item::new))
                .isEqualTo(FETCHED.get(1));
    }

    @Test
    void theLastPageHasNoCursorAndTheFirstStartsNowhere() {
        assertThat(new PageRequest(3, null)
                        .pageByTimeAndId(FETCHED, Item::id, "items", Item::time, Item::id)
                        .nextCursor())
                .isNull();
        assertThat(new PageRequest(3, null).afterTimeAndId("items", Item::new)).isNull();
    }

    @Test
    void aCursorOfAnotherListingOrNotATimeAndIdIsInvalid() {
        String other = Cursor.encode("others", T.toString(), UUID.randomUUID().toString());
        assertThatThrownBy(() -> new PageRequest(2, other).afterTimeAndId("items", Item::new))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        String garbled = Cursor.encode("items", "yesterday", "42");
        assertThatThrownBy(() -> new PageRequest(2, garbled).afterTimeAndId("items", Item::new))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
}
