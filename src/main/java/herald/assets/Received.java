package herald.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload's bytes in a temporary file, read with a cap so that an oversized upload is cut off rather than kept, and
 * hashed on the way. Closing deletes the file.
 */
record Received(Path file, long size, String sha256) implements AutoCloseable {

    static Received read(InputStream in, long cap) throws IOException {
        Path file = Files.createTempFile("herald-upload-", ".bin");
        try {
            MessageDigest digest = newDigest();
            long total = 0;
            try (var hashing = new DigestInputStream(in, digest);
                    OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = hashing.read(buffer)) != -1) {
                    total += read;
                    if (total > cap) {
                        throw new AssetRejected(
                                AssetRejected.Reason.TOO_LARGE,
                                "The file is larger than the largest upload accepted (" + Sizes.human(cap) + ").");
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (total == 0) {
                throw new AssetRejected(AssetRejected.Reason.EMPTY, "The file is empty (0 bytes). Choose another.");
            }
            return new Received(file, total, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
