package herald.providers.bluesky;

import org.springframework.http.HttpHeaders;

/** One XRPC answer, read whole: the status decides how its body is read. */
record BlueskyAnswer(int status, HttpHeaders headers, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
