package herald.web.api.idempotency;

import java.util.Map;

/** The first response to an idempotency key, as it is replayed: status, the headers that describe it, and body. */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {}
