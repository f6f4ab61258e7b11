package herald.agents;

import herald.shared.NotPermitted;

/** The agent may not act at all right now (paused, or deleted since its key was checked). */
public class AgentRefused extends NotPermitted {

    public AgentRefused(String message) {
        super(message);
    }
}
