package herald.web.api.posts;

import herald.identity.ApiKeyPrincipal;
import herald.identity.ApiKeyScope;
import herald.publishing.PostId;
import herald.publishing.PostNote;
import herald.publishing.PostNotes;
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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posts/{postId}/notes")
@Tag(
        name = "Post notes",
        description = "The team's conversation about a post, kept with it in any status. A note is removed only by"
                + " its author or with the admin scope.")
class PostNotesController {

    private final PostNotes notes;

    PostNotesController(PostNotes notes) {
        this.notes = notes;
    }

    @Schema(name = "PostNote")
    record View(
            UUID id,
            String body,
            @Schema(description = "user, api_key, agent, system or operator") String authorType,
            @Schema(description = "An e-mail, a key's or an agent's name.") @Nullable String author,
            Instant createdAt) {

        static View of(PostNote note) {
            return new View(note.id(), note.body(), note.authorType(), note.authorLabel(), note.createdAt());
        }
    }

    @Schema(name = "PostNotes")
    record Views(List<View> items) {}

    @Schema(name = "NewPostNote")
    record NewNote(@Schema(description = "1 to 2,000 characters.") @Nullable String body) {}

    @GetMapping
    @Operation(operationId = "listPostNotes", summary = "List a post's notes", description = "Oldest first.")
    Views list(CurrentWorkspace current, @PathVariable UUID postId) {
        return new Views(notes.of(current.id(), new PostId(postId)).stream()
                .map(View::of)
                .toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addPostNote", summary = "Add a note to a post", description = "At most 500 a post.")
    View add(CurrentWorkspace current, @PathVariable UUID postId, @RequestBody NewNote note) {
        return View.of(notes.add(current.id(), new PostId(postId), note.body()));
    }

    @DeleteMapping("/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "removePostNote",
            summary = "Remove a note",
            description = "The key that wrote it may remove it; a key with the admin scope may remove any.")
    void remove(CurrentWorkspace current, @PathVariable UUID postId, @PathVariable UUID noteId) {
        boolean admin = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof ApiKeyPrincipal key
                && key.scopes().contains(ApiKeyScope.ADMIN);
        notes.remove(current.id(), new PostId(postId), noteId, admin);
    }
}
