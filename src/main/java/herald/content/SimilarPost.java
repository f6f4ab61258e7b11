package herald.content;

import herald.publishing.PostId;
import java.time.Instant;

/**
 * A stored post close to some text.
 *
 * @param text the post's text as it was embedded
 * @param similarity cosine similarity to the text it was compared with
 * @param at when it was (or is to be) published
 */
public record SimilarPost(PostId post, String text, double similarity, Instant at) {}
