package herald.providers;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One post as a platform receives it: its text, an optional link, and its media, which the platform fetches by URL
 * (Instagram, the Sandbox) or the provider downloads from the same short-lived signed URL and uploads (X, Facebook,
 * LinkedIn).
 *
 * @param accountHandle the account's handle at the platform, for reading back what it published
 * @param replyTo the platform's id of the post this one answers (a thread's next part), or null
 * @param format a feed post, or a story (its one medium alone, without text or link) where the platform takes them
 * @param card what the link's page says about itself, for a platform whose card Herald fills in ({@link
 *     SocialProvider#fillsLinkCards()}); null when the page said nothing or the post has no link
 * @param language the language the text is written in (a BCP 47 tag such as {@code en} or {@code pt-BR}), for the
 *     platforms that take one; null when the workspace did not say
 */
public record PublishRequest(
        String accountHandle,
        String text,
        @Nullable URI link,
        List<Media> media,
        @Nullable String replyTo,
        PostFormat format,
        @Nullable LinkPreview card,
        @Nullable String language) {

    /**
     * A link's card as its page names it (Open Graph, else its title and meta description): either may be null; and its
     * image, read by Herald from the page's host, for a platform that takes one ({@link
     * SocialProvider#linkCardImageBytes()}); null without one.
     */
    public record LinkPreview(@Nullable String title, @Nullable String description, @Nullable Image image) {

        /** A card without an image. */
        public LinkPreview(@Nullable String title, @Nullable String description) {
            this(title, description, null);
        }
    }

    /** An image's bytes and media type ({@code image/jpeg}, {@code image/png}, ...). */
    public record Image(byte[] bytes, String contentType) {

        @Override
        public String toString() {
            return "Image[" + contentType + ", " + bytes.length + " bytes]";
        }
    }

    /** A request whose language is not told. */
    public PublishRequest(
            String accountHandle,
            String text,
            @Nullable URI link,
            List<Media> media,
            @Nullable String replyTo,
            PostFormat format,
            @Nullable LinkPreview card) {
        this(accountHandle, text, link, media, replyTo, format, card, null);
    }

    /** This request, telling the platform its text is in {@code language} (null: not told). */
    public PublishRequest inLanguage(@Nullable String language) {
        return new PublishRequest(accountHandle, text, link, media, replyTo, format, card, language);
    }

    /** A request without a card. */
    public PublishRequest(
            String accountHandle,
            String text,
            @Nullable URI link,
            List<Media> media,
            @Nullable String replyTo,
            PostFormat format) {
        this(accountHandle, text, link, media, replyTo, format, null);
    }

    /**
     * One medium of a post.
     *
     * @param url a signed URL of Herald's asset library, valid for the attempt (never a platform's or a user's URL)
     * @param contentType its media type as Herald detected it from the bytes (Tika), e.g. {@code image/png}
     * @param kind {@code image} or {@code video}
     * @param sizeBytes its size
     * @param altText its description for screen readers, possibly empty
     */
    public record Media(URI url, String contentType, String kind, long sizeBytes, String altText) {

        public static Media image(URI url, String contentType, long sizeBytes) {
            return new Media(url, contentType, "image", sizeBytes, "");
        }
    }

    public PublishRequest {
        media = List.copyOf(media);
        format = format == null ? PostFormat.POST : format;
    }

    /** A feed post. */
    public PublishRequest(
            String accountHandle, String text, @Nullable URI link, List<Media> media, @Nullable String replyTo) {
        this(accountHandle, text, link, media, replyTo, PostFormat.POST);
    }

    /** Whether it goes out as a story. */
    public boolean story() {
        return format == PostFormat.STORY;
    }

    /** A post without media and not a reply. */
    public PublishRequest(String accountHandle, String text, @Nullable URI link) {
        this(accountHandle, text, link, List.of(), null);
    }

    /** The media's URLs, in order. */
    public List<URI> mediaUrls() {
        return media.stream().map(Media::url).toList();
    }
}
