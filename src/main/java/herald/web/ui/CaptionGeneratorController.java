package herald.web.ui;

import herald.content.AiFailure;
import herald.content.CaptionRequest;
import herald.content.CaptionResult;
import herald.content.Captions;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caption generator inside the composer (htmx): writes variants for the chosen platform in a persona's voice and
 * answers them as a fragment with their similarity and warnings; "Use this" (captions.js) puts one into the post's
 * text. Refusals (a field too long, the model failing in AI mode, the month's AI budget spent) come back as a message
 * in the same place.
 */
@Controller
class CaptionGeneratorController {

    /** A post type as the generator offers it. */
    public record PostType(String value, String label) {}

    static final List<PostType> POST_TYPES = List.of(
            new PostType("", "General"),
            new PostType("promotional", "Promotional"),
            new PostType("product_showcase", "Product showcase"),
            new PostType("weekend_driver", "Weekend driver"),
            new PostType("engagement_poll", "Engagement poll"),
            new PostType("customer_appreciation", "Customer appreciation"));

    private final Captions captions;

    CaptionGeneratorController(Captions captions) {
        this.captions = captions;
    }

    @PostMapping("/w/{slug}/compose/captions")
    String generate(
            @RequestParam(name = "caption-platform", defaultValue = "") String platform,
            @RequestParam(name = "caption-tone", defaultValue = "") String tone,
            @RequestParam(name = "caption-persona", defaultValue = "") String persona,
            @RequestParam(name = "caption-item", defaultValue = "") String item,
            @RequestParam(name = "caption-description", defaultValue = "") String description,
            @RequestParam(name = "caption-context", defaultValue = "") String context,
            @RequestParam(name = "caption-post-type", defaultValue = "") String postType,
            @RequestParam(name = "caption-variants", defaultValue = "3") String variants,
            @RequestParam(name = "caption-mode", defaultValue = "auto") String mode,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        model.addAttribute("captionsUrl", "/w/" + current.workspace().slug() + "/compose/captions");
        try {
            CaptionResult result = captions.generate(
                    current.id(),
                    new CaptionRequest(
                            platform,
                            blankToNull(tone),
                            personaId(persona),
                            item,
                            description,
                            context,
                            blankToNull(postType),
                            count(variants),
                            mode,
                            null));
            model.addAttribute("result", result);
        } catch (InvalidInput | NotFound | AiFailure | LimitReached e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "posts/captions :: results";
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static @Nullable UUID personaId(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFound("No such persona in this workspace.");
        }
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("variants", "Ask for 1 to 5 variants.");
        }
    }
}
