package herald.providers.bluesky;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record's address, {@code at://{repo}/{collection}/{rkey}}: the repo a DID or a handle, the collection an NSID, the
 * record key as atproto's record-key syntax allows. A post's id in Herald is its {@code at://} URI.
 */
record AtUri(String repo, String collection, String rkey) {

    static final String POSTS = "app.bsky.feed.post";

    private static final Pattern FORM = Pattern.compile(
            "at://((?:did:[a-z]+:[A-Za-z0-9._:%-]+)|(?:[A-Za-z0-9.-]+))/([A-Za-z0-9.-]+)/([A-Za-z0-9._:~-]{1,512})");

    static Optional<AtUri> parse(String uri) {
        Matcher match = FORM.matcher(uri);
        if (!match.matches() || match.group(3).equals(".") || match.group(3).equals("..")) {
            return Optional.empty();
        }
        return Optional.of(new AtUri(match.group(1), match.group(2), match.group(3)));
    }

    static AtUri post(String repo, String rkey) {
        return new AtUri(repo, POSTS, rkey);
    }

    /**
     * Whether {@code other} names the same record, perhaps one by the account's handle (a post's address copied from
     * bsky.app) and one by its DID (as Bluesky answers): the same collection and key, and the same repo unless one of
     * them is a handle.
     */
    boolean sameRecord(AtUri other) {
        return collection.equals(other.collection)
                && rkey.equals(other.rkey)
                && (repo.equals(other.repo) || !repo.startsWith("did:") || !other.repo.startsWith("did:"));
    }

    @Override
    public String toString() {
        return "at://" + repo + "/" + collection + "/" + rkey;
    }
}
