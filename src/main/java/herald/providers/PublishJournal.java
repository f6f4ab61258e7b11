package herald.providers;

import java.util.Optional;

/**
 * A provider's notes about one target's publishing, kept durably across attempts and nodes: what a multi-step publish
 * has already done at the platform (an Instagram container's id, an uploaded X media id), so that a retry after an
 * ambiguous attempt continues or checks instead of starting again. {@link #put} returns only once the note is stored,
 * and refuses (with {@link IllegalStateException}) when a newer attempt has taken the target over.
 */
public interface PublishJournal {

    Optional<String> get(String key);

    void put(String key, String value);

    /** A journal that keeps nothing, for callers without a durable target (tests, previews). */
    static PublishJournal inMemory() {
        var notes = new java.util.concurrent.ConcurrentHashMap<String, String>();
        return new PublishJournal() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(notes.get(key));
            }

            @Override
            public void put(String key, String value) {
                notes.put(key, value);
            }
        };
    }
}
