package herald.publishing;

import herald.assets.AssetId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A thread's parts as a post keeps them: each part's text (stripped) and its media, side by side ({@code media.get(i)}
 * are part {@code i}'s, empty for none). A part with neither text nor media is left out, so an author's empty fields
 * never become posts; a part of media alone is kept, as X takes a post of images without words.
 */
public record ThreadContent(List<String> parts, List<List<AssetId>> media) {

    public static final ThreadContent NONE = new ThreadContent(List.of(), List.of());

    public ThreadContent {
        parts = List.copyOf(parts);
        media = media.stream().map(List::copyOf).toList();
        if (parts.size() != media.size()) {
            throw new IllegalArgumentException(parts.size() + " parts, media for " + media.size());
        }
    }

    /** The parts of {@code parts} and {@code media} (either may be shorter, or null) as kept. */
    public static ThreadContent of(@Nullable List<String> parts, @Nullable List<List<AssetId>> media) {
        List<String> texts = parts == null ? List.of() : parts;
        List<List<AssetId>> given = media == null ? List.of() : media;
        List<Integer> kept = kept(texts, given);
        return new ThreadContent(
                kept.stream().map(i -> textAt(texts, i).strip()).toList(),
                kept.stream().map(i -> mediaOf(given, i)).toList());
    }

    /**
     * The places of the parts a thread keeps of {@code texts} and {@code media} side by side (either may be shorter):
     * those with text or media. The one rule for what an author's thread fields become, whatever holds the media.
     */
    public static <M> List<Integer> kept(List<String> texts, List<? extends List<M>> media) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < Math.max(texts.size(), media.size()); i++) {
            if (!textAt(texts, i).isBlank() || !mediaOf(media, i).isEmpty()) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** Part {@code index}'s text as given; empty past the last or for a null. */
    public static String textAt(List<String> texts, int index) {
        return index < texts.size() && texts.get(index) != null ? texts.get(index) : "";
    }

    /**
     * The thread an edit leaves: new parts keep the media of the parts at their places unless the edit gives media
     * too, and parts an edit takes away take their media with them.
     */
    static ThreadContent edited(Post current, PostChanges changes) {
        if (changes.thread() == null) {
            return ThreadContent.of(
                    current.thread(), changes.threadMedia() == null ? current.threadMedia() : changes.threadMedia());
        }
        List<List<AssetId>> media = changes.threadMedia() != null
                ? changes.threadMedia()
                : current.threadMedia()
                        .subList(
                                0,
                                Math.min(
                                        current.threadMedia().size(),
                                        changes.thread().size()));
        return ThreadContent.of(changes.thread(), media);
    }

    /** Part {@code index}'s media (0 is the first part after the post's own text); none past the last. */
    public static <M> List<M> mediaOf(List<? extends List<M>> media, int index) {
        return index < media.size() && media.get(index) != null ? media.get(index) : List.of();
    }

    /** Whether any part carries media. */
    public boolean hasMedia() {
        return media.stream().anyMatch(m -> !m.isEmpty());
    }
}
