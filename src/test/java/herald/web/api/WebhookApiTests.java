package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Webhook endpoints over REST: the secret shown once, changes, the delivery log and redelivery, bad input refused
 * with nothing created, the admin scope, and isolation. Nothing is sent here (tests run with delivery off): the
 * deliveries stay pending; sending is WebhookDeliveryTests'.
 */
class WebhookApiTests extends ApiTest {

    static final String URL = "https://93.184.215.14/hooks/herald";

    @Test
    void addsAnEndpointShowingItsSecretOnceThenChangesRollsAndDeletesIt() {
        Workspace ws = provision();

        var created = api.post(
                ws.path("/webhooks"),
                ws.token(),
                """
                {"url":"%s","events":["post.failed","post.published","post.failed"],"description":"Ops channel"}"""
                        .formatted(URL));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String secret = created.json().path("secret").asString();
        assertThat(created.header("Location")).endsWith("/webhooks/" + id);
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.json().path("events").toString()).isEqualTo("[\"post.published\",\"post.failed\"]");
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.json().path("secretHint").asString())
                .isEqualTo("whsec_…" + secret.substring(secret.length() - 9, secret.length() - 1));

        var read = api.get(ws.path("/webhooks/" + id), ws.token());
        assertThat(read.json().has("secret")).isFalse();
        assertThat(read.body()).doesNotContain(secret);
        assertThat(api.get(ws.path("/webhooks"), ws.token()).body()).doesNotContain(secret);

        var changed = api.patch(
                ws.path("/webhooks/" + id),
                ws.token(),
                "{\"enabled\":false,\"events\":[\"connection.needs_reconnect\"]}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("enabled").asBoolean()).isFalse();
        assertThat(changed.json().path("events").toString()).isEqualTo("[\"connection.needs_reconnect\"]");
        assertThat(changed.json().path("description").asString()).isEqualTo("Ops channel");
        assertThat(changed.json().path("url").asString()).isEqualTo(URL);

        var rolled = api.post(ws.path("/webhooks/" + id + "/roll-secret"), ws.token(), null);
        assertThat(rolled.status()).as(rolled.toString()).isEqualTo(200);
        assertThat(rolled.json().path("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);

        var audit = api.get(ws.path("/audit-events?action=webhook.secret_rolled"), ws.token());
        assertThat(audit.json().path("items")).hasSize(1);
        assertThat(api.get(ws.path("/audit-events"), ws.token()).body())
                .doesNotContain(secret)
                .doesNotContain(rolled.json().path("secret").asString());

        assertThat(api.delete(ws.path("/webhooks/" + id), ws.token()).status()).isEqualTo(204);
        assertProblem(api.get(ws.path("/webhooks/" + id), ws.token()), 404, "not-found");
        assertThat(api.get(ws.path("/webhooks"), ws.token()).json().path("items"))
                .isEmpty();
    }

    @Test
    void aTestEventIsQueuedAndCanBeRedeliveredUnderTheSameEventId() {
        Workspace ws = provision();
        String id = endpoint(ws);

        var test = api.post(ws.path("/webhooks/" + id + "/test"), ws.token(), null);
        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        assertThat(test.json().path("type").asString()).isEqualTo("webhook.test");
        assertThat(test.json().path("status").asString()).isEqualTo("pending");
        String delivery = test.json().path("id").asString();
        String eventId = test.json().path("eventId").asString();
        assertThat(test.json().path("payload").asString()).contains("\"type\":\"webhook.test\"", eventId);

        var again = api.post(ws.path("/webhooks/" + id + "/deliveries/" + delivery + "/redeliver"), ws.token(), null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json().path("id").asString()).isNotEqualTo(delivery);
        assertThat(again.json().path("eventId").asString()).isEqualTo(eventId);

        var page = api.get(ws.path("/webhooks/" + id + "/deliveries?limit=1"), ws.token());
        assertThat(page.json().path("items").findValuesAsString("id"))
                .containsExactly(again.json().path("id").asString());
        var next = api.get(
                ws.path("/webhooks/" + id + "/deliveries?limit=1&cursor="
                        + page.json().path("nextCursor").asString()),
                ws.token());
        assertThat(next.json().path("items").findValuesAsString("id")).containsExactly(delivery);
        assertThat(next.json().path("nextCursor").isNull()).isTrue();
        assertThat(api.get(ws.path("/webhooks/" + id + "/deliveries/" + delivery), ws.token())
                        .json()
                        .path("eventId")
                        .asString())
                .isEqualTo(eventId);
    }

    @Test
    void refusesBadEndpointsAndCreatesNothing() {
        Workspace ws = provision();

        var internal = api.post(
                ws.path("/webhooks"), ws.token(), "{\"url\":\"https://10.0.0.8/hooks\",\"events\":[\"post.failed\"]}");
        assertProblem(internal, 400, "invalid-input");
        assertThat(internal.json().path("errors").get(0).path("field").asString())
                .isEqualTo("url");
        assertThat(internal.json().path("errors").get(0).path("message").asString())
                .contains("internal address (10.0.0.8)");

        var plain = api.post(
                ws.path("/webhooks"), ws.token(), "{\"url\":\"http://93.184.215.14/h\",\"events\":[\"post.failed\"]}");
        assertProblem(plain, 400, "invalid-input");

        var noEvents = api.post(ws.path("/webhooks"), ws.token(), "{\"url\":\"%s\",\"events\":[]}".formatted(URL));
        assertProblem(noEvents, 400, "invalid-input");
        assertThat(noEvents.json().path("errors").get(0).path("field").asString())
                .isEqualTo("events");

        var unknown = api.post(
                ws.path("/webhooks"), ws.token(), "{\"url\":\"%s\",\"events\":[\"post.deleted\"]}".formatted(URL));
        assertProblem(unknown, 400, "invalid-input");
        assertThat(unknown.json().path("errors").get(0).path("message").asString())
                .contains("Unknown event 'post.deleted'", "post.published");

        var testEvent = api.post(
                ws.path("/webhooks"), ws.token(), "{\"url\":\"%s\",\"events\":[\"webhook.test\"]}".formatted(URL));
        assertProblem(testEvent, 400, "invalid-input");

        assertThat(api.get(ws.path("/webhooks"), ws.token()).json().path("items"))
                .isEmpty();
        assertThat(api.get(ws.path("/audit-events?action=webhook.created"), ws.token())
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void aWorkspaceHasAtMostTenEndpoints() {
        Workspace ws = provision();
        for (int i = 0; i < 10; i++) {
            endpoint(ws);
        }

        var eleventh = api.post(
                ws.path("/webhooks"), ws.token(), "{\"url\":\"%s\",\"events\":[\"post.failed\"]}".formatted(URL));

        assertThat(eleventh.status()).as(eleventh.toString()).isBetween(400, 499);
        assertThat(eleventh.json().path("detail").asString()).contains("10 webhook endpoints");
        assertThat(api.get(ws.path("/webhooks"), ws.token()).json().path("items"))
                .hasSize(10);
    }

    @Test
    void managingEndpointsNeedsTheAdminScopeAndReadingDeliveriesAnyScope() {
        Workspace ws = provision();
        String id = endpoint(ws);
        String writer = key(ws, "write");
        String reader = key(ws, "read");

        assertThat(api.post(
                                ws.path("/webhooks"),
                                writer,
                                "{\"url\":\"%s\",\"events\":[\"post.failed\"]}".formatted(URL))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(ws.path("/webhooks"), reader).status()).isEqualTo(403);
        assertThat(api.post(ws.path("/webhooks/" + id + "/roll-secret"), writer, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.get(ws.path("/webhooks/" + id + "/deliveries"), reader).status())
                .isEqualTo(200);
    }

    @Test
    void anotherWorkspacesEndpointsAndDeliveriesAreNotFound() {
        Workspace a = provision();
        Workspace b = provision();
        String ofA = endpoint(a);
        String deliveryOfA = api.post(a.path("/webhooks/" + ofA + "/test"), a.token(), null)
                .json()
                .path("id")
                .asString();
        String ofB = endpoint(b);

        for (var response : List.of(
                api.get(b.path("/webhooks/" + ofA), b.token()),
                api.patch(b.path("/webhooks/" + ofA), b.token(), "{\"enabled\":false}"),
                api.post(b.path("/webhooks/" + ofA + "/roll-secret"), b.token(), null),
                api.post(b.path("/webhooks/" + ofA + "/test"), b.token(), null),
                api.get(b.path("/webhooks/" + ofA + "/deliveries"), b.token()),
                api.post(b.path("/webhooks/" + ofB + "/deliveries/" + deliveryOfA + "/redeliver"), b.token(), null),
                api.delete(b.path("/webhooks/" + ofA), b.token()),
                api.get(a.path("/webhooks/" + ofA), b.token()))) {
            assertThat(response.status()).as(response.toString()).isIn(403, 404);
        }
        assertThat(api.get(a.path("/webhooks/" + ofA), a.token())
                        .json()
                        .path("enabled")
                        .asBoolean())
                .isTrue();
    }

    private String endpoint(Workspace ws) {
        var created = api.post(
                ws.path("/webhooks"), ws.token(), "{\"url\":\"%s\",\"events\":[\"post.published\"]}".formatted(URL));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
