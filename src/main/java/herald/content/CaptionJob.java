package herald.content;

import herald.providers.SocialProvider;
import herald.tenancy.Workspace;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A checked caption request with everything it refers to resolved. */
record CaptionJob(
        Workspace workspace,
        Persona persona,
        Tone tone,
        SocialProvider platform,
        String postType,
        String item,
        String description,
        String context,
        int variants,
        @Nullable UUID batch) {

    CaptionFitter fitter() {
        return new CaptionFitter(platform, tone, persona.wordsToAvoid());
    }

    CaptionPrompts.Brief brief() {
        return new CaptionPrompts.Brief(
                persona,
                tone,
                workspace.name(),
                workspace.description(),
                platform,
                PlatformNorms.of(platform.id()),
                postType,
                item,
                description,
                context);
    }

    TemplateWriter.Input templateInput() {
        return new TemplateWriter.Input(
                TemplateWriter.item(item),
                description,
                workspace.name(),
                workspace.description(),
                context,
                persona,
                tone,
                postType,
                PlatformNorms.of(platform.id()).maxEmoji(tone));
    }
}
