package herald.publishing;

import com.twitter.twittertext.Extractor;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Short links with click counts (docs/short-links.md): a post whose workspace shortens links publishes each http(s)
 * link of its text, its link field and its first comment as {@code <public-url>/l/<code>}, which sends the reader on
 * and counts the click ({@link #follow}).
 *
 * <p>A code is a pure function of the target, the part of the post the link is in, the link as published (tagged, when
 * the post tags its links) and a salt, so that every attempt of a target publishes the same text and reconciliation
 * finds what an earlier attempt sent. Its row is written in the claim's transaction, before any call. Instagram is left
 * alone: its captions and comments do not make links clickable, and a short link there is only harder to type.
 */
@Component
public class ShortLinks {

    /** Where short links live under Herald's public address. */
    public static final String PATH = "/l/";

    static final int CODE_LENGTH = 10;
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{" + CODE_LENGTH + "}");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final long CODES = (long) Math.pow(62, CODE_LENGTH);
    /** Longer links are left as written (the table's limit); twitter-text finds none so long in practice. */
    static final int MAX_URL = 8192;
    /** A code taken by another link this many times over is not bad luck. */
    private static final int MAX_SALT = 8;

    /** The part of a post a link is in. */
    enum Part {
        TEXT,
        LINK,
        COMMENT,
        /** A tile of the workspace's link-in-bio page ({@link BioPage}). */
        BIO,
        /** A part of the post's thread after its own text ({@link ThreadParts}). */
        THREAD;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final herald.audit.AuditLog audit;
    private final String prefix;

    ShortLinks(
            JdbcClient jdbc,
            TenantScope tenants,
            herald.audit.AuditLog audit,
            @Value("${herald.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.prefix = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + PATH;
    }

    /** How a post being checked gets its links shortened: null when it does not ({@code shorten} false). */
    public @Nullable Plan plan(boolean shorten) {
        return shorten ? new Plan(prefix) : null;
    }

    /** The address of a code, for showing. */
    public String address(String code) {
        return prefix + code;
    }

    /**
     * A post's shortening while it is checked, before its targets exist: each link stands for a short link of the very
     * length it will have, so that lengths are checked on the text as published.
     */
    public record Plan(String prefix) {

        /** {@code text} as it will be published on {@code provider}. */
        public String text(String text, String provider) {
            return appliesTo(provider) ? replace(text, prefix, url -> prefix + "0".repeat(CODE_LENGTH)) : text;
        }

        /** {@code link} as it will be published on {@code provider}. */
        public @Nullable String link(@Nullable String link, String provider) {
            return link == null || !appliesTo(provider) || !shortens(link, prefix)
                    ? link
                    : prefix + "0".repeat(CODE_LENGTH);
        }
    }

    /** Whether links are shortened on this platform: everywhere but Instagram. */
    static boolean appliesTo(String provider) {
        return !"instagram".equals(provider);
    }

    /**
     * A target's text and link as published, their links shortened, inside the claim's transaction (which writes the
     * links' rows, or finds them written by an earlier attempt).
     */
    LinkTagging.Tagged shorten(
            WorkspaceId workspace, PostId post, TargetId target, String provider, LinkTagging.Tagged content) {
        if (!appliesTo(provider)) {
            return content;
        }
        String text = replace(content.text(), prefix, url -> prefix + store(workspace, post, target, Part.TEXT, url));
        String link = content.link();
        if (link != null && shortens(link, prefix)) {
            link = prefix + store(workspace, post, target, Part.LINK, link);
        }
        return new LinkTagging.Tagged(text, link);
    }

    /** A target's first comment as written, its links shortened, inside the comment claim's transaction. */
    String shortenComment(WorkspaceId workspace, PostId post, TargetId target, String provider, String comment) {
        if (!appliesTo(provider)) {
            return comment;
        }
        return replace(comment, prefix, url -> prefix + store(workspace, post, target, Part.COMMENT, url));
    }

    /** A thread part's links as published, as {@link #shortenComment} does a comment's. */
    String shortenThreadPart(WorkspaceId workspace, PostId post, TargetId target, String provider, String part) {
        if (!appliesTo(provider)) {
            return part;
        }
        return replace(part, prefix, url -> prefix + store(workspace, post, target, Part.THREAD, url));
    }

    /** Whether {@code code} is a short link its workspace turned off. Outside any workspace's scope, as {@link #follow}. */
    public boolean turnedOff(String code) {
        return CODE.matcher(code).matches()
                && Boolean.TRUE.equals(jdbc.sql("select herald_short_link_turned_off(:code)")
                        .param("code", code)
                        .query(Boolean.class)
                        .single());
    }

    /**
     * Turns one of the post's short links off (it leads nowhere and counts nothing) or on again; audited when it changes.
     *
     * @throws herald.shared.NotFound when the post has no such short link
     */
    public void turnOff(WorkspaceId workspace, PostId post, String code, boolean off) {
        tenants.run(workspace, () -> {
            boolean known =
                    jdbc.sql("select count(*) from short_links where workspace_id = :workspace and post_id = :post"
                                            + " and code = :code")
                                    .param("workspace", workspace.value())
                                    .param("post", post.value())
                                    .param("code", code)
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!known) {
                throw new herald.shared.NotFound("This post has no short link " + code + ".");
            }
            int changed = jdbc.sql(
                            """
                            update short_links set turned_off_at = case when :off then now() end
                            where workspace_id = :workspace and post_id = :post and code = :code
                              and (turned_off_at is null) = :off""")
                    .param("off", off)
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .param("code", code)
                    .update();
            if (changed > 0) {
                audit.record(
                        workspace,
                        off ? "post.short_link_turned_off" : "post.short_link_turned_on",
                        "post",
                        post.toString(),
                        java.util.Map.of("code", code));
            }
        });
    }

    /**
     * Where a short link leads, counting the click when {@code count} (not for link-preview robots, nor a HEAD), or
     * empty for a code no link has. Outside any workspace's scope: the code is all the reader has.
     */
    public Optional<String> follow(String code, boolean count) {
        if (!CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select herald_follow_short_link(:code, :count)")
                .param("code", code)
                .param("count", count)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .single();
    }

    /**
     * The code of a link, its row written unless an earlier attempt wrote it. A code another link holds (another
     * target's, perhaps in another workspace, which this transaction cannot see) is passed over for the next salt's.
     */
    String store(WorkspaceId workspace, PostId post, TargetId target, Part part, String url) {
        for (int salt = 0; salt < MAX_SALT; salt++) {
            String code = code(target, part, url, salt);
            int written = jdbc.sql(
                            """
                            insert into short_links (code, workspace_id, post_id, target_id, part, url)
                            values (:code, :workspace, :post, :target, :part, :url)
                            on conflict (code) do nothing""")
                    .param("code", code)
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .param("target", target.value())
                    .param("part", part.value())
                    .param("url", url)
                    .update();
            if (written == 1 || ours(code, target, part, url)) {
                return code;
            }
        }
        throw new IllegalStateException("No free short link code for a link of target " + target + ".");
    }

    private boolean ours(String code, TargetId target, Part part, String url) {
        return jdbc.sql("select 1 from short_links where code = :code and target_id = :target and part = :part"
                        + " and url = :url")
                .param("code", code)
                .param("target", target.value())
                .param("part", part.value())
                .param("url", url)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Ten base-62 characters of the SHA-256 of the target, the part, the salt and the link. */
    static String code(TargetId target, Part part, String url, int salt) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest((target.value() + "\n" + part.value() + "\n" + salt + "\n" + url)
                            .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        long rest = Long.remainderUnsigned(value, CODES);
        char[] code = new char[CODE_LENGTH];
        for (int i = CODE_LENGTH - 1; i >= 0; i--) {
            code[i] = ALPHABET.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(code);
    }

    /**
     * Every http(s) link twitter-text finds in {@code text} replaced by {@code shortened}'s answer for it, the rest of
     * the text as it was; links that are short links of this Herald already are left alone.
     */
    static String replace(String text, String prefix, UnaryOperator<String> shortened) {
        Extractor extractor = new Extractor();
        extractor.setExtractURLWithoutProtocol(false);
        List<Extractor.Entity> links = extractor.extractURLsWithIndices(text);
        StringBuilder out = new StringBuilder(text);
        // From the last link back, so the indices of the earlier ones still hold; the codes are written first to last.
        String[] replacements = new String[links.size()];
        for (int i = 0; i < links.size(); i++) {
            String url = links.get(i).getValue();
            replacements[i] = shortens(url, prefix) ? shortened.apply(url) : null;
        }
        for (int i = links.size() - 1; i >= 0; i--) {
            if (replacements[i] != null) {
                out.replace(links.get(i).getStart(), links.get(i).getEnd(), replacements[i]);
            }
        }
        return out.toString();
    }

    /** A web link that is not a short link already, nor longer than {@link #MAX_URL}. */
    private static boolean shortens(String url, String prefix) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://"))
                && !url.startsWith(prefix)
                && url.length() <= MAX_URL;
    }
}
