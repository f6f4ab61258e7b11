/**
 * The content studio: personas (brand voice), AI captions through an OpenAI-compatible chat completions endpoint (the
 * workspace's own key, Herald's, or template mode when there is none), anti-repetition with in-process sentence
 * embeddings, monthly content calendars generated in the background, the generation log and AI usage against the
 * plan. See docs/adr/0010 and docs/content/.
 *
 * <p>The module's seams: {@link herald.content.AiWriter} (every call to a model), {@link herald.content.Similarity}
 * (vectors of the workspace's posts), {@link herald.content.Captions} (captions in AI or template mode).
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "database",
            "audit",
            "tenancy",
            "vault",
            "providers",
            "publishing",
            "assets",
            "connections"
        })
@NullMarked
package herald.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
