package herald.web.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import herald.assets.SampleMedia;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folders: the defaults, names, moves within the tree, and deleting with confirmation. */
class FolderApiTests extends AssetApiTest {

    @Test
    void aNewWorkspaceHasTheDefaultFoldersAndTheEndpointRestoresMissingOnes() {
        var ws = workspace("pro");
        var listed = http.get(ws.path("/folders"), ws.token()).json().path("items");
        assertThat(listed.findValuesAsString("name"))
                .containsExactlyInAnyOrder("Food", "Drinks", "Restaurant", "Seasonal");
        String drinks = listed.findValues("id")
                .get(listed.findValuesAsString("name").indexOf("Drinks"))
                .asString();
        assertThat(http.delete(ws.path("/folders/" + drinks), ws.token()).status())
                .isEqualTo(204);

        var restored = http.json("POST", ws.path("/folders/defaults"), ws.token(), "{}");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().path("items").findValuesAsString("name")).containsExactly("Drinks");
        var again = http.json("POST", ws.path("/folders/defaults"), ws.token(), "{}");
        assertThat(again.json().path("items")).isEmpty();
    }

    @Test
    void refusesNamesWithPathSyntaxAndDuplicates() {
        var ws = workspace("pro");
        for (String name : List.of("a/b", "..", ".", "back\\\\slash", "  ")) {
            var response = http.json("POST", ws.path("/folders"), ws.token(), "{\"name\":\"" + name + "\"}");
            assertProblem(response, 400, "invalid-input");
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("name");
        }
        folder(ws, "Logos");
        assertProblem(http.json("POST", ws.path("/folders"), ws.token(), "{\"name\":\"logos\"}"), 409, "conflict");
    }

    @Test
    void renamesAndMovesButNeverIntoItsOwnDescendant() {
        var ws = workspace("pro");
        String brand = folder(ws, "Brand");
        var child = http.json(
                "POST", ws.path("/folders"), ws.token(), "{\"name\":\"Logos\",\"parentId\":\"" + brand + "\"}");
        assertThat(child.status()).isEqualTo(201);
        String logos = child.json().path("id").asString();
        var grandchild = http.json(
                "POST", ws.path("/folders"), ws.token(), "{\"name\":\"Dark\",\"parentId\":\"" + logos + "\"}");
        String dark = grandchild.json().path("id").asString();

        assertProblem(
                http.json(
                        "POST", ws.path("/folders/" + brand + "/move"), ws.token(), "{\"parentId\":\"" + dark + "\"}"),
                400,
                "invalid-input");
        assertProblem(
                http.json(
                        "POST", ws.path("/folders/" + brand + "/move"), ws.token(), "{\"parentId\":\"" + brand + "\"}"),
                400,
                "invalid-input");
        var moved = http.json("POST", ws.path("/folders/" + dark + "/move"), ws.token(), "{\"parentId\":null}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("parentId").isNull()).isTrue();
        var renamed = http.json("PATCH", ws.path("/folders/" + dark), ws.token(), "{\"name\":\"Dark mode\"}");
        assertThat(renamed.json().path("name").asString()).isEqualTo("Dark mode");
    }

    @Test
    void deletesANonEmptyFolderOnlyWhenConfirmedAndThenEverythingInIt() {
        var ws = workspace("pro");
        String brand = folder(ws, "Brand");
        String logos = http.json(
                        "POST", ws.path("/folders"), ws.token(), "{\"name\":\"Logos\",\"parentId\":\"" + brand + "\"}")
                .json()
                .path("id")
                .asString();
        var upload = http.upload(
                ws.path("/folders/" + logos + "/assets"),
                ws.token(),
                List.of(new Http.Part("logo.png", "image/png", SampleMedia.png(30, 30))));
        assertThat(upload.status()).isEqualTo(201);

        var refused = http.delete(ws.path("/folders/" + brand), ws.token());
        assertProblem(refused, 409, "conflict");
        assertThat(refused.json().path("detail").asString())
                .contains("1 asset(s)")
                .contains("1 subfolder(s)");

        assertThat(http.delete(ws.path("/folders/" + brand + "?confirm=true"), ws.token())
                        .status())
                .isEqualTo(204);
        assertThat(http.get(ws.path("/folders/" + logos), ws.token()).status()).isEqualTo(404);
        assertThat(count(ws.id(), "assets")).isZero();
        assertThat(count(ws.id(), "asset_blobs")).isZero();
    }
}
