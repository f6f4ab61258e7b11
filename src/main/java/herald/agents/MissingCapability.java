package herald.agents;

import herald.shared.NotPermitted;

/** No grant of the agent carries the capability a call needs; the message says which and how to get it. */
public class MissingCapability extends NotPermitted {

    private final Capability capability;

    public MissingCapability(Capability capability, String message) {
        super(message);
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }
}
