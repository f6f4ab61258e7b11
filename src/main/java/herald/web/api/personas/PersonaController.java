package herald.web.api.personas;

import herald.content.Persona;
import herald.content.PersonaDraft;
import herald.content.PersonaId;
import herald.content.Personas;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/personas")
@Tag(name = "Personas", description = "Brand voices captions are written in; exactly one is the default.")
class PersonaController {

    private final Personas personas;

    PersonaController(Personas personas) {
        this.personas = personas;
    }

    @GetMapping
    @Operation(
            operationId = "listPersonas",
            summary = "List personas",
            description = "The default first, then by name.")
    Page<PersonaView> list(CurrentWorkspace current) {
        return new Page<>(
                personas.all(current.id()).stream().map(PersonaView::of).toList(), null);
    }

    @PostMapping
    @Operation(
            operationId = "createPersona",
            summary = "Create a persona",
            description = "isDefault=true makes it the default at once (the previous default stays, as an ordinary"
                    + " persona).")
    ResponseEntity<PersonaView> create(
            CurrentWorkspace current, @RequestBody PersonaRequests.Create request, HttpServletRequest http) {
        Persona persona = personas.create(
                current.id(),
                new PersonaDraft(
                        request.name(),
                        request.description(),
                        request.tone(),
                        request.guidelines(),
                        request.wordsToUse(),
                        request.wordsToAvoid()),
                Boolean.TRUE.equals(request.isDefault()));
        return ResponseEntity.created(URI.create(http.getRequestURI() + "/" + persona.id()))
                .body(PersonaView.of(persona));
    }

    @GetMapping("/{personaId}")
    @Operation(operationId = "getPersona", summary = "Get a persona")
    PersonaView get(CurrentWorkspace current, @PathVariable UUID personaId) {
        return PersonaView.of(personas.require(current.id(), new PersonaId(personaId)));
    }

    @PatchMapping("/{personaId}")
    @Operation(operationId = "changePersona", summary = "Change a persona", description = "Only the fields given.")
    PersonaView change(
            CurrentWorkspace current, @PathVariable UUID personaId, @RequestBody PersonaRequests.Change change) {
        PersonaId id = new PersonaId(personaId);
        Persona now = personas.require(current.id(), id);
        return PersonaView.of(personas.update(
                current.id(),
                id,
                new PersonaDraft(
                        or(change.name(), now.name()),
                        or(change.description(), now.description()),
                        or(change.tone(), now.tone().value()),
                        or(change.guidelines(), now.guidelines()),
                        change.wordsToUse() == null ? now.wordsToUse() : change.wordsToUse(),
                        change.wordsToAvoid() == null ? now.wordsToAvoid() : change.wordsToAvoid())));
    }

    @PostMapping("/{personaId}/default")
    @Operation(operationId = "makePersonaDefault", summary = "Make a persona the default")
    PersonaView makeDefault(CurrentWorkspace current, @PathVariable UUID personaId) {
        return PersonaView.of(personas.makeDefault(current.id(), new PersonaId(personaId)));
    }

    @DeleteMapping("/{personaId}")
    @Operation(
            operationId = "deletePersona",
            summary = "Delete a persona",
            description = "The default persona cannot be deleted (409): make another one the default first.")
    ResponseEntity<Void> delete(CurrentWorkspace current, @PathVariable UUID personaId) {
        personas.delete(current.id(), new PersonaId(personaId));
        return ResponseEntity.noContent().build();
    }

    private static String or(@Nullable String given, String current) {
        return given == null ? current : given;
    }
}
