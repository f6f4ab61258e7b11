package herald.web.api.idempotency;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Blanks the one-time secrets of a JSON response before it is kept for replays (see {@link OneTimeSecrets}). */
@Component
class ResponseRedaction {

    private final JsonMapper json;

    ResponseRedaction(JsonMapper json) {
        this.json = json;
    }

    byte[] redact(byte[] body, List<String> pointers) {
        if (pointers.isEmpty() || body.length == 0) {
            return body;
        }
        JsonNode root = json.readTree(body);
        for (String pointer : pointers) {
            int last = pointer.lastIndexOf('/');
            JsonNode parent = last <= 0 ? root : root.at(pointer.substring(0, last));
            if (parent instanceof ObjectNode object && object.has(pointer.substring(last + 1))) {
                object.putNull(pointer.substring(last + 1));
            }
        }
        return json.writeValueAsBytes(root);
    }
}
