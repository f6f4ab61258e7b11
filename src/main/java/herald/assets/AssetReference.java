package herald.assets;

/**
 * Something outside the library that uses an asset and keeps it from being deleted, like a scheduled post.
 *
 * @param kind what refers to the asset, e.g. {@code post}
 * @param id its id
 * @param label how a person recognises it, e.g. the post's first words and when it is due
 */
public record AssetReference(String kind, String id, String label) {}
