package herald.web.api.vault;

import herald.vault.VaultStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the vault's operator routes answer: key ids, states, dates and counts, never key material. */
final class VaultViews {

    private VaultViews() {}

    @Schema(name = "VaultKey", description = "A key of the data keyset and how many stored secrets it sealed.")
    record KeyView(
            @Schema(description = "Tink key id (the 4 bytes after the version byte of each ciphertext)") long id,
            @Schema(
                            description = "primary: seals; enabled: still opens; disabled: retired, nothing uses it",
                            allowableValues = {"primary", "enabled", "disabled"})
                    String state,
            Instant createdAt,
            @Schema(description = "stored secrets sealed under this key now") long rows) {

        static KeyView of(VaultStatus.Key key) {
            return new KeyView(key.id(), key.state(), key.createdAt(), key.rows());
        }
    }

    @Schema(name = "VaultRotation", description = "A rotation and the progress of its re-encryption job.")
    record RotationView(
            @Schema(description = "the primary key this rotation added") long keyId,
            @Schema(allowableValues = {"running", "finished"}) String state,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Schema(description = "secrets the job has re-encrypted so far") long reencrypted,
            @Schema(description = "secrets the job could not open; their key stays enabled") long failed,
            @Schema(description = "secrets still under a key other than the primary") long remaining) {

        static RotationView of(VaultStatus.Rotation rotation) {
            return new RotationView(
                    rotation.keyId(),
                    rotation.state(),
                    rotation.startedAt(),
                    rotation.finishedAt(),
                    rotation.reencrypted(),
                    rotation.failed(),
                    rotation.remaining());
        }
    }

    @Schema(name = "VaultStatus", description = "The vault's keys and the latest rotation.")
    record StatusView(List<KeyView> keys, @Nullable RotationView rotation) {

        static StatusView of(VaultStatus status) {
            return new StatusView(
                    status.keys().stream().map(KeyView::of).toList(),
                    status.rotation() == null ? null : RotationView.of(status.rotation()));
        }
    }
}
