package herald.content;

import herald.shared.WorkspaceId;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Until content-captions is merged: template-only stand-ins of the seams, so the calendar flow can be exercised. */
@TestConfiguration(proxyBeanMethods = false)
public class InterimContentBeans {

    @Bean
    AiWriter interimAiWriter() {
        return new AiWriter() {
            @Override
            public AiAvailability availability(WorkspaceId workspace) {
                return new AiAvailability(false, "none", null, "No AI endpoint is configured.");
            }

            @Override
            public AiReply write(WorkspaceId workspace, AiPrompt prompt) {
                throw new AiFailure(AiFailure.Kind.NOT_CONFIGURED, "No AI endpoint is configured.");
            }
        };
    }

    @Bean
    Captions interimCaptions() {
        return (workspace, request) -> new CaptionResult(
                "template",
                List.of(new CaptionResult.Caption(
                        request.postType() + ": " + request.itemName() + ". " + request.context(), 0, null, List.of())),
                AiUsage.NONE,
                null);
    }
}
