package herald.content;

import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@link Captions}: checks the request, resolves the persona and the platform, and lets the model or the template
 * library write ({@code auto}: the model when {@link AiWriter#availability} says so, the templates when not or when
 * the model fails, saying why).
 */
@Component
class CaptionStudio implements Captions {

    static final int MAX_ITEM_NAME = 200;
    static final int MAX_ITEM_DESCRIPTION = 2000;
    static final int MAX_CONTEXT = 1000;
    static final Set<String> MODES = Set.of("auto", "ai", "template");

    private final Personas personas;
    private final Workspaces workspaces;
    private final Providers providers;
    private final AiWriter ai;
    private final AiCaptions aiCaptions;
    private final TemplateCaptions templateCaptions;

    CaptionStudio(
            Personas personas,
            Workspaces workspaces,
            Providers providers,
            AiWriter ai,
            AiCaptions aiCaptions,
            TemplateCaptions templateCaptions) {
        this.personas = personas;
        this.workspaces = workspaces;
        this.providers = providers;
        this.ai = ai;
        this.aiCaptions = aiCaptions;
        this.templateCaptions = templateCaptions;
    }

    @Override
    public CaptionResult generate(WorkspaceId workspace, CaptionRequest request) {
        String mode = request.mode() == null || request.mode().isBlank()
                ? "auto"
                : request.mode().strip();
        if (!MODES.contains(mode)) {
            throw new InvalidInput("mode", "Unknown mode '" + mode + "': use auto, ai or template.");
        }
        CaptionJob job = job(workspace, request);
        return switch (mode) {
            case "template" -> templates(job, null);
            case "ai" -> model(job);
            default -> auto(job);
        };
    }

    private CaptionResult auto(CaptionJob job) {
        AiAvailability availability = ai.availability(job.workspace().id());
        if (!availability.available()) {
            return templates(job, "none".equals(availability.source()) ? null : availability.reason());
        }
        aiCaptions.checkPrompt(job);
        try {
            return model(job);
        } catch (AiFailure | LimitReached e) {
            return templates(job, "AI failed, so the captions come from templates: " + e.getMessage());
        }
    }

    private CaptionResult model(CaptionJob job) {
        AiCaptions.Written written = aiCaptions.write(job);
        return new CaptionResult("ai", captions(job, written.captions()), written.usage(), null);
    }

    private CaptionResult templates(CaptionJob job, @Nullable String fallbackReason) {
        return new CaptionResult("template", captions(job, templateCaptions.write(job)), AiUsage.NONE, fallbackReason);
    }

    private static List<CaptionResult.Caption> captions(CaptionJob job, List<CaptionChecks.Checked> checked) {
        return checked.stream()
                .map(c -> CaptionChecks.caption(c, job.workspace().timezone()))
                .toList();
    }

    private CaptionJob job(WorkspaceId workspace, CaptionRequest request) {
        if (request.variants() < 1 || request.variants() > 5) {
            throw new InvalidInput("variants", "Ask for 1 to 5 variants (" + request.variants() + " asked).");
        }
        SocialProvider platform = platform(request.platform());
        String postType = request.postType() == null || request.postType().isBlank()
                ? "general"
                : request.postType().strip();
        if (!TemplateLibrary.POST_TYPES.contains(postType)) {
            throw new InvalidInput(
                    "postType",
                    "Unknown post type '" + postType + "': use " + String.join(", ", TemplateLibrary.POST_TYPES) + ".");
        }
        String item = text("itemName", request.itemName(), MAX_ITEM_NAME);
        String description = text("itemDescription", request.itemDescription(), MAX_ITEM_DESCRIPTION);
        String context = text("context", request.context(), MAX_CONTEXT);
        Persona persona = request.personaId() == null
                ? personas.defaultOf(workspace)
                : personas.require(workspace, new PersonaId(request.personaId()));
        Tone tone = request.tone() == null || request.tone().isBlank()
                ? persona.tone()
                : Tone.of("tone", request.tone().strip());
        Workspace space = workspaces.require(workspace);
        return new CaptionJob(
                space,
                persona,
                tone,
                platform,
                postType,
                item,
                description,
                context,
                request.variants(),
                request.batch());
    }

    private SocialProvider platform(@Nullable String platform) {
        String id = platform == null ? "" : platform.strip();
        return providers
                .find(id)
                .orElseThrow(() -> new InvalidInput(
                        "platform",
                        (id.isEmpty() ? "A platform is needed" : "Unknown" + " platform '" + id + "'") + ": use "
                                + String.join(
                                        ", ",
                                        providers.all().stream()
                                                .map(SocialProvider::id)
                                                .sorted()
                                                .toList()) + "."));
    }

    private static String text(String field, @Nullable String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new InvalidInput(field, "At most " + max + " characters (" + v.length() + " given).");
        }
        return v;
    }
}
