package herald.web.api.audit;

import herald.audit.Verification;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

record VerificationView(
        @Schema(description = "True when every entry matches its hash and follows the one before it.") boolean valid,
        @Schema(description = "How many entries were checked and found intact.") long checked,
        @Schema(description = "The first entry that does not hold; null when valid.", nullable = true) @Nullable
                BrokenEntry firstBroken) {

    record BrokenEntry(long sequence, String reason) {}

    static VerificationView of(Verification verification) {
        BrokenEntry broken = verification.valid() || verification.firstBrokenSequence() == null
                ? null
                : new BrokenEntry(verification.firstBrokenSequence(), String.valueOf(verification.reason()));
        return new VerificationView(verification.valid(), verification.checked(), broken);
    }
}
