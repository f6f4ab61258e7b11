package herald.web.ui;

import herald.assets.AssetId;
import herald.publishing.ThreadContent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The composer's thread: a field per part after the post's text ({@code thread}, repeated), and each part's media as
 * boxes named {@code threadMedia} whose value is {@code <part>:<asset>}, the part counted from 0 among the fields (so
 * the media stay with their part without script; composer.js renumbers them when a part is added or removed).
 *
 * @param parts the parts' texts as typed
 * @param media each part's media (asset ids as text), side by side with {@code parts}
 */
public record ComposerThread(List<String> parts, List<List<String>> media) {

    /** Most parts after the post's own text. */
    private static final int MOST = 24;

    public static final ComposerThread NONE = new ComposerThread(List.of(), List.of());

    public ComposerThread {
        parts = List.copyOf(parts);
        media = media.stream().map(List::copyOf).toList();
    }

    /** A post's thread as the composer shows it. */
    static ComposerThread of(ThreadContent thread) {
        return new ComposerThread(
                thread.parts(),
                thread.media().stream()
                        .map(ids -> ids.stream().map(AssetId::toString).toList())
                        .toList());
    }

    /**
     * The thread as posted: {@code fields} every part's field (empty ones too), {@code boxes} the ticked {@code
     * <part>:<asset>} boxes. Parts with neither text nor media are left out.
     */
    static ComposerThread read(@Nullable List<String> fields, @Nullable List<String> boxes) {
        List<String> texts = fields == null ? List.of() : fields;
        List<List<String>> picked = new ArrayList<>();
        for (String box : boxes == null ? List.<String>of() : boxes) {
            int colon = box.indexOf(':');
            int part = colon < 1 ? -1 : index(box.substring(0, colon));
            if (part < 0 || part >= Math.max(texts.size(), MOST)) {
                throw new herald.shared.InvalidInput(
                        "threadMedia", "The form named something that does not exist: reload it.");
            }
            while (picked.size() <= part) {
                picked.add(new ArrayList<>());
            }
            picked.get(part).add(box.substring(colon + 1));
        }
        List<Integer> kept = ThreadContent.kept(texts, picked);
        return new ComposerThread(
                kept.stream().map(i -> ThreadContent.textAt(texts, i)).toList(),
                kept.stream().map(i -> ThreadContent.mediaOf(picked, i)).toList());
    }

    private static int index(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The parts as typed, and room for one more: what the composer's fields show. */
    public List<String> withRoom() {
        var shown = new ArrayList<>(parts);
        if (shown.size() < MOST) {
            shown.add("");
        }
        return shown;
    }

    /** Whether part {@code part} (from 0) carries {@code asset}. */
    public boolean picked(int part, String asset) {
        return part < media.size() && media.get(part).contains(asset);
    }

    /** How many media part {@code part} carries. */
    public int mediaCount(int part) {
        return part < media.size() ? media.get(part).size() : 0;
    }

    /** Every part's media, for the picker to list them all. */
    List<String> allMedia() {
        return media.stream().flatMap(List::stream).toList();
    }

    /** The thread as the post keeps it. */
    ThreadContent content() {
        return ThreadContent.of(
                parts,
                media.stream()
                        .map(ids ->
                                ids.stream().map(id -> new AssetId(uuid(id))).toList())
                        .toList());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new herald.shared.InvalidInput(
                    "threadMedia", "The form named something that does not exist: reload it.");
        }
    }
}
