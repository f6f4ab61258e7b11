package herald.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading RSS and Atom with Rome: titles, items oldest first, plain-text summaries; DOCTYPEs refused. */
class FeedDocumentTests {

    static FeedDocument parse(String xml) throws FeedDocument.NotAFeed {
        return FeedDocument.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    }

    @Test
    void readsRss2ItemsOldestFirstWithPlainSummaries() throws Exception {
        FeedDocument feed = parse(FeedXml.rss("Krusty's Blog", 3));

        assertThat(feed.title()).isEqualTo("Krusty's Blog");
        assertThat(feed.items())
                .extracting(FeedDocument.Item::title)
                .containsExactly("Post number 1", "Post number 2", "Post number 3");
        FeedDocument.Item first = feed.items().getFirst();
        assertThat(first.link()).isEqualTo("https://blog.example.com/posts/1");
        assertThat(first.summary()).isEqualTo("Summary of post 1 & more.");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
        assertThat(first.key()).isEqualTo(FeedDocument.sha256("post-1")).hasSize(64);
    }

    @Test
    void readsAtomEntriesWithTheirIdsAndContent() throws Exception {
        FeedDocument feed = FeedDocument.parse(FeedXml.atom("The Shop").getBytes(StandardCharsets.UTF_8), null);

        assertThat(feed.title()).isEqualTo("The Shop");
        assertThat(feed.items()).extracting(FeedDocument.Item::title).containsExactly("First entry", "Second entry");
        assertThat(feed.items().getFirst().summary()).isEqualTo("The first");
        assertThat(feed.items().get(1).summary()).isEqualTo("The second one");
        assertThat(feed.items().get(1).link()).isEqualTo("https://shop.example.com/second");
        assertThat(feed.items().getFirst().key()).isEqualTo(FeedDocument.sha256("urn:uuid:1"));
    }

    @Test
    void readsRss1AndTellsItemsWithoutGuidByTheirLink() throws Exception {
        String rdf =
                """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="https://old.example/"><title>Old School</title><link>https://old.example/</link>
                    <description>d</description></channel>
                  <item rdf:about="https://old.example/a"><title>A</title><link>https://old.example/a</link></item>
                </rdf:RDF>""";

        FeedDocument feed = parse(rdf);

        assertThat(feed.title()).isEqualTo("Old School");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("A");
            assertThat(item.link()).isEqualTo("https://old.example/a");
        });
    }

    @Test
    void refusesADocumentWithAnExternalEntity() {
        assertThatThrownBy(() -> parse(FeedXml.withExternalEntity()))
                .isInstanceOf(FeedDocument.NotAFeed.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAWebPage() {
        assertThatThrownBy(() -> parse("<!doctype html><html><body><p>Hello</p></body></html>"))
                .isInstanceOf(FeedDocument.NotAFeed.class);
        assertThatThrownBy(() -> parse("<html><body><p>Hello</p></body></html>"))
                .isInstanceOf(FeedDocument.NotAFeed.class)
                .hasMessageContaining("not an RSS or Atom feed");
    }
}
