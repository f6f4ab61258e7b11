package herald.agents;

import herald.publishing.Provenance;

/** How an agent called: the REST API or the MCP server. Both run the same use cases; only the record differs. */
public enum Channel {
    AGENT_API,
    MCP;

    public String value() {
        return this == MCP ? "mcp" : "agent_api";
    }

    Provenance.Origin origin() {
        return this == MCP ? Provenance.Origin.MCP : Provenance.Origin.AGENT_API;
    }
}
