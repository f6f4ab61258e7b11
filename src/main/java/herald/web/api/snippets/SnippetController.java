package herald.web.api.snippets;

import herald.content.Snippet;
import herald.content.Snippets;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/snippets")
@Tag(
        name = "Snippets",
        description = "Saved texts (a hashtag set, a sign-off, a disclaimer) the composer inserts into posts. Names are"
                + " unique in the workspace whatever their case; at most 200 a workspace.")
class SnippetController {

    private final Snippets snippets;

    SnippetController(Snippets snippets) {
        this.snippets = snippets;
    }

    @Schema(name = "Snippet")
    record View(UUID id, String name, String body, Instant createdAt, Instant updatedAt) {

        static View of(Snippet s) {
            return new View(s.id(), s.name(), s.body(), s.createdAt(), s.updatedAt());
        }
    }

    @Schema(name = "Snippets")
    record Views(List<View> items) {}

    @Schema(name = "SnippetChange")
    record Change(
            @Schema(description = "1 to 60 characters.") @Nullable String name,
            @Schema(description = "1 to 2,000 characters.") @Nullable String body) {}

    @GetMapping
    @Operation(operationId = "listSnippets", summary = "List the snippets", description = "By name.")
    Views list(CurrentWorkspace current) {
        return new Views(snippets.all(current.id()).stream().map(View::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSnippet", summary = "Save a snippet")
    View create(CurrentWorkspace current, @RequestBody Change change) {
        return View.of(snippets.create(current.id(), change.name(), change.body()));
    }

    @GetMapping("/{snippetId}")
    @Operation(operationId = "getSnippet", summary = "Get a snippet")
    View get(CurrentWorkspace current, @PathVariable UUID snippetId) {
        return View.of(snippets.require(current.id(), snippetId));
    }

    @PutMapping("/{snippetId}")
    @Operation(operationId = "replaceSnippet", summary = "Change a snippet's name and text")
    View replace(CurrentWorkspace current, @PathVariable UUID snippetId, @RequestBody Change change) {
        return View.of(snippets.update(current.id(), snippetId, change.name(), change.body()));
    }

    @DeleteMapping("/{snippetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteSnippet", summary = "Delete a snippet")
    void delete(CurrentWorkspace current, @PathVariable UUID snippetId) {
        snippets.delete(current.id(), snippetId);
    }
}
