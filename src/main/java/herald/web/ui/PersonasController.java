package herald.web.ui;

import herald.content.Persona;
import herald.content.PersonaId;
import herald.content.Personas;
import herald.content.Tone;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's personas (brand voices): members see them, editors and up create, edit, make one the default and
 * delete any but the default. A refused form is shown again with the message next to its field; nothing was saved.
 */
@Controller
class PersonasController {

    private final Personas personas;

    PersonasController(Personas personas) {
        this.personas = personas;
    }

    @GetMapping("/w/{slug}/personas")
    String list(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        return page(current, model, PersonaForm.blank(), new FormErrors(), null);
    }

    @GetMapping("/w/{slug}/personas/{id}/edit")
    String edit(@PathVariable UUID id, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        Persona persona = personas.require(current.id(), new PersonaId(id));
        return page(current, model, PersonaForm.of(persona), new FormErrors(), persona);
    }

    @PostMapping("/w/{slug}/personas")
    String create(
            @ModelAttribute PersonaForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            Persona persona = personas.create(current.id(), form.draft(), Boolean.TRUE.equals(form.isDefault()));
            flash.addFlashAttribute("notice", "The persona \u201c" + persona.name() + "\u201d was created.");
            return redirect(current);
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(current, model, form, new FormErrors().add(field(e.field()), e.getMessage()), null);
        }
    }

    @PostMapping("/w/{slug}/personas/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute PersonaForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        Persona persona = personas.require(current.id(), new PersonaId(id));
        try {
            Persona saved = personas.update(current.id(), persona.id(), form.draft());
            flash.addFlashAttribute("notice", "The persona \u201c" + saved.name() + "\u201d was saved.");
            return redirect(current);
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(current, model, form, new FormErrors().add(field(e.field()), e.getMessage()), persona);
        }
    }

    @PostMapping("/w/{slug}/personas/{id}/default")
    String makeDefault(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        Persona persona = personas.makeDefault(current.id(), new PersonaId(id));
        flash.addFlashAttribute("notice", "\u201c" + persona.name() + "\u201d is now the default persona.");
        return redirect(current);
    }

    @PostMapping("/w/{slug}/personas/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        Persona persona = personas.require(current.id(), new PersonaId(id));
        try {
            personas.delete(current.id(), persona.id());
            flash.addFlashAttribute("notice", "The persona \u201c" + persona.name() + "\u201d was deleted.");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return redirect(current);
    }

    private static String redirect(CurrentWorkspace current) {
        return "redirect:/w/" + current.workspace().slug() + "/personas";
    }

    private static String field(String domainField) {
        return switch (domainField) {
            case "name", "description", "tone", "guidelines", "wordsToUse", "wordsToAvoid" -> domainField;
            default -> FormErrors.FORM;
        };
    }

    private String page(
            CurrentWorkspace current, Model model, PersonaForm form, FormErrors errors, @Nullable Persona editing) {
        model.addAttribute("section", "personas");
        model.addAttribute("personas", personas.all(current.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("editing", editing);
        model.addAttribute("tones", Tone.names());
        model.addAttribute("canEdit", current.roleAtLeast(Role.EDITOR));
        return "content/personas";
    }
}
