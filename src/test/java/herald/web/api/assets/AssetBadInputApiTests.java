package herald.web.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import herald.assets.SampleMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every refused upload is a clear problem document and leaves nothing behind: no asset, no blob, no stored object,
 * no temporary file.
 */
class AssetBadInputApiTests extends AssetApiTest {

    @Value("${herald.assets.local-dir}")
    Path storageRoot;

    private Http.Response refusedUpload(Workspace ws, String folder, String name, String declared, byte[] bytes)
            throws IOException {
        long filesBefore = files(storageRoot.resolve(ws.id().toString()));
        long assetsBefore = count(ws.id(), "assets");
        long blobsBefore = count(ws.id(), "asset_blobs");
        var response = http.upload(
                ws.path("/folders/" + folder + "/assets"), ws.token(), List.of(new Http.Part(name, declared, bytes)));
        assertThat(count(ws.id(), "assets")).isEqualTo(assetsBefore);
        assertThat(count(ws.id(), "asset_blobs")).isEqualTo(blobsBefore);
        assertThat(files(storageRoot.resolve(ws.id().toString()))).isEqualTo(filesBefore);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("file");
        return response;
    }

    private static long files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void refusesAJpegThatIsReallyHtmlOrAScript() throws IOException {
        var ws = workspace("pro");
        String folder = folder(ws, "Inbox");
        assertProblem(refusedUpload(ws, folder, "photo.jpg", "image/jpeg", SampleMedia.html()), 415, "disguised-file");
        assertProblem(
                refusedUpload(ws, folder, "photo.jpg", "image/jpeg", SampleMedia.shellScript()), 415, "disguised-file");
    }

    @Test
    void refusesPolyglots() throws IOException {
        var ws = workspace("pro");
        String folder = folder(ws, "Inbox");
        assertProblem(
                refusedUpload(ws, folder, "logo.gif", "image/gif", SampleMedia.polyglotGifHtml()),
                415,
                "disguised-file");
        assertProblem(
                refusedUpload(ws, folder, "logo.jpg", "image/jpeg", SampleMedia.polyglotJpegZip()),
                422,
                "damaged-file");
    }

    @Test
    void refusesEmptyOversizedUnknownAndTruncatedFiles() throws IOException {
        var ws = workspace("pro");
        String folder = folder(ws, "Inbox");
        assertProblem(refusedUpload(ws, folder, "empty.png", "image/png", new byte[0]), 400, "invalid-input");
        var big = refusedUpload(ws, folder, "big.png", "image/png", SampleMedia.noisyPng(640, 640, 3));
        assertProblem(big, 413, "payload-too-large");
        assertThat(big.json().path("detail").asString()).contains("1.0 MB");
        assertProblem(
                refusedUpload(ws, folder, "menu.pdf", "application/pdf", SampleMedia.pdf()),
                415,
                "unsupported-media-type");
        assertProblem(
                refusedUpload(ws, folder, "cut.jpg", "image/jpeg", SampleMedia.truncated(SampleMedia.jpeg(300, 300))),
                422,
                "damaged-file");
    }

    @Test
    void refusesAnUploadThatWouldOverfillThePlansStorage() throws IOException {
        var ws = workspace("snug"); // 1 MB of storage
        String folder = folder(ws, "Inbox");
        var first = http.upload(
                ws.path("/folders/" + folder + "/assets"),
                ws.token(),
                List.of(new Http.Part("a.png", "image/png", SampleMedia.noisyPng(450, 450, 1))));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long assetsBefore = count(ws.id(), "assets");
        var second = http.upload(
                ws.path("/folders/" + folder + "/assets"),
                ws.token(),
                List.of(new Http.Part("b.png", "image/png", SampleMedia.noisyPng(450, 450, 2))));
        assertProblem(second, 403, "plan-limit");
        assertThat(second.json().path("limit").asString()).isEqualTo("storage-mb");
        assertThat(count(ws.id(), "assets")).isEqualTo(assetsBefore);
        assertThat(count(ws.id(), "asset_blobs")).isEqualTo(1);
        assertThat(files(storageRoot.resolve(ws.id().toString()))).isEqualTo(2); // the first file and its thumbnail
    }

    @Test
    void severalFilesAreStoredAllOrNone() throws IOException {
        var ws = workspace("pro");
        String folder = folder(ws, "Inbox");
        var response = http.upload(
                ws.path("/folders/" + folder + "/assets"),
                ws.token(),
                List.of(
                        new Http.Part("good.png", "image/png", SampleMedia.png(10, 10)),
                        new Http.Part("bad.jpg", "image/jpeg", SampleMedia.html())));
        assertProblem(response, 415, "disguised-file");
        assertThat(count(ws.id(), "assets")).isZero();
        assertThat(count(ws.id(), "asset_blobs")).isZero();
        assertThat(files(storageRoot.resolve(ws.id().toString()))).isZero();
    }

    @Test
    void anUploadWithoutAFileIsAFieldProblem() {
        var ws = workspace("pro");
        String folder = folder(ws, "Inbox");
        var response = http.upload(ws.path("/folders/" + folder + "/assets"), ws.token(), List.of(), "tags", "x");
        assertProblem(response, 400, "invalid-input");
    }
}
