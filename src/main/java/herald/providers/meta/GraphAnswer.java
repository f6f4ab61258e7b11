package herald.providers.meta;

import org.springframework.http.HttpHeaders;

/** One Graph API answer, read whole: the status decides how its body is read. */
record GraphAnswer(int status, HttpHeaders headers, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
