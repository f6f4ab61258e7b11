package herald.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The type of an upload is read from its bytes, and only whole, plain media pass. Plain JUnit, no Spring. */
class MediaInspectorTests {

    private final MediaInspector inspector = new MediaInspector();
    private final AssetSettings settings = new AssetSettings(
            "local",
            null,
            DataSize.ofMegabytes(1),
            DataSize.ofMegabytes(2),
            "key",
            java.time.Duration.ofHours(1),
            new AssetSettings.S3("", "us-east-1", null, false, "", "", true));

    private Inspection inspect(byte[] bytes) throws Exception {
        try (Received received = Received.read(new ByteArrayInputStream(bytes), settings.maxAnyBytes())) {
            Inspection inspection = inspector.inspect(received, settings);
            if (inspection.thumbnail() != null) {
                assertThat(Files.size(inspection.thumbnail())).isPositive();
                Files.delete(inspection.thumbnail());
            }
            return inspection;
        }
    }

    private AssetRejected.Reason rejection(byte[] bytes) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(AssetRejected.class, () -> inspect(bytes));
        assertThat(thrown).as("rejected").isNotNull();
        assertThat(thrown.getMessage()).isNotBlank();
        return thrown.reason();
    }

    @Test
    void readsEachAcceptedTypeFromItsBytes() throws Exception {
        assertThat(inspect(SampleMedia.jpeg(40, 30)).type()).isEqualTo(AssetType.JPEG);
        assertThat(inspect(SampleMedia.png(40, 30)).type()).isEqualTo(AssetType.PNG);
        assertThat(inspect(SampleMedia.gif(40, 30)).type()).isEqualTo(AssetType.GIF);
        assertThat(inspect(SampleMedia.webp()).type()).isEqualTo(AssetType.WEBP);
        assertThat(inspect(SampleMedia.mp4()).type()).isEqualTo(AssetType.MP4);
        assertThat(inspect(SampleMedia.mov()).type()).isEqualTo(AssetType.MOV);
    }

    @Test
    void readsDimensionsOfImagesAndDurationOfVideos() throws Exception {
        Inspection jpeg = inspect(SampleMedia.jpeg(640, 480));
        assertThat(jpeg.width()).isEqualTo(640);
        assertThat(jpeg.height()).isEqualTo(480);
        Inspection webp = inspect(SampleMedia.webp());
        assertThat(webp.width()).isEqualTo(1);
        Inspection video = inspect(SampleMedia.mp4());
        assertThat(video.width()).isNull();
        assertThat(video.durationSeconds()).isEqualTo(2.5);
    }

    @Test
    void refusesMarkupAndScriptsWhateverTheyAreCalled() {
        assertThat(rejection(SampleMedia.html())).isEqualTo(AssetRejected.Reason.DISGUISED);
        assertThat(rejection(SampleMedia.shellScript())).isEqualTo(AssetRejected.Reason.DISGUISED);
    }

    @Test
    void refusesPolyglots() {
        assertThat(rejection(SampleMedia.polyglotGifHtml())).isEqualTo(AssetRejected.Reason.DISGUISED);
        assertThat(rejection(SampleMedia.polyglotJpegZip())).isEqualTo(AssetRejected.Reason.DAMAGED);
    }

    @Test
    void refusesTruncatedMedia() {
        assertThat(rejection(SampleMedia.truncated(SampleMedia.jpeg(200, 200))))
                .isEqualTo(AssetRejected.Reason.DAMAGED);
        assertThat(rejection(SampleMedia.truncated(SampleMedia.png(200, 200)))).isEqualTo(AssetRejected.Reason.DAMAGED);
        assertThat(rejection(SampleMedia.truncated(SampleMedia.mp4()))).isEqualTo(AssetRejected.Reason.DAMAGED);
    }

    @Test
    void refusesUnknownTypes() {
        assertThat(rejection(SampleMedia.pdf())).isEqualTo(AssetRejected.Reason.UNSUPPORTED_TYPE);
        assertThat(rejection(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})).isEqualTo(AssetRejected.Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void refusesEmptyAndOversizedFilesBeforeKeepingThem() {
        assertThat(rejection(new byte[0])).isEqualTo(AssetRejected.Reason.EMPTY);
        // Over the image limit (1 MB) but under the video limit: cut off by type after detection.
        assertThat(rejection(SampleMedia.noisyPng(640, 640, 7))).isEqualTo(AssetRejected.Reason.TOO_LARGE);
        // Over every limit: the read stops at the cap.
        assertThat(rejection(new byte[3 * 1024 * 1024])).isEqualTo(AssetRejected.Reason.TOO_LARGE);
    }

    @Test
    void aReadThatFailsLeavesNoTemporaryFile() throws Exception {
        long before = countTemporaryUploads();
        assertThatThrownBy(() -> Received.read(new ByteArrayInputStream(new byte[3 * 1024 * 1024]), 1024))
                .isInstanceOf(AssetRejected.class);
        assertThat(countTemporaryUploads()).isEqualTo(before);
    }

    private static long countTemporaryUploads() throws Exception {
        try (var files = Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("herald-upload-"))
                    .count();
        }
    }
}
