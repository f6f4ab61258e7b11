package herald.tenancy;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.LanguageTag;
import herald.shared.WorkspaceId;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules an owner or admin turns on for a whole workspace (two-factor sign-in, approval, short links, the
 * link-in-bio page) and the bio page's own text; a change is audited.
 */
@Component
public class WorkspaceRules {

    /** The most characters of the link-in-bio page's own text. */
    public static final int MAX_BIO_TEXT = 300;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;

    WorkspaceRules(JdbcClient jdbc, TenantScope tenants, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** Whether everyone who opens the workspace's pages must have two-factor sign-in on. */
    public boolean requiresTwoFactor(WorkspaceId id) {
        return rule(id, Rule.TWO_FACTOR);
    }

    /** Requires two-factor sign-in of everyone who opens the workspace's pages, or stops requiring it. */
    public void requireTwoFactor(WorkspaceId id, boolean required) {
        require(id, Rule.TWO_FACTOR, required);
    }

    /** Whether posts by editors, and by API keys without the admin scope, wait for an owner's or admin's approval. */
    public boolean requiresApproval(WorkspaceId id) {
        return rule(id, Rule.APPROVAL);
    }

    /**
     * Makes posts by editors wait for an owner's or admin's approval, or stops it. Posts already waiting keep waiting
     * until someone decides; nothing already scheduled changes.
     */
    public void requireApproval(WorkspaceId id, boolean required) {
        require(id, Rule.APPROVAL, required);
    }

    /**
     * Whether the posts created from now on publish their links as short links that count clicks
     * (herald.publishing.ShortLinks); a post keeps what the setting was when it was created.
     */
    public boolean shortensLinks(WorkspaceId id) {
        return rule(id, Rule.SHORT_LINKS);
    }

    /** Shortens the links of posts created from now on, or stops; posts already created keep theirs as they are. */
    public void shortenLinks(WorkspaceId id, boolean shorten) {
        require(id, Rule.SHORT_LINKS, shorten);
    }

    /** Whether the workspace's link-in-bio page (herald.publishing.BioPage) is on: readers reach it by its slug. */
    public boolean hasBioPage(WorkspaceId id) {
        return rule(id, Rule.BIO_PAGE);
    }

    /** Turns the link-in-bio page on or off; while off, its address answers 404. */
    public void showBioPage(WorkspaceId id, boolean shown) {
        require(id, Rule.BIO_PAGE, shown);
    }

    /** The few words at the top of the link-in-bio page, under the workspace's name; empty when it has none. */
    public Optional<String> bioPageText(WorkspaceId id) {
        return text(id, "bio_page_text");
    }

    /**
     * Sets the link-in-bio page's own text (blank removes it); audited when it changes.
     *
     * @throws InvalidInput for a text over {@value #MAX_BIO_TEXT} characters
     */
    public void bioPageText(WorkspaceId id, @Nullable String text) {
        text(id, "bio_page_text", bioText(text), "workspace.bio_page_text_changed", Map.of());
    }

    /**
     * The link-in-bio page's text as kept: stripped, null when blank.
     *
     * @throws InvalidInput for a text over {@value #MAX_BIO_TEXT} characters
     */
    public static @Nullable String bioText(@Nullable String text) {
        String kept = text == null || text.isBlank() ? null : text.strip();
        if (kept != null && kept.codePointCount(0, kept.length()) > MAX_BIO_TEXT) {
            throw new InvalidInput(
                    "bioPageText",
                    "The page's text has " + kept.codePointCount(0, kept.length()) + " characters; at most "
                            + MAX_BIO_TEXT + ".");
        }
        return kept;
    }

    /**
     * The language the workspace's posts are written in, a BCP 47 tag ({@code en}, {@code pt-BR}), told to the
     * platforms that take one; empty when nobody chose it (platforms then guess, or leave the posts out of
     * language-specific feeds).
     */
    public Optional<String> postLanguage(WorkspaceId id) {
        return text(id, "post_language");
    }

    /**
     * Sets the language of the workspace's posts (blank: none), read by every post published from then on, those
     * already scheduled included; audited when it changes.
     *
     * @throws InvalidInput for a tag that names no language
     */
    public void postLanguage(WorkspaceId id, @Nullable String tag) {
        String kept = language(tag);
        text(
                id,
                "post_language",
                kept,
                "workspace.post_language_changed",
                Map.of("language", kept == null ? "" : kept));
    }

    /**
     * A language tag as kept: its well-formed BCP 47 form ({@code pt-br} becomes {@code pt-BR}), null when blank.
     *
     * @throws InvalidInput for a tag that is not well formed or whose language ISO 639 does not know
     */
    public static @Nullable String language(@Nullable String tag) {
        return LanguageTag.of(tag, "postLanguage");
    }

    /** A rule an owner or admin turns on for the whole workspace: its column, and its audit actions on and off. */
    private enum Rule {
        TWO_FACTOR("two_factor_required", "workspace.two_factor_required", "workspace.two_factor_not_required"),
        APPROVAL("approval_required", "workspace.approval_required", "workspace.approval_not_required"),
        SHORT_LINKS("shorten_links", "workspace.links_shortened", "workspace.links_not_shortened"),
        BIO_PAGE("bio_page", "workspace.bio_page_shown", "workspace.bio_page_hidden");

        final String column;
        final String on;
        final String off;

        Rule(String column, String on, String off) {
            this.column = column;
            this.on = on;
            this.off = off;
        }
    }

    /** A text setting of the workspace: the value of {@code column} (a constant, never input), empty when null. */
    private Optional<String> text(WorkspaceId id, String column) {
        return tenants.call(id, () -> jdbc.sql("select " + column + " from workspaces where id = :id")
                .param("id", id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(text -> text));
    }

    /** Sets a text setting to {@code value} (null: none); a change (only) is audited as {@code action}. */
    private void text(
            WorkspaceId id, String column, @Nullable String value, String action, Map<String, String> details) {
        tenants.run(id, () -> {
            int changed = jdbc.sql("update workspaces set " + column + " = :value where id = :id and " + column
                            + " is distinct from :value")
                    .param("value", value)
                    .param("id", id.value())
                    .update();
            if (changed > 0) {
                audit.record(id, action, "workspace", id.toString(), details);
            }
        });
    }

    private boolean rule(WorkspaceId id, Rule rule) {
        return tenants.call(id, () -> jdbc.sql("select " + rule.column + " from workspaces where id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false));
    }

    /** Turns the rule on or off; a change (only) is audited. */
    private void require(WorkspaceId id, Rule rule, boolean required) {
        tenants.run(id, () -> {
            int changed = jdbc.sql("update workspaces set " + rule.column + " = :required where id = :id and "
                            + rule.column + " <> :required")
                    .param("required", required)
                    .param("id", id.value())
                    .update();
            if (changed > 0) {
                audit.record(id, required ? rule.on : rule.off, "workspace", id.toString(), Map.of());
            }
        });
    }
}
