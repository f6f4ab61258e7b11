package herald.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Captions from the template library: each variant from another template (least recently used first), filled again
 * when the text was written lately, and from up to three more templates when it repeats a recent post or a sibling
 * (a template costs no tokens, so it tries harder than AI mode's one rewrite); flagged when every try repeats, with the
 * least similar one kept.
 */
@Component
class TemplateCaptions {

    private static final int REFILLS = 8;
    private static final int TRIES = 4;

    private final TemplateWriter writer;
    private final RecentCaptions recent;
    private final CaptionChecks checks;

    TemplateCaptions(TemplateWriter writer, RecentCaptions recent, CaptionChecks checks) {
        this.writer = writer;
        this.recent = recent;
        this.checks = checks;
    }

    List<CaptionChecks.Checked> write(CaptionJob job) {
        var workspace = job.workspace().id();
        TemplateWriter.Input input = job.templateInput();
        CaptionFitter fitter = job.fitter();
        List<TemplateLibrary.Template> candidates = writer.candidates(workspace, input);
        List<String> hashtags = writer.hashtags(input);
        Set<String> taken = new HashSet<>();
        List<CaptionChecks.Checked> accepted = new ArrayList<>();
        int next = 0;
        for (int v = 0; v < job.variants(); v++) {
            CaptionChecks.Checked best = null;
            for (int attempt = 0; attempt < TRIES && (best == null || best.tooSimilar()); attempt++) {
                TemplateLibrary.Template template = candidates.get(next++ % candidates.size());
                CaptionFitter.Fitted fitted = fresh(job, template, input, fitter, hashtags, taken, accepted);
                best = CaptionChecks.better(best, checks.check(workspace, fitted, accepted, template.id()));
            }
            accepted.add(best);
            recent.remember(workspace, best.source(), best.text());
        }
        return accepted;
    }

    /** The template filled until its text is neither one written lately nor a sibling's. */
    private CaptionFitter.Fitted fresh(
            CaptionJob job,
            TemplateLibrary.Template template,
            TemplateWriter.Input input,
            CaptionFitter fitter,
            List<String> hashtags,
            Set<String> taken,
            List<CaptionChecks.Checked> siblings) {
        CaptionFitter.Fitted fitted = null;
        for (int i = 0; i < REFILLS; i++) {
            TemplateWriter.Draft draft = writer.fill(template, input, taken);
            fitted = fitter.fit(draft.text(), hashtags(hashtags, i));
            String text = fitted.text();
            if (!recent.wrote(job.workspace().id(), text)
                    && siblings.stream().noneMatch(s -> s.text().equals(text))) {
                return fitted;
            }
        }
        return fitted;
    }

    /** The hashtags, rotated on each refill so that a refill can differ in them too. */
    private static List<String> hashtags(List<String> hashtags, int refill) {
        if (refill == 0 || hashtags.size() < 3) {
            return hashtags;
        }
        List<String> rotated = new ArrayList<>(hashtags.subList(0, 1));
        List<String> rest = new ArrayList<>(hashtags.subList(1, hashtags.size()));
        java.util.Collections.rotate(rest, -refill);
        rotated.addAll(rest);
        return rotated;
    }
}
