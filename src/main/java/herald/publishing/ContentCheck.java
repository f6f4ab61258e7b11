package herald.publishing;

import herald.assets.Asset;
import herald.providers.ContentRules;
import herald.providers.PublishRequest;
import herald.providers.SocialProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One platform's rules applied to one target's content: the one place that both accepting a post ({@link Validation})
 * and the composer's live check take them from, so what the composer says is what saving refuses.
 */
public final class ContentCheck {

    /** What a problem is about, so callers can point at the right field. */
    public enum Where {
        TEXT,
        LINK,
        MEDIA
    }

    /**
     * @param code stable: {@code text.length}, {@code text.empty}, {@code link.not_allowed}, {@code media.count},
     *     {@code media.kind}, {@code media.size}, {@code platform.rule}
     * @param message a sentence without the account's name
     */
    public record Problem(String code, Where where, String message) {}

    /**
     * @param length the text's length as the platform counts it
     * @param limit the longest text it takes, counted the same way
     */
    public record Result(int length, int limit, List<Problem> problems) {}

    private ContentCheck() {}

    /**
     * The problems of {@code text}, {@code link} (already checked to be a web link, or null) and {@code media} on the
     * account {@code accountId} ({@link SocialProvider#contentRules(String)}).
     */
    public static Result check(
            SocialProvider provider, String accountId, String text, @Nullable URI link, Collection<Asset> media) {
        ContentRules rules = provider.contentRules(accountId);
        List<Problem> problems = new ArrayList<>();
        int length = rules.length(text);
        if (length > rules.maxTextLength()) {
            problems.add(
                    new Problem("text.length", Where.TEXT, length + " of " + rules.maxTextLength() + " characters."));
        }
        if (text.isBlank() && media.isEmpty()) {
            problems.add(new Problem("text.empty", Where.TEXT, "A post needs text or media."));
        }
        if (link != null && !rules.linkAllowed()) {
            problems.add(new Problem("link.not_allowed", Where.LINK, "Posts cannot carry a link."));
        }
        problems.addAll(mediaProblems(rules, media));
        for (String problem : provider.contentProblems(accountId, text, link, described(media))) {
            problems.add(new Problem("platform.rule", Where.TEXT, problem));
        }
        return new Result(length, rules.maxTextLength(), List.copyOf(problems));
    }

    /** The platform's rules for media ({@code media.count}, {@code media.kind}, {@code media.size}) on {@code media}. */
    private static List<Problem> mediaProblems(ContentRules rules, Collection<Asset> media) {
        List<Problem> problems = new ArrayList<>();
        if (media.size() > rules.maxMedia()) {
            problems.add(new Problem(
                    "media.count", Where.MEDIA, media.size() + " media, at most " + rules.maxMedia() + "."));
        }
        for (Asset asset : media) {
            String kind = asset.type().kind().value();
            if (!rules.mediaKinds().contains(kind)) {
                problems.add(new Problem(
                        "media.kind",
                        Where.MEDIA,
                        asset.filename() + " is a" + ("image".equals(kind) ? "n " : " ") + kind
                                + ", which it does not take."));
            } else if (asset.sizeBytes() > rules.maxMediaBytes()) {
                problems.add(new Problem(
                        "media.size",
                        Where.MEDIA,
                        asset.filename() + " is " + asset.sizeBytes() / 1024 + " KB, at most "
                                + rules.maxMediaBytes() / 1024 + " KB."));
            }
        }
        return problems;
    }

    /** The media as a platform's own rules look at them, before any link to them exists. */
    private static List<PublishRequest.Media> described(Collection<Asset> media) {
        return media.stream()
                .map(asset -> new PublishRequest.Media(
                        URI.create("asset:" + asset.id()),
                        asset.contentType(),
                        asset.type().kind().value(),
                        asset.sizeBytes(),
                        asset.altText()))
                .toList();
    }

    /**
     * A story on a platform that takes stories: its one image or video, held to the platform's rules for media
     * ({@code media.kind}, {@code media.size}, {@code platform.rule}); a story of no medium or of several is {@code
     * story.media}. Its text and link are not published, so not weighed.
     */
    public static List<Problem> story(SocialProvider provider, String accountId, Collection<Asset> media) {
        List<Problem> problems = new ArrayList<>();
        if (media.size() != 1) {
            problems.add(new Problem(
                    "story.media",
                    Where.MEDIA,
                    "a story is one image or video; this post has " + media.size() + " media."));
            return List.copyOf(problems);
        }
        problems.addAll(mediaProblems(provider.contentRules(accountId), media));
        for (String problem : provider.contentProblems("", null, described(media))) {
            problems.add(new Problem("platform.rule", Where.MEDIA, problem));
        }
        return List.copyOf(problems);
    }

