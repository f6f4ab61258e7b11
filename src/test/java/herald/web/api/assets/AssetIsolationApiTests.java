package herald.web.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import herald.assets.AssetId;
import herald.assets.MediaLinks;
import herald.assets.SampleMedia;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Another workspace's folders, assets and media are out of reach: 404 through the API, 403 for media URLs. */
class AssetIsolationApiTests extends AssetApiTest {

    @Autowired
    MediaLinks links;

    @Test
    void anotherWorkspacesFoldersAndAssetsAreNotFound() {
        var mine = workspace("pro");
        var theirs = workspace("pro");
        String theirFolder = folder(theirs, "Secret");
        var theirAsset = http.upload(
                        theirs.path("/folders/" + theirFolder + "/assets"),
                        theirs.token(),
                        List.of(new Http.Part("s.png", "image/png", SampleMedia.png(12, 12))))
                .json();
        String assetId = theirAsset.path("id").asString();

        // their ids under my workspace's path
        assertProblem(http.get(mine.path("/folders/" + theirFolder), mine.token()), 404, "not-found");
        assertProblem(http.get(mine.path("/assets/" + assetId), mine.token()), 404, "not-found");
        assertProblem(
                http.json("PATCH", mine.path("/folders/" + theirFolder), mine.token(), "{\"name\":\"x\"}"),
                404,
                "not-found");
        assertProblem(http.delete(mine.path("/assets/" + assetId), mine.token()), 404, "not-found");
        assertProblem(
                http.upload(
                        mine.path("/folders/" + theirFolder + "/assets"),
                        mine.token(),
                        List.of(new Http.Part("x.png", "image/png", SampleMedia.png(5, 5)))),
                404,
                "not-found");
        String myFolder = folder(mine, "Mine");
        assertProblem(
                http.json(
                        "POST",
                        mine.path("/assets/move"),
                        mine.token(),
                        "{\"assetIds\":[\"" + assetId + "\"],\"folderId\":\"" + myFolder + "\"}"),
                404,
                "not-found");
        assertProblem(
                http.json(
                        "POST",
                        mine.path("/folders/" + myFolder + "/move"),
                        mine.token(),
                        "{\"parentId\":\"" + theirFolder + "\"}"),
                404,
                "not-found");
        assertThat(http.get(mine.path("/assets"), mine.token())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .doesNotContain(assetId);
        // their path with my key
        assertThat(http.get(theirs.path("/assets/" + assetId), mine.token()).status())
                .isEqualTo(404);
        // still there for them
        assertThat(http.get(theirs.path("/assets/" + assetId), theirs.token()).status())
                .isEqualTo(200);
    }

    @Test
    void aSignedUrlOpensOnlyItsOwnAssetUntilItExpires() {
        var mine = workspace("pro");
        var theirs = workspace("pro");
        String theirFolder = folder(theirs, "Secret");
        var asset = http.upload(
                        theirs.path("/folders/" + theirFolder + "/assets"),
                        theirs.token(),
                        List.of(new Http.Part("s.png", "image/png", SampleMedia.png(12, 12))))
                .json();
        String url = asset.path("url").asString();
        assertThat(http.get(url, null).status()).isEqualTo(200);

        // the same signature on my workspace's path, or on another asset
        assertThat(http.get(url.replace(theirs.id().toString(), mine.id().toString()), null)
                        .status())
                .isEqualTo(403);
        assertThat(http.get(
                                url.replace(
                                        asset.path("id").asString(),
                                        UUID.randomUUID().toString()),
                                null)
                        .status())
                .isEqualTo(403);
        // the thumbnail's signature does not open the original
        String thumbnail = asset.path("thumbnailUrl").asString();
        String thumbnailSignature = thumbnail.substring(thumbnail.indexOf("sig="));
        assertThat(http.get(url.replaceFirst("sig=.*$", thumbnailSignature), null)
                        .status())
                .isEqualTo(403);
        // tampered expiry, tampered signature, no signature
        assertThat(http.get(url.replaceFirst("exp=\\d+", "exp=99999999999"), null)
                        .status())
                .isEqualTo(403);
        // (a first character it does not have: "sig=A" left a signature that starts with A as it was, 1 run in 64)
        char first = url.charAt(url.indexOf("sig=") + 4);
        assertThat(http.get(url.replaceFirst("sig=.", "sig=" + (first == 'A' ? 'B' : 'A')), null)
                        .status())
                .isEqualTo(403);
        assertThat(http.get(url.replaceFirst("\\?.*$", ""), null).status()).isEqualTo(403);
        // expired
        String expired = links.signed(
                        theirs.id(),
                        AssetId.of(asset.path("id").asString()),
                        MediaLinks.Variant.ORIGINAL,
                        Instant.now().minusSeconds(5))
                .toString();
        assertThat(http.get(expired, null).status()).isEqualTo(403);
        // a correctly signed URL for an asset that does not exist proves the signature is checked first: 404 only
        // once the signature holds
        String unknown = links.signed(
                        theirs.id(),
                        AssetId.random(),
                        MediaLinks.Variant.ORIGINAL,
                        Instant.now().plusSeconds(60))
                .toString();
        assertThat(http.get(unknown, null).status()).isEqualTo(404);
    }
}
