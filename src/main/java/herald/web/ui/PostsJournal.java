package herald.web.ui;

import herald.publishing.AttemptHistory;
import herald.publishing.TargetId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A post's attempt log as the detail page says it: each attempt's outcome in plain words and how long it took. */
public record PostsJournal(Map<TargetId, List<AttemptHistory.Attempt>> attempts) {

    public List<AttemptHistory.Attempt> of(TargetId target) {
        return attempts.getOrDefault(target, List.of());
    }

    /** The outcome as a person reads it. */
    public String outcome(AttemptHistory.Attempt attempt) {
        return words(attempt.outcome());
    }

    static String words(@Nullable String outcome) {
        if (outcome == null) {
            return "Not finished";
        }
        return switch (outcome) {
            case "published" -> "Published";
            case "reconciled" -> "Already on the platform";
            case "retry" -> "Failed for now; tried again later";
            case "failed" -> "Failed";
            case "unknown" -> "Outcome unknown";
            case "fenced" -> "Overtaken by a newer attempt";
            default -> outcome;
        };
    }

    /** "0.4 s", "12 s", "3 min"; empty while unfinished. */
    public String took(AttemptHistory.Attempt attempt) {
        if (attempt.finishedAt() == null) {
            return "";
        }
        Duration took = Duration.between(attempt.startedAt(), attempt.finishedAt());
        long millis = Math.max(0, took.toMillis());
        if (millis < 10_000) {
            return String.format(java.util.Locale.ENGLISH, "%.1f s", millis / 1000.0);
        }
        return millis < 120_000 ? millis / 1000 + " s" : millis / 60_000 + " min";
    }

    /** A CSS modifier for the outcome: ok, retry, bad or open. */
    public String tone(AttemptHistory.Attempt attempt) {
        String outcome = attempt.outcome();
        if (outcome == null) {
            return "open";
        }
        return switch (outcome) {
            case "published", "reconciled" -> "ok";
            case "retry", "fenced" -> "retry";
            default -> "bad";
        };
    }
}
