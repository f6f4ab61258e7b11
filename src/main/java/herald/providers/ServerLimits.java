package herald.providers;

import java.util.Optional;

/**
 * What each server of a platform where every server sets its own limits (Mastodon) says one post may carry, as the
 * provider last read it from the server: kept so that a post is checked against its account's server without calling
 * the server (checks run inside transactions). Implemented where Herald stores things; providers only ask and tell.
 */
public interface ServerLimits {

    /** What {@code server} said when the provider last read it; empty when it never did. */
    Optional<Limits> find(String provider, String server);

    /** Keeps what {@code server} says now, in place of what it said before. */
    void keep(String provider, String server, Limits limits);

    /**
     * One server's limits.
     *
     * @param maxCharacters the longest text, as the platform counts it
     * @param maxMedia how many media one post may carry
     * @param urlCharacters how many characters a link counts, however long it is
     */
    record Limits(int maxCharacters, int maxMedia, int urlCharacters) {}
}
