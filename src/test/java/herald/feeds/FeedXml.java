package herald.feeds;

import java.util.List;

/** Feed documents for tests: RSS 2.0 with items given newest first, as blogs list them, and Atom. */
public final class FeedXml {

    private FeedXml() {}

    /** An item: its guid, title, link, description (HTML allowed) and RFC 822 date. */
    public record Item(String guid, String title, String link, String description, String date) {

        public static Item of(int n) {
            return new Item(
                    "post-" + n,
                    "Post number " + n,
                    "https://blog.example.com/posts/" + n,
                    "<p>Summary of <b>post " + n + "</b> &amp; more.</p>",
                    "Mon, 0" + Math.min(n, 9) + " Nov 2026 09:00:00 GMT");
        }
    }

    public static String rss(String title, List<Item> newestFirst) {
        StringBuilder items = new StringBuilder();
        for (Item i : newestFirst) {
            items.append(
                    """
                    <item><guid isPermaLink="false">%s</guid><title>%s</title><link>%s</link>
                      <description><![CDATA[%s]]></description><pubDate>%s</pubDate></item>
                    """
                            .formatted(i.guid(), i.title(), i.link(), i.description(), i.date()));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>https://blog.example.com/</link>
                <description>A blog</description>
                %s</channel></rss>"""
                .formatted(title, items);
    }

    /** RSS 2.0 with items 1..n (item n the newest, listed first). */
    public static String rss(String title, int n) {
        List<Item> items = new java.util.ArrayList<>();
        for (int i = n; i >= 1; i--) {
            items.add(Item.of(i));
        }
        return rss(title, items);
    }

    public static String atom(String title) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>%s</title>
                  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                  <updated>2026-11-02T18:30:02Z</updated>
                  <entry>
                    <title>Second entry</title>
                    <link href="https://shop.example.com/second"/>
                    <id>urn:uuid:2</id>
                    <updated>2026-11-02T18:30:02Z</updated>
                    <summary>The second &lt;em&gt;one&lt;/em&gt;</summary>
                  </entry>
                  <entry>
                    <title>First entry</title>
                    <link href="https://shop.example.com/first"/>
                    <id>urn:uuid:1</id>
                    <updated>2026-11-01T18:30:02Z</updated>
                    <content type="html">&lt;p&gt;The first&lt;/p&gt;</content>
                  </entry>
                </feed>"""
                .formatted(title);
    }

    /** A feed whose item title pulls in a local file through an external entity (XXE). */
    public static String withExternalEntity() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
                <rss version="2.0"><channel><title>Evil</title><link>https://evil.example/</link>
                <description>x</description>
                <item><guid>1</guid><title>&secret;</title><link>https://evil.example/1</link></item>
                </channel></rss>""";
    }
}
