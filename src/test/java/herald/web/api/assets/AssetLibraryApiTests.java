package herald.web.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import herald.assets.AssetId;
import herald.assets.MediaLinks;
import herald.assets.SampleMedia;
import herald.assets.storage.BlobStorage;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The library end to end over HTTP: upload, browse, search, fetch by signed URL, move, retag, delete. */
class AssetLibraryApiTests extends AssetApiTest {

    @Autowired
    BlobStorage storage;

    @Autowired
    AuditLog audit;

    @Autowired
    MediaLinks links;

    @Autowired
    herald.tenancy.Workspaces workspaces;

    @Test
    void uploadsBrowsesSearchesFetchesAndDeletes() throws Exception {
        var ws = workspace("pro");
        String menu = folder(ws, "Menu 2026");
        byte[] jpeg = SampleMedia.jpeg(640, 480);

        var uploaded = http.upload(
                ws.path("/folders/" + menu + "/assets"),
                ws.token(),
                List.of(new Http.Part("margherita.jpg", "image/jpeg", jpeg)),
                "tags",
                "Pizza, #Summer",
                "altText",
                "A margherita on a wooden board",
                "description",
                "Hero shot");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        var asset = uploaded.json();
        assertThat(asset.path("filename").asString()).isEqualTo("margherita.jpg");
        assertThat(asset.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(asset.path("sizeBytes").asLong()).isEqualTo(jpeg.length);
        assertThat(asset.path("sha256").asString()).hasSize(64);
        assertThat(asset.path("width").asInt()).isEqualTo(640);
        assertThat(asset.path("height").asInt()).isEqualTo(480);
        assertThat(asset.path("durationSeconds").isNull()).isTrue();
        assertThat(asset.path("tags").toString()).isEqualTo("[\"pizza\",\"summer\"]");
        assertThat(uploaded.header("Location"))
                .endsWith("/assets/" + asset.path("id").asString());
        String id = asset.path("id").asString();

        var video = http.upload(
                ws.path("/folders/" + menu + "/assets"),
                ws.token(),
                List.of(new Http.Part("teaser.mp4", "video/mp4", SampleMedia.mp4())));
        assertThat(video.status()).as(video.toString()).isEqualTo(201);
        assertThat(video.json().path("durationSeconds").asDouble()).isEqualTo(2.5);

        // browse
        var listed = http.get(ws.path("/assets?folderId=" + menu), ws.token());
        assertThat(listed.json().path("items")).hasSize(2);
        // search by name, tag, type
        assertThat(http.get(ws.path("/assets?q=margher"), ws.token()).json().path("items"))
                .hasSize(1);
        assertThat(http.get(ws.path("/assets?tag=summer"), ws.token()).json().path("items"))
                .hasSize(1);
        assertThat(http.get(ws.path("/assets?type=video"), ws.token()).json().path("items"))
                .hasSize(1);
        assertThat(http.get(ws.path("/assets?type=jpeg&tag=pizza"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(1);
        assertThat(http.get(ws.path("/assets?q=nothing-like-this"), ws.token())
                        .json()
                        .path("items"))
                .isEmpty();

        // the signed URL works without any credentials and serves the bytes safely
        var fetched = http.get(asset.path("url").asString(), null);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.bytes()).isEqualTo(jpeg);
        assertThat(fetched.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(fetched.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(fetched.header("Content-Disposition")).contains("margherita.jpg");
        var thumbnail = http.get(asset.path("thumbnailUrl").asString(), null);
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.header("Content-Type")).isEqualTo("image/png");
        // a byte range, as video players and platforms ask for
        String videoUrl = video.json().path("url").asString();
        byte[] mp4 = SampleMedia.mp4();
        var part = http.get(videoUrl, null, "Range", "bytes=4-11");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 4-11/" + mp4.length);
        assertThat(new String(part.bytes(), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ftypisom");
        var tail = http.get(videoUrl, null, "Range", "bytes=-8");
        assertThat(tail.bytes()).isEqualTo(java.util.Arrays.copyOfRange(mp4, mp4.length - 8, mp4.length));
        assertThat(http.get(videoUrl, null, "Range", "bytes=9999-").status()).isEqualTo(416);
        assertThat(http.get(videoUrl, null).header("Accept-Ranges")).isEqualTo("bytes");
        var poster = http.get(video.json().path("thumbnailUrl").asString(), null);
        assertThat(poster.status()).isEqualTo(200);
        assertThat(poster.header("Content-Type")).isEqualTo("image/png");

        // retag and move
        String seasonal = folder(ws, "Seasonal specials");
        var retagged = http.json(
                "POST",
                ws.path("/assets/retag"),
                ws.token(),
                "{\"assetIds\":[\"" + id + "\"],\"add\":[\"hero\"],\"remove\":[\"summer\"]}");
        assertThat(retagged.json().path("items").get(0).path("tags").toString()).isEqualTo("[\"pizza\",\"hero\"]");
        var moved = http.json(
                "POST",
                ws.path("/assets/move"),
                ws.token(),
                "{\"assetIds\":[\"" + id + "\"],\"folderId\":\"" + seasonal + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(http.get(ws.path("/assets?folderId=" + seasonal), ws.token())
                        .json()
                        .path("items"))
                .hasSize(1);

        // delete: the row, the blob and the stored object go; the old URL answers 404
        List<String> keysBefore = storageKeys(ws.id());
        assertThat(http.delete(ws.path("/assets/" + id), ws.token()).status()).isEqualTo(204);
        assertThat(http.get(ws.path("/assets/" + id), ws.token()).status()).isEqualTo(404);
        assertThat(http.get(asset.path("url").asString(), null).status()).isEqualTo(404);
        List<String> keysAfter = storageKeys(ws.id());
        for (String key : keysBefore) {
            assertThat(storage.exists(key)).as(key).isEqualTo(keysAfter.contains(key));
        }
        var actions = audit.find(ws.id(), new AuditQuery(null, null, null, null, null, 100)).stream()
                .map(e -> e.action())
                .toList();
        assertThat(actions).contains("asset.uploaded", "asset.moved", "asset.deleted", "folder.created");
    }

    @Test
    void servesAJpegCopyOfAnImageForPlatformsThatTakeNothingElse() throws Exception {
        var ws = workspace("pro");
        String folder = folder(ws, "Instagram");
        var png = http.upload(
                ws.path("/folders/" + folder + "/assets"),
                ws.token(),
                List.of(new Http.Part("menu.png", "image/png", SampleMedia.png(50, 40))));
        byte[] jpeg = SampleMedia.jpeg(64, 48);
        var original = http.upload(
                ws.path("/folders/" + folder + "/assets"),
                ws.token(),
                List.of(new Http.Part("photo.jpg", "image/jpeg", jpeg)));
        var pngId = new AssetId(java.util.UUID.fromString(png.json().path("id").asString()));
        var jpegId =
                new AssetId(java.util.UUID.fromString(original.json().path("id").asString()));
        var expires = java.time.Instant.now().plusSeconds(300);

        var copy = http.get(
                links.signed(ws.id(), pngId, MediaLinks.Variant.JPEG, expires).toString(), null);

        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(copy.header("Content-Disposition")).contains("menu.jpg");
        var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(copy.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(50);
        assertThat(decoded.getHeight()).isEqualTo(40);
        assertThat(javax.imageio.ImageIO.getImageReaders(javax.imageio.ImageIO.createImageInputStream(
                                new java.io.ByteArrayInputStream(copy.bytes())))
                        .next()
                        .getFormatName())
                .isEqualToIgnoringCase("jpeg");
        assertThat(http.get(
                                links.signed(ws.id(), jpegId, MediaLinks.Variant.JPEG, expires)
                                        .toString(),
                                null)
                        .bytes())
                .as("a JPEG is handed over as it is")
                .isEqualTo(jpeg);
        String originalUrl = links.signed(ws.id(), pngId, MediaLinks.Variant.ORIGINAL, expires)
                .toString();
        assertThat(http.get(originalUrl.replace("?exp=", "/jpeg?exp="), null).status())
                .as("the original's signature does not open the copy")
                .isEqualTo(403);
    }

    @Test
    void storesTheSameBytesOnceAndRemovesThemWithTheLastAsset() throws Exception {
        var ws = workspace("pro");
        String folder = folder(ws, "Twins");
        byte[] png = SampleMedia.png(50, 50);
        String first = http.upload(
                        ws.path("/folders/" + folder + "/assets"),
                        ws.token(),
                        List.of(new Http.Part("a.png", "image/png", png)))
                .json()
                .path("id")
                .asString();
        String second = http.upload(
                        ws.path("/folders/" + folder + "/assets"),
                        ws.token(),
                        List.of(new Http.Part("b.png", "image/png", png)))
                .json()
                .path("id")
                .asString();
        assertThat(first).isNotEqualTo(second);
        assertThat(count(ws.id(), "asset_blobs")).isEqualTo(1);
        List<String> keys = storageKeys(ws.id());
        assertThat(keys).hasSize(2); // the bytes and their thumbnail

        assertThat(http.delete(ws.path("/assets/" + first), ws.token()).status())
                .isEqualTo(204);
        assertThat(count(ws.id(), "asset_blobs")).isEqualTo(1);
        for (String key : keys) {
            assertThat(storage.exists(key)).isTrue();
        }
        assertThat(http.delete(ws.path("/assets/" + second), ws.token()).status())
                .isEqualTo(204);
        assertThat(count(ws.id(), "asset_blobs")).isZero();
        for (String key : keys) {
            assertThat(storage.exists(key)).isFalse();
        }
    }

    @Test
    void aDeletedWorkspacesObjectsLeaveStorage() throws Exception {
        var ws = workspace("pro");
        String folder = folder(ws, "Doomed");
        var uploaded = http.upload(
                ws.path("/folders/" + folder + "/assets"),
                ws.token(),
                List.of(new Http.Part("x.png", "image/png", SampleMedia.png(20, 20))));
        assertThat(uploaded.status()).isEqualTo(201);
        List<String> keys = storageKeys(ws.id());
        assertThat(keys).isNotEmpty();
        var workspace = workspaces.require(ws.id());
        workspaces.delete(ws.id(), workspace.name(), null);
        for (String key : keys) {
            assertThat(storage.exists(key)).as(key).isFalse();
        }
    }

    @Test
    void uploadsSeveralFilesAtOnce() {
        var ws = workspace("pro");
        String folder = folder(ws, "Batch");
        var response = http.upload(
                ws.path("/folders/" + folder + "/assets"),
                ws.token(),
                List.of(
                        new Http.Part("one.gif", "image/gif", SampleMedia.gif(20, 20)),
                        new Http.Part("two.webp", "image/webp", SampleMedia.webp()),
                        new Http.Part("three.mov", "video/quicktime", SampleMedia.mov())));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("items").findValuesAsString("contentType"))
                .containsExactly("image/gif", "image/webp", "video/quicktime");
    }

    @Test
    void refusesToDeleteAnAssetAScheduledPostUsesAndNamesThePost() {
        var ws = workspace("pro");
        String folder = folder(ws, "Campaign");
        String id = http.upload(
                        ws.path("/folders/" + folder + "/assets"),
                        ws.token(),
                        List.of(new Http.Part("x.png", "image/png", SampleMedia.png(10, 10))))
                .json()
                .path("id")
                .asString();
        references.useInPost(AssetId.of(id), "post-42", "'Summer menu is here' scheduled for 2026-12-24 18:00");
        try {
            var refused = http.delete(ws.path("/assets/" + id), ws.token());
            assertProblem(refused, 409, "conflict");
            assertThat(refused.json().path("detail").asString()).contains("Summer menu is here");
            assertThat(refused.json().path("references").get(0).path("id").asString())
                    .isEqualTo("post-42");
            var folderDelete = http.delete(ws.path("/folders/" + folder + "?confirm=true"), ws.token());
            assertProblem(folderDelete, 409, "conflict");
            assertThat(http.get(ws.path("/assets/" + id), ws.token()).status()).isEqualTo(200);
        } finally {
            references.release(AssetId.of(id));
        }
        assertThat(http.delete(ws.path("/assets/" + id), ws.token()).status()).isEqualTo(204);
    }
}
