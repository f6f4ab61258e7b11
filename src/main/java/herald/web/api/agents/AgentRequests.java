package herald.web.api.agents;

import herald.agents.Capability;
import herald.agents.NewGrant;
import herald.connections.ConnectionId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

final class AgentRequests {

    private AgentRequests() {}

    record CreateAgent(
            @Schema(description = "1 to 100 characters, unique in the workspace.", example = "Newsletter bot") @Nullable
                    String name,
            @Schema(description = "What the agent is for, up to 1000 characters.", nullable = true) @Nullable
                    String description) {}

    record CreateGrant(
            @Schema(description = "The connected account the agent may use.") @NotNull UUID connectionId,
            @ArraySchema(
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "POST_CREATE",
                                                "POST_SCHEDULE",
                                                "POST_READ",
                                                "ANALYTICS_READ",
                                                "ASSET_READ",
                                                "ASSET_UPLOAD",
                                                "CAPTION_GENERATE",
                                                "COMMENT_READ",
                                                "COMMENT_REPLY"
                                            }),
                            arraySchema = @Schema(description = "What the agent may do with the account."))
                    @NotEmpty
                    List<String> capabilities,
            @Schema(description = "Posts wait for a member's approval before they are published.", nullable = true)
                    @Nullable
                    Boolean requiresApproval,
            @Schema(
                            description = "At most this many posts per day through this grant; none when left out.",
                            nullable = true,
                            minimum = "1",
                            maximum = "10000")
                    @Nullable
                    Integer dailyCap) {

        NewGrant toGrant() {
            var wanted = EnumSet.noneOf(Capability.class);
            capabilities.forEach(c -> wanted.add(Capability.of(c)));
            return new NewGrant(
                    new ConnectionId(connectionId), wanted, Boolean.TRUE.equals(requiresApproval), dailyCap);
        }
    }
}
