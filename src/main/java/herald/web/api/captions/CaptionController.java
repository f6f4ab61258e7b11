package herald.web.api.captions;

import herald.content.CaptionRequest;
import herald.content.Captions;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/captions")
@Tag(name = "Captions", description = "Captions in a persona's voice, from the workspace's model or the templates.")
class CaptionController {

    private final Captions captions;

    CaptionController(Captions captions) {
        this.captions = captions;
    }

    @PostMapping
    @Operation(
            operationId = "generateCaptions",
            summary = "Generate captions",
            description = "Writes 1 to 5 variants fitted to the platform (its own length counting, hashtag and emoji"
                    + " norms, the persona's words to avoid). mode=auto uses the workspace's model when it has one"
                    + " and budget, else the templates (fallbackReason says why when the model failed); ai answers"
                    + " 502/503/504 or 403 plan-limit instead of falling back; template never calls a model. A"
                    + " caption too similar to a recent post or to another variant is written again once, then"
                    + " returned with similarTo and a warning. Nothing is stored: the chosen text becomes a post.")
    CaptionView generate(CurrentWorkspace current, @RequestBody CaptionBody body) {
        return CaptionView.of(captions.generate(
                current.id(),
                new CaptionRequest(
                        body.platform(),
                        body.tone(),
                        body.personaId(),
                        body.itemName(),
                        body.itemDescription(),
                        body.context(),
                        body.postType(),
                        body.variants() == null ? 1 : body.variants(),
                        body.mode() == null ? "auto" : body.mode(),
                        null)));
    }
}
