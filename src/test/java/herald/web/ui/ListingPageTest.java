package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListingPageTest {

    record Item(Instant time, UUID id) {}

    static final Instant T = Instant.parse("2026-12-03T10:00:00.123456Z");
    static final List<Item> FETCHED = List.of(
            new Item(T, UUID.randomUUID()),
            new Item(T.minusSeconds(1), UUID.randomUUID()),
            new Item(T.minusSeconds(2), UUID.randomUUID()));

    @Test
    void dropsTheExtraItemAndContinuesAfterTheLastOneShown() {
        ListingPage<Item> page = ListingPage.of(FETCHED, 2, Item::time, Item::id);
        assertThat(page.items()).containsExactly(FETCHED.get(0), FETCHED.get(1));
        assertThat(PageCursor.read(page.next()))
                .isEqualTo(new PageCursor(FETCHED.get(1).time(), FETCHED.get(1).id()));
    }

    @Test
    void hasNoNextPageWhenNothingMoreWasFetched() {
        assertThat(ListingPage.of(FETCHED, 3, Item::time, Item::id)).isEqualTo(new ListingPage<>(FETCHED, null));
        assertThat(ListingPage.of(List.<Item>of(), 3, Item::time, Item::id).next())
                .isNull();
    }
}
