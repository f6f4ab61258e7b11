package herald.links;

/**
 * A card's image as read from the page's host: its bytes and its media type ({@code image/jpeg}, {@code image/png},
 * {@code image/webp} or {@code image/gif}).
 */
public record LinkImage(byte[] bytes, String contentType) {}
