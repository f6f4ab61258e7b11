package herald.content;

import static org.assertj.core.api.Assertions.assertThat;

import herald.shared.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@link AiWriter} bean answers from Herald's configured endpoint when a workspace has none of its own. */
@SpringBootTest
class HeraldEndpointTests {

    static final ChatStub stub = new ChatStub().start();

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("herald.content.ai.base-url", stub::baseUrl);
        registry.add("herald.content.ai.api-key", () -> "sk-herald-operator-key-0001");
        registry.add("herald.content.ai.model", () -> "gpt-4o-mini");
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @Autowired
    AiWriter ai;

    @Test
    void aWorkspaceWithoutItsOwnEndpointUsesHeralds() {
        stub.answers("Fresh from the oven.", 30, 5);
        var workspace = new WorkspaceId(UUID.randomUUID());

        assertThat(ai.availability(workspace)).isEqualTo(new AiAvailability(true, "herald", "gpt-4o-mini", null));
        assertThat(ai.write(workspace, new AiPrompt("caption", "You write.", "Bread.", 100, 0.7, null))
                        .text())
                .isEqualTo("Fresh from the oven.");
    }
}
