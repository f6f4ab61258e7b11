package herald.agents;

/** A key just created with its token, which is shown this once and stored only as a hash. */
public record IssuedAgentKey(AgentKey key, String token) {

    @Override
    public String toString() {
        return "IssuedAgentKey[key=" + key + ", token=<hidden>]";
    }
}
