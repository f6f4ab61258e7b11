package herald.providers.sandbox;

import org.springframework.http.HttpHeaders;

/** One HTTP answer of the Sandbox, read whole: the status decides how its body is read. */
record SandboxAnswer(int status, HttpHeaders headers, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
