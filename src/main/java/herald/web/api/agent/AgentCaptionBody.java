package herald.web.api.agent;

import herald.agents.AgentPrincipal;
import herald.agents.AgentReads;
import herald.agents.Channel;
import herald.connections.ConnectionId;
import herald.content.CaptionRequest;
import herald.content.CaptionResult;
import herald.content.Captions;
import herald.shared.InvalidInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an agent asks captions for: a granted account (its platform's rules apply) and the item. */
@Schema(name = "AgentCaptionRequest")
public record AgentCaptionBody(
        @Schema(description = "A granted account with CAPTION_GENERATE: its platform's rules apply.") @Nullable
                UUID connectionId,
        @Schema(
                        nullable = true,
                        allowableValues = {"professional", "casual", "humorous", "promotional", "educational"})
                @Nullable
                String tone,
        @Schema(description = "The default persona when absent.", nullable = true) @Nullable UUID personaId,
        @Nullable String itemName,
        @Nullable String itemDescription,
        @Nullable String context,
        @Schema(description = "1 to 5; 1 when absent.", nullable = true) @Nullable Integer variants,
        @Nullable String postType,
        @Schema(description = "auto, ai or template; auto when absent.", nullable = true) @Nullable String mode) {

    /** The one way the REST API and the MCP tool write captions for an agent: CAPTION_GENERATE on the account. */
    public CaptionResult generate(Captions captions, AgentReads reads, AgentPrincipal agent, Channel channel) {
        if (connectionId == null) {
            throw new InvalidInput("connectionId", "Give the connectionId of a granted account (see accounts).");
        }
        return reads.captions(
                agent,
                channel,
                new ConnectionId(connectionId),
                platform -> captions.generate(agent.workspace(), toRequest(platform)));
    }

    CaptionRequest toRequest(String platform) {
        return new CaptionRequest(
                platform,
                tone,
                personaId,
                itemName,
                itemDescription,
                context,
                postType,
                variants == null ? 1 : variants,
                mode == null ? "auto" : mode,
                null);
    }
}
