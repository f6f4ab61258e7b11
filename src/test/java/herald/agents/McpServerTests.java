package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The MCP server, driven by the MCP Java SDK's own client over Streamable HTTP, against the real Sandbox. */
class McpServerTests extends AgentTestBase {

    Workspace w;
    String granted;
    String grantedHandle;
    String ungranted;
    AgentKey agent;
    McpSyncClient client;

    @BeforeEach
    void connected() {
        w = workspace("AgentMcp");
        grantedHandle = handle("mcp");
        granted = connectSandbox(w, grantedHandle);
        ungranted = connectSandbox(w, handle("nomcp"));
        agent = agent(w, "Mcp bot");
        grant(w, agent, granted, "[\"POST_CREATE\",\"ASSET_READ\"]", false, null);
        client = client(agent.token());
        client.initialize();
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    McpSyncClient client(String token) {
        var transport = HttpClientStreamableHttpTransport.builder(BASE)
                .endpoint("/mcp")
                .customizeRequest(request -> request.header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    }

    CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    JsonNode structured(CallToolResult result) {
        return JSON.valueToTree(result.structuredContent());
    }

    @Test
    void listsToolsAnLlmCanUseUnaided() {
        var tools = client.listTools().tools();

        assertThat(tools)
                .extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder(
                        "list_accounts",
                        "create_post",
                        "get_post",
                        "get_post_figures",
                        "cancel_post",
                        "stop_repeating",
                        "skip_repeat_day",
                        "unskip_repeat_day",
                        "list_posts",
                        "list_assets",
                        "generate_captions",
                        "list_comments",
                        "answer_comment",
                        "mark_comment_done");
        assertThat(tools).allSatisfy(tool -> assertThat(tool.description()).hasSizeGreaterThan(80));
        var create = tools.stream()
                .filter(t -> t.name().equals("create_post"))
                .findFirst()
                .orElseThrow();
        assertThat(create.inputSchema().required())
                .as("content may be left out when variants give every account its own")
                .isNullOrEmpty();
        assertThat(JSON.valueToTree(create.inputSchema().properties().get("content"))
                        .path("description")
                        .asString())
                .contains("variants");
        assertThat(create.inputSchema().properties())
                .containsKeys("platforms", "connectionIds", "scheduleAt", "idempotencyKey", "firstComment", "tagLinks");
        var platformIds = context.getBean(herald.providers.Providers.class).all().stream()
                .map(herald.providers.SocialProvider::id)
                .toList();
        JsonNode platforms = JSON.valueToTree(create.inputSchema().properties().get("platforms"));
        JsonNode variantPlatforms = JSON.valueToTree(
                        create.inputSchema().properties().get("variants"))
                .path("items")
                .path("properties")
                .path("platform");
        for (JsonNode named : List.of(platforms.path("items"), variantPlatforms)) {
            assertThat(named.path("enum").valueStream().map(JsonNode::asString))
                    .as("every platform Herald publishes to can be named")
                    .containsExactlyInAnyOrderElementsOf(platformIds);
        }
        JsonNode comment = JSON.valueToTree(create.inputSchema().properties().get("firstComment"));
        assertThat(comment.path("type").asString()).isEqualTo("string");
        assertThat(comment.path("maxLength").asInt()).isEqualTo(10_000);
        assertThat(comment.path("description").asString())
                .contains("once the post is published")
                .contains("reply")
                .contains("limit for comments");
        JsonNode tagLinks = JSON.valueToTree(create.inputSchema().properties().get("tagLinks"));
        assertThat(tagLinks.path("type").asString()).isEqualTo("boolean");
        assertThat(tagLinks.path("description").asString()).contains("UTM").contains("leave out");
        assertThat(create.description()).contains("firstComment").contains("tagLinks");
        assertThat(client.getServerInstructions())
                .contains("list_accounts")
                .contains("answer_comment")
                .contains("mark_comment_done");
        var answer = tools.stream()
                .filter(t -> t.name().equals("answer_comment"))
                .findFirst()
                .orElseThrow();
        assertThat(answer.description())
                .contains("COMMENT_REPLY")
                .contains("One answer per comment")
                .contains("unknown");
        assertThat(answer.annotations().readOnlyHint()).isFalse();
        assertThat(answer.inputSchema().required()).containsExactlyInAnyOrder("commentId", "text");
        assertThat(tools)
                .filteredOn(t -> t.annotations().destructiveHint())
                .extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder("cancel_post", "stop_repeating");
        JsonNode repeat = JSON.valueToTree(create.inputSchema().properties().get("repeat"));
        assertThat(repeat.path("properties").path("every").path("enum").toString())
                .isEqualTo("[\"day\",\"week\",\"two_weeks\",\"four_weeks\",\"month\"]");
        assertThat(repeat.path("description").asString())
                .contains("POST_SCHEDULE")
                .contains("daily cap");
    }

    @Test
    void anAgentPostsThroughMcpToItsGrantedAccount() {
        var accounts = structured(call("list_accounts", Map.of()));
        assertThat(accounts.path("accounts")).hasSize(1);
        assertThat(accounts.path("accounts").get(0).path("connectionId").asString())
                .isEqualTo(granted);

        var posted = call(
                "create_post",
                Map.of(
                        "content",
                        "Posted by an LLM",
                        "connectionIds",
                        List.of(granted),
                        "waitSeconds",
                        10,
                        "tags",
                        List.of("#Agent run", "weekly")));

        assertThat(posted.isError()).as(text(posted)).isFalse();
        JsonNode result = structured(posted).path("results").get(0);
        String post = result.path("postId").asString();
        assertThat(context.getBean(herald.publishing.Posts.class)
                        .get(w.id(), new herald.publishing.PostId(java.util.UUID.fromString(post)))
                        .tags())
                .as("the tags the agent gave")
                .containsExactly("Agent run", "weekly");
        JsonNode status = structured(call("get_post", Map.of("postId", post)));
        for (int i = 0; i < 100 && !status.path("status").asString().equals("published"); i++) {
            sleep();
            status = structured(call("get_post", Map.of("postId", post)));
        }
        assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("published");
        assertThat(status.path("origin").asString()).isEqualTo("mcp");
        assertThat(status.path("targets").get(0).path("url").asString()).contains(grantedHandle);
        assertThat(StreamSupport.stream(sandboxPosts(grantedHandle).spliterator(), false)
                        .map(p -> p.path("text").asString()))
                .containsExactly("Posted by an LLM");
        // How it did: nothing counted in its first hour, and when the first reading comes.
        JsonNode figures = structured(call("get_post_figures", Map.of("postId", post)));
        assertThat(figures.path("postId").asString()).isEqualTo(post);
        JsonNode target = figures.path("targets").get(0);
        assertThat(target.path("connectionId").asString()).isEqualTo(granted);
        assertThat(target.path("counts").isEmpty()).isTrue();
        assertThat(target.path("reads").asInt()).isZero();
        assertThat(java.time.Instant.parse(target.path("nextReadAt").asString()))
                .isEqualTo(java.time.Instant.parse(status.path("targets")
                                .get(0)
                                .path("publishedAt")
                                .asString())
                        .plus(java.time.Duration.ofHours(1)));
        var unknown = call(
                "get_post_figures", Map.of("postId", java.util.UUID.randomUUID().toString()));
        assertThat(unknown.isError()).isTrue();
        assertThat(audit(w, "agent.call").stream().map(r -> r.get("details").toString()))
                .anyMatch(d ->
                        d.contains("\"channel\": \"mcp\"") && d.contains("posts.create") && d.contains("\"grant\""))
                .anyMatch(d -> d.contains("accounts.list"))
                .anyMatch(d -> d.contains("posts.get"));
    }

    @Test
    void anAgentReadsAndAnswersTheCommentsOfItsGrantedAccountThroughMcp() {
        String ours = publishedOn(w, granted, "Burgers tonight");
        String theirs = publishedOn(w, ungranted, "Fries tonight");
        visitorComment(ours, "Barney", "Free refills?");
        visitorComment(theirs, "Homer", "Extra fries?");
        visitorComment(ours, "Lenny", "Thanks!");
        assertThat(checkInbox(w)).isEqualTo(3);

        var without = call("list_comments", Map.of("connectionId", granted));
        assertThat(without.isError()).isTrue();
        assertThat(text(without)).contains("COMMENT_READ");

        grant(w, agent, granted, "[\"COMMENT_READ\"]", false, null);
        var listed = call("list_comments", Map.of("connectionId", granted));
        assertThat(listed.isError()).as(text(listed)).isFalse();
        JsonNode items = structured(listed).path("items");
        assertThat(items.valueStream().map(i -> i.path("text").asString()))
                .containsExactlyInAnyOrder("Free refills?", "Thanks!");
        String barney = idOf(items, "Free refills?");
        String lenny = idOf(items, "Thanks!");
        var notGranted = call("list_comments", Map.of("connectionId", ungranted));
        assertThat(notGranted.isError()).isTrue();
        assertThat(text(notGranted)).contains("not granted");
        var noAccount = call("list_comments", Map.of());
        assertThat(noAccount.isError()).isTrue();
        assertThat(text(noAccount)).contains("connectionId");

        var noReply = call("answer_comment", Map.of("commentId", barney, "text", "Sometimes."));
        assertThat(noReply.isError()).isTrue();
        assertThat(text(noReply)).contains("COMMENT_REPLY");

        grant(w, agent, granted, "[\"COMMENT_READ\",\"COMMENT_REPLY\"]", false, null);
        String homer = admin(w, "GET", "/inbox?account=" + ungranted, null)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        var theirComment = call("answer_comment", Map.of("commentId", homer, "text", "Always."));
        assertThat(theirComment.isError()).isTrue();
        assertThat(text(theirComment)).contains("no comment");

        // A platform that cannot take the answer now: an error with its reason, and the comment stays open.
        faults("{\"errorRate\":1.0}");
        CallToolResult refused;
        try {
            refused = call("answer_comment", Map.of("commentId", barney, "text", "Sometimes."));
        } finally {
            noFaults();
        }
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("reason: retry");

        var answered = call("answer_comment", Map.of("commentId", barney, "text", "Sometimes."));
        assertThat(answered.isError()).as(text(answered)).isFalse();
        assertThat(structured(answered).path("status").asString()).isEqualTo("done");
        assertThat(structured(answered).path("reply").path("text").asString()).isEqualTo("Sometimes.");
        assertThat(sandboxComments(ours).valueStream().map(c -> c.path("text").asString()))
                .contains("Sometimes.");
        var again = call("answer_comment", Map.of("commentId", barney, "text", "Sometimes, really."));
        assertThat(again.isError()).isTrue();
        assertThat(text(again)).contains("answered already");
        assertThat(structured(call("list_comments", Map.of("connectionId", granted, "status", "done")))
                        .path("items"))
                .hasSize(1);

        // A comment that needs no answer is set aside, and can be opened again; another account's stays out of reach.
        JsonNode open = structured(call("list_comments", Map.of("connectionId", granted)))
                .path("items");
        assertThat(open.valueStream().map(i -> i.path("id").asString())).containsExactly(lenny);
        var done = call("mark_comment_done", Map.of("commentId", lenny));
        assertThat(done.isError()).as(text(done)).isFalse();
        assertThat(structured(done).path("status").asString()).isEqualTo("done");
        assertThat(structured(call("list_comments", Map.of("connectionId", granted)))
                        .path("items"))
                .isEmpty();
        var reopened = call("mark_comment_done", Map.of("commentId", lenny, "done", false));
        assertThat(structured(reopened).path("status").asString()).isEqualTo("open");
        var notTheirs = call("mark_comment_done", Map.of("commentId", homer));
        assertThat(notTheirs.isError()).isTrue();
        assertThat(text(notTheirs)).contains("no comment");
        assertThat(admin(w, "GET", "/inbox/" + homer, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("open");
        assertThat(audit(w, "agent.call").stream().map(r -> r.get("details").toString()))
                .anyMatch(d -> d.contains("\"channel\": \"mcp\"")
                        && d.contains("\"inbox.reply\"")
                        && d.contains("\"reply_refused\""))
                .anyMatch(d -> d.contains("\"inbox.reply\"") && d.contains("\"ok\""))
                .anyMatch(d -> d.contains("\"inbox.list\"") && d.contains("\"no_permission\""))
                .anyMatch(d -> d.contains("\"inbox.done\"") && d.contains("\"ok\""))
                .anyMatch(d -> d.contains("\"inbox.reopen\"") && d.contains("\"ok\""))
                .anyMatch(d -> d.contains("\"inbox.done\"") && d.contains("\"not_found\""));
    }

    static String idOf(JsonNode comments, String text) {
        return comments.valueStream()
                .filter(c -> c.path("text").asString().equals(text))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }

    void faults(String json) {
        var set = send("PUT", "/sandbox/admin/faults", null, json, "X-Sandbox-Admin-Token", "test-sandbox-admin-token");
        assertThat(set.status()).as(set.body()).isBetween(200, 204);
    }

    void noFaults() {
        send("DELETE", "/sandbox/admin/faults", null, null, "X-Sandbox-Admin-Token", "test-sandbox-admin-token");
    }

    @Test
    void anAgentSaysThePostsLanguageAndATagThatNamesNoneIsRefused() {
        grant(w, agent, granted, "[\"POST_SCHEDULE\"]", false, null);

        var posted = call(
                "create_post",
                Map.of(
                        "content",
                        "Especial de hoy",
                        "connectionIds",
                        List.of(granted),
                        "scheduleAt",
                        "2099-03-01T18:00:00Z",
                        "language",
                        "es-mx"));
        var refused = call(
                "create_post",
                Map.of(
                        "content",
                        "Hoy",
                        "connectionIds",
                        List.of(granted),
                        "scheduleAt",
                        "2099-03-01T19:00:00Z",
                        "language",
                        "klingon"));

        assertThat(posted.isError()).as(text(posted)).isFalse();
        String postId = structured(posted).path("results").get(0).path("postId").asString();
        assertThat(context.getBean(herald.database.TenantScope.class)
                        .call(w.id(), () -> jdbc.sql("select language from posts where id = cast(:id as uuid)")
                                .param("id", postId)
                                .query(String.class)
                                .optional()))
                .as("the post's own language, well formed")
                .contains("es-MX");
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("'klingon' is not a language tag such as en, de or pt-BR.");
        assertThat(structured(call("list_posts", Map.of())).path("items"))
                .as("the refused call made nothing")
                .hasSize(1);
        // A page of no posts, or of too many, is refused in words (the REST API's own validation does not run here).
        for (int limit : new int[] {0, 201}) {
            CallToolResult page = call("list_posts", Map.of("limit", limit));
            assertThat(page.isError()).as(text(page)).isTrue();
            assertThat(text(page)).contains("The limit is 1 to 200.");
        }
    }

    @Test
    void anAgentGivesItsPostAFirstCommentAndSaysNoToLinkTagging() {
        grant(w, agent, granted, "[\"POST_SCHEDULE\"]", false, null);

        var posted = call(
                "create_post",
                Map.of(
                        "content",
                        "Tonight's special: https://krusty.example.com/special",
                        "connectionIds",
                        List.of(granted),
                        "scheduleAt",
                        "2099-03-01T18:00:00Z",
                        "firstComment",
                        "Photo: Lisa S. #krustyburger",
                        "tagLinks",
                        false));
        var tooLong = call(
                "create_post",
                Map.of(
                        "content",
                        "Hi",
                        "connectionIds",
                        List.of(granted),
                        "scheduleAt",
                        "2099-03-01T19:00:00Z",
                        "firstComment",
                        "a".repeat(10_001)));

        assertThat(posted.isError()).as(text(posted)).isFalse();
        JsonNode result = structured(posted).path("results").get(0);
        assertThat(result.path("comment").path("status").asString()).isEqualTo("waiting");
        JsonNode post = structured(
                call("get_post", Map.of("postId", result.path("postId").asString())));
        assertThat(post.path("firstComment").asString()).isEqualTo("Photo: Lisa S. #krustyburger");
        assertThat(post.path("tagLinks").asBoolean()).isFalse();
        assertThat(post.path("targets").get(0).path("comment").path("status").asString())
                .isEqualTo("waiting");
        assertThat(tooLong.isError()).isTrue();
        assertThat(text(tooLong))
                .contains("argument 'firstComment'")
                .contains("10001 characters")
                .contains("at most 10000");
        assertThat(structured(call("list_posts", Map.of())).path("items"))
                .as("the refused call made nothing")
                .hasSize(1);
    }

    @Test
    void generatesCaptionsForAGrantedAccountWithCaptionGenerate() {
        var without = call("generate_captions", Map.of("connectionId", granted, "itemName", "Tiramisu"));
        assertThat(without.isError()).isTrue();
        assertThat(text(without)).contains("CAPTION_GENERATE");

        grant(w, agent, granted, "[\"POST_CREATE\",\"CAPTION_GENERATE\"]", false, null);
        var written = call(
                "generate_captions",
                Map.of("connectionId", granted, "itemName", "Tiramisu", "variants", 2, "mode", "template"));

        assertThat(written.isError()).as(text(written)).isFalse();
        JsonNode result = structured(written);
        assertThat(result.path("mode").asString()).isEqualTo("template");
        assertThat(result.path("captions")).hasSize(2);
        assertThat(result.path("captions").get(0).path("text").asString()).contains("Tiramisu");
        assertThat(audit(w, "agent.call").stream().map(r -> r.get("details").toString()))
                .anyMatch(d -> d.contains("captions.generate") && d.contains("\"outcome\": \"ok\""));
    }

    @Test
    void createPostTakesVariantsAndRefusesOneThatCannotApply() {
        var create = client.listTools().tools().stream()
                .filter(t -> t.name().equals("create_post"))
                .findFirst()
                .orElseThrow();
        JsonNode variants = JSON.valueToTree(create.inputSchema().properties().get("variants"));
        assertThat(variants.path("items").path("properties").has("connectionId"))
                .isTrue();
        assertThat(variants.path("description").asString()).contains("X").contains("LinkedIn");

        var posted = call(
                "create_post",
                Map.of(
                        "content",
                        "For every account",
                        "platforms",
                        List.of("sandbox"),
                        "waitSeconds",
                        10,
                        "variants",
                        List.of(
                                Map.of("platform", "sandbox", "content", "For every sandbox"),
                                Map.of("connectionId", granted, "content", "Only for this account"))));
        var wrongPlatform = call(
                "create_post",
                Map.of(
                        "content",
                        "Hi",
                        "platforms",
                        List.of("sandbox"),
                        "variants",
                        List.of(Map.of("platform", "linkedin", "content", "Hi LinkedIn"))));
        var unknownArgument = call(
                "create_post",
                Map.of(
                        "content",
                        "Hi",
                        "platforms",
                        List.of("sandbox"),
                        "variants",
                        List.of(Map.of("platform", "sandbox", "colour", "red"))));

        assertThat(posted.isError()).as(text(posted)).isFalse();
        assertThat(StreamSupport.stream(sandboxPosts(grantedHandle).spliterator(), false)
                        .map(p -> p.path("text").asString()))
                .containsExactly("Only for this account");
        assertThat(wrongPlatform.isError()).isTrue();
        assertThat(text(wrongPlatform)).contains("variants[0].platform").contains("no linkedin account");
        assertThat(unknownArgument.isError()).isTrue();
        assertThat(targetBodies(w)).hasSize(1);

        // No content at all, where a variant gives the one account its own.
        var onlyVariants = call(
                "create_post",
                Map.of(
                        "connectionIds",
                        List.of(granted),
                        "waitSeconds",
                        10,
                        "variants",
                        List.of(Map.of("connectionId", granted, "content", "No content, only a variant"))));
        assertThat(onlyVariants.isError()).as(text(onlyVariants)).isFalse();
        assertThat(StreamSupport.stream(sandboxPosts(grantedHandle).spliterator(), false)
                        .map(p -> p.path("text").asString()))
                .containsExactlyInAnyOrder("Only for this account", "No content, only a variant");
    }

    @Test
    void refusalsAreToolErrorsThatSayWhatToChange() {
        var ungrantedPost = call("create_post", Map.of("content", "Hi", "connectionIds", List.of(ungranted)));
        var noAccount = call("create_post", Map.of("content", "Hi", "platforms", List.of("facebook")));
        var unknownPlatform = call("create_post", Map.of("content", "Hi", "platforms", List.of("myspace")));
        var badId = call("create_post", Map.of("content", "Hi", "connectionIds", List.of("not-a-uuid")));
        var unknownArgument =
                call("create_post", Map.of("content", "Hi", "platforms", List.of("sandbox"), "colour", "red"));
        var tooLong = call("create_post", Map.of("content", "a".repeat(501), "platforms", List.of("sandbox")));
        var noPostId = call("get_post", Map.of());

        assertThat(ungrantedPost.isError()).isTrue();
        assertThat(text(ungrantedPost)).contains("no_permission");
        assertThat(text(noAccount)).contains("not_connected").contains("no facebook account");
        assertThat(text(unknownPlatform)).contains("Unknown platform 'myspace'");
        assertThat(badId.isError()).isTrue();
        assertThat(text(badId)).contains("argument 'connectionIds'");
        assertThat(text(unknownArgument)).contains("unknown argument 'colour'");
        assertThat(text(tooLong)).contains("invalid_content").contains("text.length");
        assertThat(text(noPostId)).contains("postId");
        assertThatThrownBy(() -> call("delete_everything", Map.of()))
                .isInstanceOfSatisfying(io.modelcontextprotocol.spec.McpError.class, e -> assertThat(
                                String.valueOf(e.getJsonRpcError().data()))
                        .contains("delete_everything"));
    }

    @Test
    void aCreateRetriedWithItsIdempotencyKeyPostsOnce() throws Exception {
        Map<String, Object> once = Map.of(
                "content", "Sent twice, posted once", "connectionIds", List.of(granted), "idempotencyKey", "try-1");
        var first = call("create_post", once);
        // A retry after a lost answer, waiting for the URL this time: the wait is not part of what is posted.
        var retry = call("create_post", with(once, "waitSeconds", 1));
        var otherPost = call(
                "create_post",
                Map.of("content", "Another post", "connectionIds", List.of(granted), "idempotencyKey", "try-1"));
        var withoutKey =
                call("create_post", Map.of("content", "Sent twice, posted once", "connectionIds", List.of(granted)));

        assertThat(first.isError()).as(text(first)).isFalse();
        String post = structured(first).path("results").get(0).path("postId").asString();
        assertThat(structured(first).has("replayed")).isFalse();
        assertThat(retry.isError()).as(text(retry)).isFalse();
        assertThat(structured(retry).path("replayed").asBoolean()).isTrue();
        assertThat(structured(retry).path("results").get(0).path("postId").asString())
                .isEqualTo(post);
        assertThat(otherPost.isError()).isTrue();
        assertThat(text(otherPost)).contains("idempotencyKey").contains("different call");
        assertThat(withoutKey.isError()).as(text(withoutKey)).isFalse();
        assertThat(structured(withoutKey).path("results").get(0).path("postId").asString())
                .isNotEqualTo(post);
        assertThat(ownPosts("Sent twice, posted once")).isEqualTo(2); // the first (and its retry), and the keyless one
        assertThat(ownPosts("Another post")).isZero();
    }

    @Test
    void concurrentCallsWithOneKeyMakeOnePostAndAnotherAgentsKeyIsItsOwn() throws Exception {
        Map<String, Object> args =
                Map.of("content", "Raced by a retry", "connectionIds", List.of(granted), "idempotencyKey", "race-1");
        var second = client(agent.token());
        second.initialize();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var a = threads.submit(() -> call("create_post", args));
            var b = threads.submit(() -> second.callTool(new CallToolRequest("create_post", args)));
            var posts = List.of(a.get(), b.get()).stream()
                    .peek(r -> assertThat(r.isError()).as(text(r)).isFalse())
                    .map(r ->
                            structured(r).path("results").get(0).path("postId").asString())
                    .distinct()
                    .toList();
            assertThat(posts).hasSize(1);
        } finally {
            second.closeGracefully();
        }
        assertThat(ownPosts("Raced by a retry")).isEqualTo(1);

        AgentKey other = agent(w, "Other bot");
        grant(w, other, granted, "[\"POST_CREATE\"]", false, null);
        var otherClient = client(other.token());
        otherClient.initialize();
        try {
            var theirs = otherClient.callTool(new CallToolRequest(
                    "create_post",
                    Map.of(
                            "content",
                            "Raced by a retry, again",
                            "connectionIds",
                            List.of(granted),
                            "idempotencyKey",
                            "race-1")));
            assertThat(theirs.isError()).as(text(theirs)).isFalse();
            assertThat(structured(theirs).has("replayed")).isFalse();
        } finally {
            otherClient.closeGracefully();
        }
    }

    @Test
    void aCallThatCreatedNothingLeavesItsKeyFreeAndAMalformedKeyIsRefused() {
        var refused = call(
                "create_post",
                Map.of("content", "Fixed, then sent", "connectionIds", List.of(ungranted), "idempotencyKey", "fix-1"));
        var fixed = call(
                "create_post",
                Map.of("content", "Fixed, then sent", "connectionIds", List.of(granted), "idempotencyKey", "fix-1"));
        var spaced = call(
                "create_post",
                Map.of("content", "Spaced key", "connectionIds", List.of(granted), "idempotencyKey", "has space"));
        var tooLong = call(
                "create_post",
                Map.of("content", "Long key", "connectionIds", List.of(granted), "idempotencyKey", "k".repeat(256)));

        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("no_permission");
        assertThat(fixed.isError()).as(text(fixed)).isFalse();
        assertThat(structured(fixed).has("replayed")).isFalse();
        assertThat(spaced.isError()).isTrue();
        assertThat(text(spaced)).contains("argument 'idempotencyKey'").contains("visible ASCII");
        assertThat(tooLong.isError()).isTrue();
        assertThat(text(tooLong)).contains("argument 'idempotencyKey'");
        assertThat(ownPosts("Spaced key") + ownPosts("Long key")).isZero();
    }

    @Test
    void anAgentCancelsItsScheduledPostThroughMcp() {
        grant(w, agent, granted, "[\"POST_CREATE\",\"POST_SCHEDULE\"]", false, null);
        var scheduled = call(
                "create_post",
                Map.of(
                        "content",
                        "Withdrawn by the LLM",
                        "connectionIds",
                        List.of(granted),
                        "scheduleAt",
                        "2099-01-01T09:00:00Z"));
        String post =
                structured(scheduled).path("results").get(0).path("postId").asString();

        var cancelled = call("cancel_post", Map.of("postId", post));
        var again = call("cancel_post", Map.of("postId", post));
        var unknown =
                call("cancel_post", Map.of("postId", java.util.UUID.randomUUID().toString()));

        assertThat(cancelled.isError()).as(text(cancelled)).isFalse();
        assertThat(structured(cancelled).path("status").asString()).isEqualTo("cancelled");
        assertThat(structured(call("get_post", Map.of("postId", post)))
                        .path("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(again.isError()).isTrue();
        assertThat(text(again)).contains("cancelled").contains("can no longer be cancelled");
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("This agent has no post");
    }

    @Test
    void anAgentMakesAWeeklyPostThroughMcpAndStopsIt() {
        grant(w, agent, granted, "[\"POST_CREATE\",\"POST_SCHEDULE\"]", false, null);
        var created = call(
                "create_post",
                Map.of(
                        "content",
                        "Soup of the week",
                        "connectionIds",
                        List.of(granted),
                        "scheduleAt",
                        "2099-03-02T12:00",
                        "timezone",
                        "Europe/Berlin",
                        "repeat",
                        Map.of("every", "week", "until", "2099-06-30")));
        assertThat(created.isError()).as(text(created)).isFalse();
        String post = structured(created).path("results").get(0).path("postId").asString();

        JsonNode shown = structured(call("get_post", Map.of("postId", post)));
        assertThat(shown.path("repeat").path("every").asString()).isEqualTo("week");
        assertThat(shown.path("repeat").path("until").asString()).isEqualTo("2099-06-30");
        assertThat(shown.path("repeat").has("ended")).isFalse();

        var stopped = call("stop_repeating", Map.of("postId", post));
        var again = call("stop_repeating", Map.of("postId", post));

        assertThat(stopped.isError()).as(text(stopped)).isFalse();
        assertThat(structured(stopped).path("repeat").path("ended").asString())
                .startsWith("Stopped by the agent Mcp bot");
        assertThat(structured(stopped).path("status").asString())
                .as("the post itself stays scheduled")
                .isEqualTo("scheduled");
        assertThat(again.isError()).isTrue();
        assertThat(text(again)).contains("already ended");
    }

    @Test
    void anAgentSkipsADayOfItsWeeklyPostThroughMcpAndPutsItBack() {
        grant(w, agent, granted, "[\"POST_CREATE\",\"POST_SCHEDULE\"]", false, null);
        java.time.LocalDate start =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(2);
        var created = call(
                "create_post",
                Map.of(
                        "content",
                        "Weekly stew",
                        "connectionIds",
                        List.of(granted),
                        "scheduleAt",
                        start + "T12:00",
                        "timezone",
                        "Europe/Berlin",
                        "repeat",
                        Map.of("every", "week")));
        assertThat(created.isError()).as(text(created)).isFalse();
        String post = structured(created).path("results").get(0).path("postId").asString();
        String day = start.plusWeeks(2).toString();

        var skipped = call("skip_repeat_day", Map.of("postId", post, "date", day));
        var wrongDay = call(
                "skip_repeat_day",
                Map.of("postId", post, "date", start.plusDays(1).toString()));
        var noDay = call("skip_repeat_day", Map.of("postId", post));

        assertThat(skipped.isError()).as(text(skipped)).isFalse();
        assertThat(structured(skipped).path("repeat").path("skipped").get(0).asString())
                .isEqualTo(day);
        assertThat(wrongDay.isError()).isTrue();
        assertThat(text(wrongDay)).contains("makes no post on");
        assertThat(noDay.isError()).isTrue();
        var back = call("unskip_repeat_day", Map.of("postId", post, "date", day));
        assertThat(back.isError()).as(text(back)).isFalse();
        assertThat(structured(back).path("repeat").has("skipped")).isFalse();
    }

    static Map<String, Object> with(Map<String, Object> args, String key, Object value) {
        var more = new java.util.HashMap<>(args);
        more.put(key, value);
        return more;
    }

    /** How many of this agent's posts have the content, from list_posts. */
    long ownPosts(String content) {
        var posts = structured(call("list_posts", Map.of("limit", 100))).path("items");
        return StreamSupport.stream(posts.spliterator(), false)
                .filter(p -> p.path("content").asString().equals(content))
                .count();
    }

    @Test
    void aPausedAgentIsRefusedAndARevokedKeyCannotConnect() {
        admin(w, "POST", "/agents/" + agent.id() + "/pause", null);
        var whilePaused = call("list_accounts", Map.of());
        admin(w, "POST", "/agents/" + agent.id() + "/resume", null);
        admin(w, "DELETE", "/agents/" + agent.id() + "/keys/" + agent.keyId(), null);
        var revoked = client(agent.token());

        assertThat(whilePaused.isError()).isTrue();
        assertThat(text(whilePaused)).contains("paused");
        assertThatThrownBy(revoked::initialize).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> call("list_accounts", Map.of())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void malformedRequestsAndWrongKeysAreRefused() {
        String json = "application/json, text/event-stream";
        var garbage = send("POST", "/mcp", agent.token(), "{not json", "Accept", json);
        var noKey =
                send("POST", "/mcp", null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "Accept", json);
        var memberKey = send(
                "POST",
                "/mcp",
                w.adminKey(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "Accept",
                json);
        var huge = send(
                "POST",
                "/mcp",
                agent.token(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"create_post\",\"arguments\":{\"content\":\"" + "a".repeat(2_000_000) + "\"}}}",
                "Accept",
                json);
        var unknownMethod = send(
                "POST",
                "/mcp",
                agent.token(),
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"nothing/here\"}",
                "Accept",
                json);

        assertThat(garbage.status()).isBetween(400, 499);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(memberKey.status()).isEqualTo(403);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(unknownMethod.json().path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(unknownMethod.json().path("id").asInt()).isEqualTo(7);
        assertThat(unknownMethod.body()).doesNotContain("stackTrace").doesNotContain("herald.");
        assertThat(garbage.body()).doesNotContain("stackTrace");
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