    /**
     * {@code text} (a thread's part, a first comment) as the account gets it: tagged when the post tags its links
     * ({@link LinkTagging}), its links short when it shortens them ({@link ShortLinks}); what its checks weigh.
     */
    public static String asSent(
            String text,
            LinkTagging.@Nullable Plan tagging,
            ShortLinks.@Nullable Plan shortening,
            String provider,
            String username) {
        String tagged = tagging == null
                ? text
                : tagging.apply(text, null, provider, username).text();
        return shortening == null ? tagged : shortening.text(tagged, provider);
    }

    /** The link as a URI when it is an absolute http(s) URL with a host. */
    public static Optional<URI> webLink(String link) {
        try {
            URI uri = URI.create(link);
            boolean web = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            return web ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A part of a post's thread on a platform that has threads: a post of its own (a reply to the part before), held
     * to the platform's length and rules for a post's text and media, without a link. {@code number} is the part's
     * place in the thread as a person counts it (2 for the first after the post's own text). Codes: {@code
     * thread.length}, {@code thread.rule} (the platform's rules), and {@code media.count}, {@code media.kind}, {@code
     * media.size} for its media ({@link Where#MEDIA}).
     */
    public static List<Problem> threadPart(
            SocialProvider provider, String accountId, String part, int number, Collection<Asset> media) {
        List<Problem> problems = new ArrayList<>();
        ContentRules rules = provider.contentRules(accountId);
        int length = rules.length(part);
        int limit = Math.min(rules.maxTextLength(), Validation.MAX_COMMENT);
        if (length > limit || part.length() > Validation.MAX_COMMENT) {
            problems.add(new Problem(
                    "thread.length",
                    Where.TEXT,
                    "part " + number + " of the thread is " + length + " of " + limit + " characters."));
        }
        for (Problem problem : mediaProblems(rules, media)) {
            problems.add(new Problem(
                    problem.code(), Where.MEDIA, "part " + number + " of the thread: " + problem.message()));
        }
        for (String problem : provider.contentProblems(part, null, described(media))) {
            problems.add(new Problem("thread.rule", Where.TEXT, "part " + number + " of the thread: " + problem));
        }
        return List.copyOf(problems);
    }

    /**
     * Why the platform would refuse {@code comment} (as it is written: tagged when its post tags its links) as a post's
     * first comment; empty when it takes it. Its length is also held to the most Herald keeps
     * ({@link Validation#MAX_COMMENT}), so this is the one length check a comment for a platform goes through. Codes:
     * {@code comment.unsupported}, {@code comment.length}, and {@code comment.rule} for the platform's own rules
     * ({@link SocialProvider#commentProblems}).
     */
    public static List<Problem> comment(SocialProvider provider, String accountId, String comment) {
        if (!provider.takesComments()) {
            return List.of(new Problem(
                    "comment.unsupported",
                    Where.TEXT,
                    "Herald cannot write comments on " + provider.displayName()
                            + "; leave this account out or remove the first comment."));
        }
        List<Problem> problems = new ArrayList<>();
        Result rules = commentRules(provider, accountId, comment);
        if (rules.length() > rules.limit() || comment.length() > Validation.MAX_COMMENT) {
            problems.add(new Problem(
                    "comment.length",
                    Where.TEXT,
                    "the first comment is " + rules.length() + " of " + rules.limit() + " characters."));
        }
        problems.addAll(rules.problems());
        return List.copyOf(problems);
    }

    /**
     * A comment by the account {@code accountId} as its platform judges it: its length as the platform counts it, the
     * longest it takes (held to the most Herald keeps, {@link Validation#MAX_COMMENT}), and the platform's own rules
     * it breaks ({@code comment.rule}). A post's first comment ({@link #comment}) and an answer in the inbox are both
     * held to it.
     */
    public static Result commentRules(SocialProvider provider, String accountId, String comment) {
        return new Result(
                provider.contentRules(accountId).length(comment),
                Math.min(provider.commentMaxLength(accountId), Validation.MAX_COMMENT),
                provider.commentProblems(comment).stream()
                        .map(problem -> new Problem("comment.rule", Where.TEXT, problem))
                        .toList());
    }
}
