package herald.assets;

import herald.shared.InvalidInput;

/** An upload that is not kept: nothing of it is stored. The message says why and what to send instead. */
public class AssetRejected extends InvalidInput {

    /** Why an upload was refused; the API answers each with its own problem type. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        DISGUISED,
        DAMAGED
    }

    private final Reason reason;

    public AssetRejected(Reason reason, String message) {
        super("file", message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
