package herald.content;

import herald.tenancy.WorkspaceCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Gives every new workspace its default persona, in the transaction that creates it. */
@Component
class DefaultPersona {

    private final Personas personas;

    DefaultPersona(Personas personas) {
        this.personas = personas;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        personas.ensureDefault(created.workspace());
    }
}
