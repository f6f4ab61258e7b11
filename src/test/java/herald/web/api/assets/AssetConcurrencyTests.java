package herald.web.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import herald.Concurrently;
import herald.assets.AssetId;
import herald.assets.Assets;
import herald.assets.FolderId;
import herald.assets.SampleMedia;
import herald.assets.Upload;
import herald.assets.storage.BlobStorage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The same bytes uploaded and deleted at the same time: one blob per workspace, and never a blob without bytes. */
class AssetConcurrencyTests extends AssetApiTest {

    @Autowired
    Assets assets;

    @Autowired
    BlobStorage storage;

    @Test
    void concurrentUploadsOfTheSameBytesShareOneBlob() throws Exception {
        var ws = workspace("pro");
        FolderId folder = FolderId.of(folder(ws, "Race"));
        byte[] png = SampleMedia.png(40, 40);
        List<Callable<AssetId>> uploads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            uploads.add(() -> assets.upload(
                            ws.id(), folder, new ByteArrayInputStream(png), Upload.named("copy-" + n + ".png"))
                    .id());
        }
        var outcomes = Concurrently.run(uploads);
        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(count(ws.id(), "assets")).isEqualTo(6);
        assertThat(count(ws.id(), "asset_blobs")).isEqualTo(1);
        for (String key : storageKeys(ws.id())) {
            assertThat(storage.exists(key)).as(key).isTrue();
        }
    }

    @Test
    void anUploadRacingTheDeleteOfTheSameBytesKeepsItsBytes() throws Exception {
        var ws = workspace("pro");
        FolderId folder = FolderId.of(folder(ws, "Race"));
        byte[] png = SampleMedia.png(30, 30);
        for (int round = 0; round < 5; round++) {
            AssetId first = assets.upload(ws.id(), folder, new ByteArrayInputStream(png), Upload.named("a.png"))
                    .id();
            var outcomes = Concurrently.run(
                    () -> {
                        assets.delete(ws.id(), List.of(first));
                        return null;
                    },
                    () -> assets.upload(ws.id(), folder, new ByteArrayInputStream(png), Upload.named("b.png"))
                            .id());
            assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
            assertThat(count(ws.id(), "asset_blobs")).isEqualTo(1);
            for (String key : storageKeys(ws.id())) {
                assertThat(storage.exists(key))
                        .as("round " + round + ": " + key)
                        .isTrue();
            }
            AssetId second = (AssetId) outcomes.get(1).value();
            var media = assets.media(ws.id(), second, herald.assets.MediaLinks.Variant.ORIGINAL)
                    .orElseThrow();
            try (var in = media.content()) {
                assertThat(in.readAllBytes()).isEqualTo(png);
            }
            assets.delete(ws.id(), List.of(second));
            assertThat(count(ws.id(), "asset_blobs")).isZero();
        }
    }
}
