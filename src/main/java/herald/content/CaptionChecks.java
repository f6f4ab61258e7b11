package herald.content;

import herald.shared.WorkspaceId;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Anti-repetition: a caption against the workspace's recent posts ({@link Similarity#similarPosts}) and against its
 * sibling variants ({@link Similarity#compare}), both at {@link Similarity#threshold()}.
 */
@Component
class CaptionChecks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final int QUOTE = 80;

    private final Similarity similarity;

    CaptionChecks(Similarity similarity) {
        this.similarity = similarity;
    }

    /**
     * A fitted caption and how it compares.
     *
     * @param closest the most similar stored post, if any
     * @param sibling the 1-based number of the sibling variant it is too close to, 0 for none
     */
    record Checked(
            String text,
            List<String> warnings,
            double similarity,
            @Nullable SimilarPost closest,
            int sibling,
            double siblingSimilarity,
            double threshold,
            String source) {

        boolean repeatsPost() {
            return closest != null && similarity >= threshold;
        }

        boolean repeatsSibling() {
            return sibling > 0;
        }

        boolean tooSimilar() {
            return repeatsPost() || repeatsSibling();
        }

        /** Lower is better: how far over the threshold the worse of the two comparisons is. */
        double excess() {
            return Math.max(similarity, siblingSimilarity) - threshold;
        }
    }

    Checked check(WorkspaceId workspace, CaptionFitter.Fitted fitted, List<Checked> siblings, String source) {
        double threshold = similarity.threshold();
        List<SimilarPost> similar =
                fitted.text().isBlank() ? List.of() : similarity.similarPosts(workspace, fitted.text(), 0.0, 1);
        SimilarPost closest = similar.isEmpty() ? null : similar.getFirst();
        double score = closest == null ? 0.0 : Math.max(0.0, closest.similarity());
        int sibling = 0;
        double siblingScore = 0.0;
        for (int i = 0; i < siblings.size(); i++) {
            double s = siblings.get(i).text().equals(fitted.text())
                    ? 1.0
                    : similarity.compare(fitted.text(), siblings.get(i).text());
            if (s > siblingScore) {
                siblingScore = s;
                if (s >= threshold) {
                    sibling = i + 1;
                }
            }
        }
        return new Checked(fitted.text(), fitted.warnings(), score, closest, sibling, siblingScore, threshold, source);
    }

    /** The better of two tries: one that is not too similar, else the less similar one. */
    static Checked better(@Nullable Checked first, Checked second) {
        if (first == null) {
            return second;
        }
        if (first.tooSimilar() != second.tooSimilar()) {
            return first.tooSimilar() ? second : first;
        }
        return second.excess() < first.excess() ? second : first;
    }

    /** The caption as answered: flagged with the post (or the variant) it repeats. */
    static CaptionResult.Caption caption(Checked checked, ZoneId zone) {
        List<String> warnings = new ArrayList<>();
        if (checked.repeatsPost()) {
            SimilarPost post = checked.closest();
            warnings.add("Too similar to the post of " + DAY.format(post.at().atZone(zone)) + ": “"
                    + quote(post.text()) + "” (similarity " + String.format(Locale.ROOT, "%.2f", post.similarity())
                    + ")");
        }
        if (checked.repeatsSibling()) {
            warnings.add("Close to variant " + checked.sibling() + " (similarity "
                    + String.format(Locale.ROOT, "%.2f", checked.siblingSimilarity()) + "); keep only one of them.");
        }
        warnings.addAll(checked.warnings());
        return new CaptionResult.Caption(
                checked.text(),
                round(checked.similarity()),
                checked.repeatsPost() ? checked.closest() : null,
                warnings);
    }

    private static String quote(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= QUOTE) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', QUOTE);
        return flat.substring(0, cut > QUOTE / 2 ? cut : QUOTE) + "…";
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
