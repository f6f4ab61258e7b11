package herald.content;

import herald.shared.LimitReached;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Captions from the workspace's model: one call for every variant, then, when some repeat a recent post or a sibling
 * (or the answer held fewer than asked), one more call for just those, naming the texts to steer away from. What still
 * repeats after that is returned flagged.
 */
@Component
class AiCaptions {

    /** Written captions and what the calls cost. */
    record Written(List<CaptionChecks.Checked> captions, AiUsage usage) {}

    private static final int TOKENS_PER_CAPTION = 250;
    private static final double TEMPERATURE = 0.9;
    private static final int AVOID = 6;

    private final AiWriter ai;
    private final CaptionChecks checks;
    private final int maxPromptChars;

    AiCaptions(
            AiWriter ai,
            CaptionChecks checks,
            @Value("${herald.content.ai.max-prompt-chars:8000}") int maxPromptChars) {
        this.ai = ai;
        this.checks = checks;
        this.maxPromptChars = maxPromptChars;
    }

    /** Refuses a request whose prompt would be too long, before anything is called. */
    void checkPrompt(CaptionJob job) {
        var brief = job.brief();
        CaptionPrompts.capped(
                CaptionPrompts.system(brief), CaptionPrompts.user(brief, job.variants(), List.of()), maxPromptChars);
    }

    /**
     * @throws AiFailure when the first call fails or its answer holds no caption
     * @throws LimitReached when the month's AI tokens are used up
     */
    Written write(CaptionJob job) {
        var workspace = job.workspace().id();
        CaptionFitter fitter = job.fitter();
        AiReply first = call(job, job.variants(), List.of());
        AiUsage usage = first.usage();
        List<String> texts = CaptionPrompts.captions(first.text());
        if (texts.isEmpty()) {
            throw new AiFailure(
                    AiFailure.Kind.MALFORMED,
                    "The model answered, but no caption could be read from its answer; try again.");
        }
        List<CaptionChecks.Checked> accepted = new ArrayList<>();
        for (String text : texts.subList(0, Math.min(texts.size(), job.variants()))) {
            accepted.add(checks.check(workspace, fitter.fit(text, List.of()), accepted, "ai"));
        }
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            if (accepted.get(i).tooSimilar()) {
                again.add(i);
            }
        }
        int missing = job.variants() - accepted.size();
        if (again.isEmpty() && missing == 0) {
            return new Written(accepted, usage);
        }
        List<String> retried;
        try {
            AiReply second = call(job, again.size() + missing, avoid(accepted));
            usage = usage.plus(second.usage());
            retried = CaptionPrompts.captions(second.text());
        } catch (AiFailure | LimitReached e) {
            List<CaptionChecks.Checked> flagged = new ArrayList<>();
            for (CaptionChecks.Checked c : accepted) {
                flagged.add(c.tooSimilar() ? withWarning(c, "Could not write another one: " + e.getMessage()) : c);
            }
            return new Written(flagged, usage);
        }
        int r = 0;
        for (int index : again) {
            if (r >= retried.size()) {
                break;
            }
            List<CaptionChecks.Checked> others = new ArrayList<>(accepted);
            others.remove(index);
            CaptionChecks.Checked second =
                    checks.check(workspace, fitter.fit(retried.get(r++), List.of()), others, "ai");
            accepted.set(index, CaptionChecks.better(accepted.get(index), second));
        }
        while (r < retried.size() && accepted.size() < job.variants()) {
            accepted.add(checks.check(workspace, fitter.fit(retried.get(r++), List.of()), accepted, "ai"));
        }
        return new Written(accepted, usage);
    }

    private AiReply call(CaptionJob job, int variants, List<String> avoid) {
        var brief = job.brief();
        String system = CaptionPrompts.system(brief);
        String user = CaptionPrompts.user(brief, variants, avoid);
        CaptionPrompts.capped(system, user, maxPromptChars);
        return ai.write(
                job.workspace().id(),
                new AiPrompt(
                        CaptionPrompts.PURPOSE,
                        system,
                        user,
                        100 + variants * TOKENS_PER_CAPTION,
                        TEMPERATURE,
                        job.batch()));
    }

    /** The stored posts the too-similar captions repeat, and the captions themselves. */
    private static List<String> avoid(List<CaptionChecks.Checked> captions) {
        Set<String> avoid = new LinkedHashSet<>();
        for (CaptionChecks.Checked c : captions) {
            if (c.repeatsPost()) {
                avoid.add(c.closest().text());
            }
        }
        for (CaptionChecks.Checked c : captions) {
            avoid.add(c.text());
        }
        return avoid.stream().limit(AVOID).toList();
    }

    private static CaptionChecks.Checked withWarning(CaptionChecks.Checked c, String warning) {
        List<String> warnings = new ArrayList<>(c.warnings());
        warnings.add(warning);
        return new CaptionChecks.Checked(
                c.text(),
                warnings,
                c.similarity(),
                c.closest(),
                c.sibling(),
                c.siblingSimilarity(),
                c.threshold(),
                c.source());
    }
}
