package herald.content;

import herald.shared.WorkspaceId;
import herald.vault.Secret;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which endpoint answers a workspace: its own settings, else Herald's configuration, else none. */
@Component
class AiEndpoints {

    private final AiSettings settings;
    private final WorkspaceAiEndpoints workspaces;

    AiEndpoints(AiSettings settings, WorkspaceAiEndpoints workspaces) {
        this.settings = settings;
        this.workspaces = workspaces;
    }

    Optional<AiEndpoint> resolve(WorkspaceId workspace) {
        return workspaces.endpoint(workspace, settings).or(this::herald);
    }

    Optional<AiEndpoint> herald() {
        if (!settings.configured()) {
            return Optional.empty();
        }
        return Optional.of(new AiEndpoint(
                "herald",
                URI.create(settings.baseUrl().strip()),
                settings.model(),
                settings.apiKey().isBlank() ? null : Secret.of(settings.apiKey()),
                settings.promptPricePer1k(),
                settings.completionPricePer1k()));
    }
}
